package lint

import (
	"fmt"
	"strings"
	"testing"
)

// TestSMSFitProvedAsRenderedValues: CR501 and CR503 report the same
// findings with the SMS proofs on and off when the value, not the form,
// brings escaped GSM-7 characters, a letter GSM-7 lacks, a pictograph
// (a surrogate pair) or a combining accent, and the text ends in one, so
// that a segment boundary falls on it; also with a drill mark of an
// escaped character and plural forms of different lengths on the SMS.
func TestSMSFitProvedAsRenderedValues(t *testing.T) {
	defer func(p bool) { proveFits = p }(proveFits)
	skipped, found := 0, 0
	for _, example := range []string{"Facebook", "Fac€book", "Face[x]", "Faceboók", "Face😀😀", "Face\u0301b", "Ćwicz"} {
		for segments := 1; segments <= 3; segments++ {
			for n := 120; n <= 470; n += 23 {
				files := build(t,
					edit{fManual, "    owner: spokesperson\n    limit: 1\n", fmt.Sprintf("    owner: spokesperson\n    limit: %d\n", segments)},
					edit{fPlaybook, "example: Facebook\n    max_length: 10", "example: \"" + example + "\"\n    max_length: 20"},
					edit{fEN, "is down. Use SMS.", "is down. Use SMS. " + strings.Repeat("a", n/2) + "{{.platform}}" + strings.Repeat("b", n/2) + "{{.platform}}"},
					edit{fPL, "nie dziala. SMS.", "nie dziala. SMS. " + strings.Repeat("z", n) + "{{.platform}}"})
				if len(fitsProvedAndRendered(t, files, fmt.Sprintf("%q, %d segments, %d more", example, segments, n))) == 0 {
					skipped++
				} else {
					found++
				}
			}
		}
	}
	if skipped == 0 || found == 0 {
		t.Fatalf("%d cases without findings, %d with: the test does not cross the limits", skipped, found)
	}
}
