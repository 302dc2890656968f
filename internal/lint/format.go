package lint

import (
	"fmt"
	"time"
)

// formatDuration writes a duration as the manual does (90s, 15m, 6h, 180d),
// not as Go does (15m0s).
func formatDuration(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0 && d != 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0 && d != 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}
