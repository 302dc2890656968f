package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR302", Severity: diag.Error, Scope: ScopePlaybook}, checkVariant)
}

// checkVariant reports each channel of an announcement for which some
// locale that has the message holds neither the channel kind's variant nor
// the generic one. A message missing from a whole locale is CR301's.
func checkVariant(c *Context) {
	m, p, f := c.Manual, c.Playbook, c.facts
	for a := range announcements(p) {
		name := a.ann.Message.ID
		for _, ref := range a.ann.Channels {
			ch := m.Channel(ref.ID)
			if ch == nil {
				continue
			}
			var missing []string
			for _, t := range m.Templates {
				if f.hasMessage(t.Locale, name) && !f.hasVariant(t.Locale, name, ch.Kind) {
					missing = append(missing, t.Locale)
				}
			}
			if len(missing) > 0 {
				c.Report(ref.Pos, "lint.CR302", "lint.CR302.hint", args{"Message": name, "Kind": ch.Kind, "Locales": strings.Join(missing, ", ")})
			}
		}
	}
}
