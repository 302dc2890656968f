package ui

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/plan"
)

// TestLeadsInTheOperatorsLanguage: who is in charge is named by the
// role's short title from the manual, not its id, and contact kinds are
// in the interface language; app names stay as they are. Expected lines
// written by hand.
func TestLeadsInTheOperatorsLanguage(t *testing.T) {
	leads := []plan.Lead{
		{Role: "spokesperson", Title: "Portavoz; la única voz de la marca", Person: plan.Person{Name: "Lucía Moreno",
			Contacts: []plan.Contact{{Via: "phone", Value: "+34 600 100 003", Up: true}, {Via: "signal", Value: "@lucia", Up: true}, {Via: "email", Value: "l@x.example"}}}},
		{Role: "approver", Title: "Aprueba cada mensaje público antes de que se envíe", Person: plan.Person{Name: "Carmen Vidal",
			Contacts: []plan.Contact{{Via: "sms", Value: "+34 600 100 001", Up: true}}}},
	}
	for tag, want := range map[language.Tag][]string{
		language.Spanish: {"  Portavoz: Lucía Moreno - teléfono +34 600 100 003, signal @lucia", "correo", "  approver: Carmen Vidal - SMS +34 600 100 001\n"},
		language.Polish:  {"  Portavoz: Lucía Moreno - telefon +34 600 100 003, signal @lucia", "e-mail", "  approver: Carmen Vidal - SMS +34 600 100 001\n"},
		language.English: {"  Portavoz: Lucía Moreno - phone +34 600 100 003, signal @lucia", "email", "  approver: Carmen Vidal - sms +34 600 100 001\n"},
	} {
		var b strings.Builder
		writeLeads(&b, plainTheme(), lang.For(tag), leads)
		out := Wrap(b.String(), 80)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the leads lack %q:\n%s", tag, w, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%s: a line of %d columns: %s", tag, n, line)
			}
		}
	}
}
