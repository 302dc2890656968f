package lang

import (
	"testing"

	"golang.org/x/text/language"
)

// Words reads a message as written, in the language asked for, English for
// a language crisis does not speak, and nothing for an unknown id.
func TestWords(t *testing.T) {
	for _, c := range []struct {
		tag      language.Tag
		id, want string
	}{
		{language.Spanish, "window.range", "de {{.From}} a {{.To}}"},
		{language.MustParse("es-PE"), "window.elsewhere", "{{.What}} en {{.Markets}}"},
		{language.Polish, "window.range", "od {{.From}} do {{.To}}"},
		{language.English, "window.on", "on {{.Date}}, {{.Range}}"},
		{language.French, "window.range", "from {{.From}} to {{.To}}"},
		{language.Spanish, "window.no-such", ""},
	} {
		if got := Words(c.tag, c.id); got != c.want {
			t.Errorf("Words(%s, %s) = %q, want %q", c.tag, c.id, got, c.want)
		}
	}
}
