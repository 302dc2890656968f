package report

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// Say is the timeline line in l's language. The JSON keeps Text, in
// English, so that it is the same whatever language the report is read in.
func (e Entry) Say(l *lang.Localizer) string {
	if e.say == nil {
		return e.Text
	}
	return l.Text(e.say)
}

// byType is the line of an event that carries nothing to say but its
// type ("run finished"); a type the catalogue does not know yet is shown
// as its words in every language.
func byType(typ string) *lang.Error {
	if id := "events.type." + typ; lang.For(language.English).Has(id) {
		return lang.Errorf(id, nil)
	}
	return lang.Errorf("events.verbatim", map[string]any{"Text": strings.ReplaceAll(typ, ".", " ")})
}
