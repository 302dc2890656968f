package manual

import (
	"fmt"
	"time"
)

// FormatDuration writes a duration the one way crisis shows durations
// everywhere (lint, plan, run, drill, report): as the manual writes them, a
// whole number and the largest unit that keeps it exact: 90s, 15m, 90m, 6h,
// 3d. What is printed can be pasted back into a manual (parseDuration reads
// it), so a hint such as "bring the deadline to 90m or less" is literally
// what to write. Sub-second parts are rounded to the second; a negative
// duration gets a minus sign.
func FormatDuration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < 0 {
		return "-" + FormatDuration(-d)
	}
	switch {
	case d == 0:
		return "0m"
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	// Seconds that are not whole minutes (a deadline of 90s) are written as
	// such, never rounded to 1m or 2m.
	return fmt.Sprintf("%ds", d/time.Second)
}
