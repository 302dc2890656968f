package manual

import (
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0m"},
		{30 * time.Second, "30s"},
		{61 * time.Second, "61s"},
		{90 * time.Second, "90s"},
		{time.Minute, "1m"},
		{15 * time.Minute, "15m"},
		{59 * time.Minute, "59m"},
		{time.Hour, "1h"},
		{61 * time.Minute, "1h01m"},
		{90 * time.Minute, "1h30m"},
		{6*time.Hour + 5*time.Minute, "6h05m"},
		{597 * time.Minute, "9h57m"},
		{8 * time.Hour, "8h"},
		{24 * time.Hour, "1d"},
		{25 * time.Hour, "25h"},
		{25*time.Hour + 30*time.Minute, "25h30m"},
		{3601 * time.Second, "3601s"},
		{72 * time.Hour, "3d"},
		{180 * 24 * time.Hour, "180d"},
		{90*time.Second + 400*time.Millisecond, "90s"},
		{-15 * time.Minute, "-15m"},
		{-(9*time.Hour + 57*time.Minute), "-9h57m"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := FormatDuration(tt.d)
			if got != tt.want {
				t.Fatalf("FormatDuration(%v) = %q, want %q", tt.d, got, tt.want)
			}
			// What is shown can be written back into a manual.
			if tt.d >= 0 && tt.d%time.Second == 0 {
				if back, ok := parseDuration(got); !ok || back != tt.d {
					t.Errorf("parseDuration(%q) = %v, %v; want %v", got, back, ok, tt.d)
				}
			}
		})
	}
}
