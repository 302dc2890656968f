package lint

import (
	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR406", Severity: diag.Error, Scope: ScopeManual}, checkSubject)
}

// emailKind is the channel kind (and message variant) of e-mail.
const emailKind = "email"

// checkSubject reports e-mail sent without a subject: an email variant
// written without one (in any locale), and a message announced on an
// e-mail channel with no email variant at all, which renders the generic
// text with no subject line. Mail clients show such a message as
// "(no subject)", and filters put it with spam.
func checkSubject(c *Context) {
	m, f := c.Manual, c.facts
	for _, t := range m.Templates {
		base := m.RegionalBase(t.Locale)
		for _, msg := range t.Messages {
			name, variant, part := manual.SplitID(msg.ID)
			if variant != emailKind || part == "subject" {
				continue
			}
			// A regional body takes its base's subject, part by part
			// (message.Catalog); a whole e-mail in one text has none.
			if part == "body" && base != "" && f.lookup(base, name+".email.subject") != nil {
				continue
			}
			if f.lookup(t.Locale, name+".email.subject") == nil {
				c.Report(msg.Pos, "lint.CR406.variant", "lint.CR406.variant.hint", args{"Message": name, "Locale": t.Locale})
			}
		}
	}
	def := m.Locales.Default
	skip := map[string]bool{} // by message name, decided once rather than per announcement
	for _, p := range c.Playbooks() {
		for a := range announcements(p) {
			name := a.ann.Message.ID
			s, known := skip[name]
			if !known {
				own := f.lookup(def, name+".email") != nil || f.lookup(def, name+".email.body") != nil || f.lookup(def, name+".email.subject") != nil
				s = own || !f.hasMessage(def, name)
				skip[name] = s
			}
			if s {
				continue // its own email variant is checked above; a missing message is CR005's
			}
			for _, ref := range a.ann.Channels {
				if ch := m.Channel(ref.ID); ch != nil && channel.Canonical(ch.Kind) == emailKind {
					c.Report(ref.Pos, "lint.CR406.generic", "lint.CR406.generic.hint", args{"Message": name, "Channel": ch.ID, "Locale": def})
				}
			}
		}
	}
}
