package lint

import (
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// Every text of a rule is an entry of the interface catalogue
// (internal/lang/locales/lint.*.yaml), English being the source:
//
//	lint.ID.title, .rationale, .bad, .good   what --explain, --list-rules,
//	                                         SARIF and docs/rules*.md show
//	lint.ID..., lint.ID....hint              a finding's message and hint
//
// Rules report ids and values; a finding keeps them, so that the output
// shows it in the reader's language, and carries its English text too,
// which scripts read (JSON) and tests assert.

// english renders findings' English text; parsed on the first finding.
var english = sync.OnceValue(func() *lang.Localizer { return lang.For(language.English) })

// args are the values a message's placeholders take: {{.Channel}} is
// args{"Channel": ...}. An int "Count" picks the plural form.
type args = map[string]any

// Report records a finding of the running rule at pos: message and hint
// are catalogue ids, data fills both.
func (c *Context) Report(pos diag.Pos, message, hint string, data args) {
	*c.out = append(*c.out, finding(pos, c.meta.ID, c.sev, message, hint, data))
}

// finding is a diagnostic with its catalogue texts and their English.
func finding(pos diag.Pos, rule string, sev diag.Severity, message, hint string, data args) diag.Diagnostic {
	t := &diag.Text{Message: message, Hint: hint, Data: data}
	msg, h := t.Render(english())
	return diag.Diagnostic{Pos: pos, Rule: rule, Severity: sev, Message: msg, Hint: h, Text: t}
}

// Title is the rule's title in l's language (nil: English).
func (m Meta) Title(l *lang.Localizer) string { return m.text(l, "title") }

// Rationale is why the rule exists, in l's language (nil: English).
func (m Meta) Rationale(l *lang.Localizer) string { return m.text(l, "rationale") }

// Bad is a YAML example the rule reports, its comments in l's language.
func (m Meta) Bad(l *lang.Localizer) string { return m.text(l, "bad") }

// Good is the Bad example fixed, its comments in l's language.
func (m Meta) Good(l *lang.Localizer) string { return m.text(l, "good") }

// text is one of the rule's texts, as written: they show template syntax
// ({{.name}}) rather than fill it.
func (m Meta) text(l *lang.Localizer, what string) string {
	return orEnglish(l).Raw("lint." + m.ID + "." + what)
}

// closest is the known names closest to name, quoted and comma-separated
// for a "did you mean" hint, or "".
func closest(name string, known []string) string {
	c := suggest.Closest(name, known)
	if len(c) == 0 {
		return ""
	}
	return `"` + strings.Join(c, `", "`) + `"`
}

func orEnglish(l *lang.Localizer) *lang.Localizer {
	if l == nil {
		return english()
	}
	return l
}
