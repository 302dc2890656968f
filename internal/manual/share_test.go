package manual

import (
	"testing"
	"unsafe"
)

// share returns one copy of each text, and the text it was given even
// when another text of the same length and the same first, middle and
// last bytes took its place in the recent texts.
func TestShareKeepsOneCopyOfEachText(t *testing.T) {
	d := &decoder{strs: newTexts()}
	texts := []string{"sms-customers", "ab-cd", "ax-cd", "ab-cd", "sms-customers", "ax-cd", "", "x"}
	first := map[string]*byte{}
	for _, s := range texts {
		s = string([]byte(s)) // a copy of its own, as yaml.v3 makes
		got := d.share(s)
		if got != s {
			t.Fatalf("share(%q) = %q", s, got)
		}
		if s == "" {
			continue
		}
		if p, ok := first[s]; ok && p != unsafe.StringData(got) {
			t.Errorf("share(%q) returned a second copy", s)
		}
		first[s] = unsafe.StringData(got)
	}
}
