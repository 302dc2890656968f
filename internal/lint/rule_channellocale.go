package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR305", Severity: diag.Error, Scope: ScopeManual}, checkChannelLocale)
}

// checkChannelLocale reports each locale a channel says it speaks that is
// not in locales.supported, where it is written.
func checkChannelLocale(c *Context) {
	m := c.Manual
	for _, ch := range m.Channels {
		for i, loc := range ch.Locales {
			if slices.Contains(m.Locales.Supported, loc) {
				continue
			}
			at := ch.Pos
			if i < len(ch.LocalesAt) {
				at = ch.LocalesAt[i]
			}
			c.Report(at, "lint.CR305", "lint.CR305.hint", args{"Channel": ch.ID, "Locale": loc, "Supported": strings.Join(m.Locales.Supported, ", ")})
		}
	}
}
