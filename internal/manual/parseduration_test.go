package manual

import (
	"testing"
	"time"
)

// The manual's durations: a whole number of ASCII digits and one unit,
// nothing else, at most 100,000 units.
func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"15m", 15 * time.Minute, true},
		{"30s", 30 * time.Second, true},
		{"5h", 5 * time.Hour, true},
		{"180d", 180 * 24 * time.Hour, true},
		{"0m", 0, true},
		{" 45m\t", 45 * time.Minute, true},
		{"007m", 7 * time.Minute, true},
		{"0000000000000000000001h", time.Hour, true},
		{"100000s", 100000 * time.Second, true},
		{"100001s", 0, false},
		{"99999999999999999999999m", 0, false},
		{"", 0, false},
		{"m", 0, false},
		{"15", 0, false},
		{"15M", 0, false},
		{"15 m", 0, false},
		{"15mm", 0, false},
		{"1.5h", 0, false},
		{"-5m", 0, false},
		{"+5m", 0, false},
		// Hours and minutes, as crisis writes a duration past an hour.
		{"1h30m", 90 * time.Minute, true},
		{"9h05m", 9*time.Hour + 5*time.Minute, true},
		{"9h5m", 9*time.Hour + 5*time.Minute, true},
		{"25h30m", 25*time.Hour + 30*time.Minute, true},
		{" 1h30m ", 90 * time.Minute, true},
		{"1h00m", time.Hour, true},
		{"100000h59m", 100000*time.Hour + 59*time.Minute, true},
		{"100001h05m", 0, false},
		{"1h60m", 0, false},
		{"1h075m", 0, false},
		{"1h30", 0, false},
		{"1hm", 0, false},
		{"h30m", 0, false},
		{"1h 30m", 0, false},
		{"1h30s", 0, false},
		{"1h30mm", 0, false},
		{"1d6h", 0, false},
		{"1m30s", 0, false},
		{"1h1h", 0, false},
		{"١٥m", 0, false}, // Arabic-Indic digits are not the manual's
		{"15w", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseDuration(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDuration(%q) = %v, %t; want %v, %t", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
