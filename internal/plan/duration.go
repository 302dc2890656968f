package plan

import (
	"fmt"
	"time"
)

// FormatDuration writes a duration the way manuals do: 90s, 15m, 1h30m, 3d.
func FormatDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0m"
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d < time.Minute || d%time.Minute != 0:
		// Seconds that are not whole minutes (a deadline of 90s) are
		// written as such, never rounded down to 1m.
		return fmt.Sprintf("%ds", d/time.Second)
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d < time.Hour:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return fmt.Sprintf("%dh%02dm", d/time.Hour, (d%time.Hour)/time.Minute)
}
