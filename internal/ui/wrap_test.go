package ui

import (
	"strings"
	"testing"
)

// TestWrapKeepsWhatIsCopiedWhole: a phone number, a command and a run id
// broken over two lines are dialled or pasted wrong.
func TestWrapKeepsWhatIsCopiedWhole(t *testing.T) {
	for _, tt := range []struct {
		name, line, whole string
		width             int
	}{
		{"phone in a contact", "  spokesperson: Lucía Moreno (communications director) - " + Keep("phone +34 600 100 003") + ", telegram @lucia", "phone +34 600 100 003", 70},
		{"phone in prose", "Call the press office right now on +34 910 200 400 and say nothing else", "+34 910 200 400", 40},
		{"run id at the end", "run 20261126-093004-facebook-down finished · report: " + Keep("crisis report 20261126-093004-facebook-down"), "crisis report 20261126-093004-facebook-down", 80},
		{"command in prose", `[ ] 4. Incident opened with "crisis run meta-outage" by the lead`, "crisis run meta-outage", 40},
		{"hyphenated word", "see the runbook at status.rioverde.example/very-long-hyphenated-path-name now", "status.rioverde.example/very-long-hyphenated-path-name", 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.line, tt.width)
			if !strings.Contains(got, tt.whole) {
				t.Errorf("%q was broken:\n%s", tt.whole, got)
			}
			if !strings.Contains(got, "\n") && len(tt.line) > tt.width {
				t.Errorf("a line of %d columns was not wrapped at %d:\n%s", len(tt.line), tt.width, got)
			}
			if strings.Contains(got, keepSpace) {
				t.Errorf("the placeholder leaked:\n%q", got)
			}
		})
	}
	if got := Wrap(Keep("phone +34 600 100 003"), 0); got != "phone +34 600 100 003" {
		t.Errorf("unwrapped output keeps the placeholder: %q", got)
	}
}

// TestReflow: a line broken mid-sentence joins the next; a sentence's end,
// a blank line, an indented line and a list item keep their breaks.
func TestReflow(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"No podemos iniciar sesión en la cuenta, o publica o\nenvía mensajes que no hemos escrito.",
			"No podemos iniciar sesión en la cuenta, o publica o envía mensajes que no hemos escrito."},
		{"Comprobar desde dos redes que la página falla.\nLlamar por teléfono al portavoz.",
			"Comprobar desde dos redes que la página falla.\nLlamar por teléfono al portavoz."},
		{"Do osób, które\npisały do nas, napisać e-mailem:\n- po awarii\n- 2. krok\n1. pierwszy\n2) drugi",
			"Do osób, które pisały do nas, napisać e-mailem:\n- po awarii\n- 2. krok\n1. pierwszy\n2) drugi"},
		{"Pierwszy akapit bez kropki\n\nDrugi akapit", "Pierwszy akapit bez kropki\n\nDrugi akapit"},
		{"Lista:\n- punkt, który\n  ciągnie się dalej\ndalej", "Lista:\n- punkt, który\n  ciągnie się dalej\ndalej"},
		{"Pytanie?\nOdpowiedź; i\njeszcze", "Pytanie?\nOdpowiedź; i jeszcze"},
		{"", ""},
	} {
		if got := Reflow(tt.in); got != tt.want {
			t.Errorf("Reflow(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
		}
	}
}
