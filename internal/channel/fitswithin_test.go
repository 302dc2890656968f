package channel

import (
	"strings"
	"testing"
)

// TestFitsWithin: a profile answers true only where every text of that
// many bytes fits, which the texts most expanded by NFC (a Hebrew
// presentation form becomes three code points, a Greek combining mark
// two, a musical symbol three) and plain ASCII check at the edge.
func TestFitsWithin(t *testing.T) {
	texts := []string{
		strings.Repeat("a", 30),
		strings.Repeat("\uFB2C", 10),    // 3 bytes -> 3 code points under NFC
		strings.Repeat("\u0344", 15),    // 2 bytes -> 2 code points
		strings.Repeat("\U0001D160", 7), // 4 bytes -> 3 code points
		strings.Repeat("\U0001F600", 7), // 4 bytes, 2 UTF-16 units
		"\xff\xfe" + strings.Repeat("b", 28),
	}
	for _, kind := range []string{"email", "store-sign", "telegram", "signal", "slack", "voice", "status-page"} {
		p, ok := Lookup(kind)
		if !ok {
			t.Fatalf("no profile %s", kind)
		}
		for limit := 1; limit <= 120; limit++ {
			p := p
			p.Limit = limit
			for _, text := range texts {
				if p.FitsWithin(len(text)) && !p.Measure(text).Fits {
					t.Errorf("%s limit %d: FitsWithin(%d) but %q measures %d", kind, limit, len(text), text, p.Measure(text).Length)
				}
			}
		}
	}
	chars, _ := Lookup("status-page")
	chars.Limit = 90
	if !chars.FitsWithin(30) || chars.FitsWithin(31) {
		t.Errorf("characters, limit 90: FitsWithin(30) = %v, FitsWithin(31) = %v; want true, false", chars.FitsWithin(30), chars.FitsWithin(31))
	}
	bytes, _ := Lookup("signal")
	bytes.Limit = 90
	if !bytes.FitsWithin(90) || bytes.FitsWithin(91) {
		t.Errorf("bytes, limit 90: FitsWithin(90) = %v, FitsWithin(91) = %v; want true, false", bytes.FitsWithin(90), bytes.FitsWithin(91))
	}
	for _, kind := range []string{"sms", "x", "mastodon", "bluesky", "push", "email-subject", "instagram"} {
		p, _ := Lookup(kind)
		if p.FitsWithin(0) {
			t.Errorf("%s: FitsWithin(0) = true; its limit is not one count of the text", kind)
		}
	}
}
