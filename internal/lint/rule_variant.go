package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
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
			if missing := f.variantGaps(m, name, ch.Kind); missing != "" {
				c.Report(ref.Pos, "lint.CR302", "lint.CR302.hint", args{"Message": name, "Kind": ch.Kind, "Locales": missing})
			}
		}
	}
}

// variantKey is a message name and a channel kind.
type variantKey struct{ name, kind string }

// variantGaps lists, comma-separated, the locales that have the message
// but neither the kind's variant nor the generic one. It depends on the
// message and the kind only, and every playbook sends the same messages
// on channels of the same kinds: the facts hold it for every message some
// playbook sends and every kind of channel, computed before the rules run
// (see addVariantGaps).
func (f *facts) variantGaps(m *manual.Manual, name, kind string) string {
	if gaps, ok := f.gaps[variantKey{name, kind}]; ok {
		return gaps
	}
	return f.missingVariant(m, name, kind)
}

func (f *facts) missingVariant(m *manual.Manual, name, kind string) string {
	var missing []string
	for _, t := range m.Templates {
		// A regional catalogue holds only what differs; the rest is its
		// base locale's.
		if m.IsRegional(t) {
			continue
		}
		if f.hasMessage(t.Locale, name) && !f.hasVariant(t.Locale, name, kind) {
			missing = append(missing, t.Locale)
		}
	}
	return strings.Join(missing, ", ")
}

// addVariantGaps computes variantGaps for every message some playbook
// sends and every kind of channel of the manual.
func (f *facts) addVariantGaps(m *manual.Manual) {
	f.gaps = map[variantKey]string{}
	for name := range f.announcers {
		for i := range m.Channels {
			k := variantKey{name, m.Channels[i].Kind}
			if _, ok := f.gaps[k]; !ok {
				f.gaps[k] = f.missingVariant(m, name, k.kind)
			}
		}
	}
}
