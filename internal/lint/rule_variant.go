package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{
		ID: "CR302", Title: "A message has no variant for a channel it is sent to, and no default", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "A message sent to an SMS channel needs an sms: text or a default: one. Without either, the announcement cannot be rendered when it is due.",
		Bad:       "announce:\n  - message: holding     # holding has only email: and x:\n    channels: [sms-customers]\n",
		Good:      "# templates/es.yaml\nholding:\n  default:\n    other: \"...\"\n  sms:\n    other: \"...\"\n",
	}, checkVariant)
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
				c.Report(ref.Pos, "add "+name+"."+ch.Kind+" or "+name+".default to the message files",
					"message %s has no %s variant and no default in %s", name, ch.Kind, strings.Join(missing, ", "))
			}
		}
	}
}
