package manual

import (
	"math"
	"regexp"
	"testing"
	"time"
)

// TestFormatDurationParsesBack: every whole number of seconds up to a
// day, every minute up to 200 hours and the hours and days near the
// format's bound read back as the duration written.
func TestFormatDurationParsesBack(t *testing.T) {
	check := func(d time.Duration) {
		s := FormatDuration(d)
		got, ok := parseDuration(s)
		if !ok || got != d {
			t.Fatalf("%v written %q reads back %v, %v", d, s, got, ok)
		}
	}
	for d := time.Duration(0); d <= 24*time.Hour; d += time.Second {
		check(d)
	}
	for d := time.Duration(0); d <= 200*time.Hour; d += time.Minute {
		check(d)
	}
	for _, d := range []time.Duration{100000 * time.Hour, 100000*time.Hour + 59*time.Minute, 100000 * 24 * time.Hour} {
		check(d)
	}
}

// schemaDuration is the pattern docs/schema gives every duration.
var schemaDuration = regexp.MustCompile(`^0*(100000|[0-9]{1,5})(s|m|h|d|h[0-5]?[0-9]m)$`)

// TestDurationSchemaAgrees: the schema's pattern and the parser accept
// the same texts (without the spaces the parser trims).
func TestDurationSchemaAgrees(t *testing.T) {
	var texts []string
	for _, n := range []string{"", "0", "1", "9", "00", "007", "59", "60", "99", "100", "99999", "100000", "100001", "0100000", "1000000", "x", "-1", "+1", "1.5"} {
		for _, u := range []string{"", "s", "m", "h", "d", "w", "ms", "hm", "h0m", "h5m", "h05m", "h59m", "h60m", "h99m", "h005m", "h5", "h5s", "h30m0s", "d6h", "h1h", "h-1m", "hm5"} {
			texts = append(texts, n+u)
		}
	}
	for _, s := range texts {
		_, parsed := parseDuration(s)
		if schema := schemaDuration.MatchString(s); schema != parsed {
			t.Errorf("%q: schema %v, parser %v", s, schema, parsed)
		}
	}
}

// TestFormatDurationExtremes: the saturated durations time.Time.Sub
// returns for instants too far apart (a zero time in a journal) are
// written, not recursed on for ever.
func TestFormatDurationExtremes(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{time.Duration(math.MaxInt64), "9223372036s"},
		{time.Duration(math.MinInt64), "-9223372036s"},
		{time.Time{}.Sub(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)), "-9223372036s"},
	} {
		if got := FormatDuration(c.d); got != c.want {
			t.Errorf("FormatDuration(%d) = %q, want %q", int64(c.d), got, c.want)
		}
	}
}
