package statussite

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

// TestContrast reads the page's colours from its style sheet and checks
// each text/background pair the page uses against WCAG 2.2's 4.5:1 for
// normal text (success criterion 1.4.3).
func TestContrast(t *testing.T) {
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--(\w+):(#[0-9a-f]{6})`).FindAllStringSubmatch(pageTemplate, -1) {
		vars[m[1]] = m[2]
	}
	pairs := []struct{ what, fg, bg string }{
		{"text", vars["ink"], vars["bg"]},
		{"muted text", vars["muted"], vars["bg"]},
		{"links", vars["info"], vars["bg"]},
		{"investigating badge", "#ffffff", vars["bad"]},
		{"identified badge", "#ffffff", vars["warn"]},
		{"monitoring badge", "#ffffff", vars["info"]},
		{"resolved badge", "#ffffff", vars["ok"]},
		{"drill banner", vars["bad"], "#fff4f4"},
		{"incident summary", vars["ink"], "#fbeeee"},
		{"all-clear summary", vars["ink"], "#eef7f0"},
		{"current language", "#ffffff", vars["ink"]},
	}
	for _, p := range pairs {
		if p.fg == "" || p.bg == "" {
			t.Fatalf("%s: colour missing from the style sheet (%v)", p.what, vars)
		}
		if r := contrast(p.fg, p.bg); r < 4.5 {
			t.Errorf("%s: %s on %s is %.2f:1, under 4.5:1", p.what, p.fg, p.bg, r)
		}
	}
	if r := contrast("#777777", "#ffffff"); r >= 4.5 { // a known failing grey: 4.48:1
		t.Errorf("the contrast formula passes #777 on white: %.2f", r)
	}
}

// contrast is WCAG's (L1 + 0.05) / (L2 + 0.05) of relative luminances.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	ch := func(i int) float64 {
		v, _ := strconv.ParseUint(hex[i:i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(1) + 0.7152*ch(3) + 0.0722*ch(5)
}
