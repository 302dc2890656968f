package channel

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMeasure checks that measuring never panics on any channel, that SMS
// segments rejoin to the input, and that each segment stays within its
// unit budget (unless it is a single oversized cluster's fragment, which is
// still cut to fit).
func FuzzMeasure(f *testing.F) {
	for _, s := range []string{"", "hola", "¿Dónde está?", "Zażółć gęślą jaźń", "€{}[]", "😀👨‍👩‍👧‍👦🇪🇸1\ufe0f\u20e3",
		"see https://example.com/a_(b). and t.co", "故人西辞黄鹤楼", "\xff\xfe", "a\u0301\u0301", "\ufeff\ufffe",
		strings.Repeat("ó", 70) + "😀", strings.Repeat("x", 152) + "€"} {
		f.Add(s)
	}
	kinds := Kinds()
	f.Fuzz(func(t *testing.T, text string) {
		for _, k := range kinds {
			p, _ := Lookup(k)
			m := p.Measure(text)
			if m.Length < 0 || m.Channel != k {
				t.Fatalf("%s: bad measurement %+v", k, m)
			}
		}
		parts := SMSSegments(text)
		if strings.Join(parts, "") != text {
			t.Fatalf("segments do not rejoin: %q", parts)
		}
		ucs2, total, _ := smsScan(text)
		for _, part := range parts {
			if part == "" {
				t.Fatalf("empty segment in %q", parts)
			}
			if utf8.ValidString(text) && !utf8.ValidString(part) {
				t.Fatalf("segment cuts a code point: %q", part)
			}
			budget := smsCapacity(ucs2, 2) / 2
			if len(parts) == 1 {
				budget = smsCapacity(ucs2, 1)
			}
			if n := smsUnits(part, ucs2); n > budget {
				t.Fatalf("segment of %d units over %d: %q", n, budget, part)
			}
		}
		if m := mustLookup(t, "sms").Measure(text); m.Segments != len(parts) || m.Length != total {
			t.Fatalf("Measure and SMSSegments disagree: %d vs %d", m.Segments, len(parts))
		}
	})
}

// smsUnits counts a segment's units in the message's encoding.
func smsUnits(s string, ucs2 bool) int {
	n := 0
	for _, r := range s {
		n += smsUnitCost(r, ucs2)
	}
	return n
}
