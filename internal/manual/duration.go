package manual

import (
	"fmt"
	"math"
	"time"
)

// FormatDuration writes a duration the one way crisis shows durations
// everywhere (lint, plan, run, drill, report), in the manual's own units:
// under an hour a whole number and the largest unit that keeps it exact
// (90s, 15m); whole hours and days so (6h, 25h, 3d); past an hour, hours
// and minutes (1h30m, 9h05m), which a comms lead reads at a glance where
// "597m" must be worked out. Minutes take two digits there, so a
// countdown keeps its width from 9h59m to 9h05m. What is printed can be
// pasted back into a manual (parseDuration reads every form), so a hint
// such as "bring the deadline to 1h30m or less" is literally what to
// write. Sub-second parts are rounded to the second; a negative duration
// gets a minus sign.
func FormatDuration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < 0 {
		// The least duration has no opposite (time.Time.Sub saturates to
		// it for instants too far apart): a nanosecond less is written.
		return "-" + FormatDuration(-max(d, -time.Duration(math.MaxInt64)))
	}
	switch {
	case d == 0:
		return "0m"
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0 && d > time.Hour:
		return fmt.Sprintf("%dh%02dm", d/time.Hour, d%time.Hour/time.Minute)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	// Seconds that are not whole minutes (a deadline of 90s) are written as
	// such, never rounded to 1m or 2m.
	return fmt.Sprintf("%ds", d/time.Second)
}

// parseHoursMinutes reads the hours and minutes of a duration written as
// FormatDuration writes one past an hour ("1h30m", split at the h): hours
// as parseDuration counts any unit, then one or two digits of minutes
// under 60 and an m. Nothing else is combined (no "1d6h", no "1m30s"):
// crisis never writes them.
func parseHoursMinutes(hours, minutes string) (time.Duration, bool) {
	h, okh := durationCount(hours)
	if len(minutes) < 2 || len(minutes) > 3 || minutes[len(minutes)-1] != 'm' {
		return 0, false
	}
	m, okm := durationCount(minutes[:len(minutes)-1])
	if !okh || !okm || m >= 60 {
		return 0, false
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, true
}

// durationCount reads the whole number of a duration: ASCII digits, at
// least one, at most maxDurationCount.
func durationCount(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		// Leading zeros are allowed ("007m"), so the bound is checked on
		// the value as it grows, not on the number of digits.
		if n = n*10 + int(c-'0'); n > maxDurationCount {
			return 0, false
		}
	}
	return n, true
}
