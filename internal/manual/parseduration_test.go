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
		{"1h30m", 0, false},
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
