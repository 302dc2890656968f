package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{
		ID: "CR305", Title: "A channel speaks a locale the manual does not support", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "A channel's locales are the texts a run must send on it. A locale the manual does not support has no messages: the run could never send what the channel promises, or a misspelt code (es-ES for es) silently leaves the channel without a must-send text.",
		Bad:       "locales:\n  supported: [es, en]\nchannels:\n  - id: x\n    locales: [pt]\n",
		Good:      "locales:\n  supported: [es, en]\nchannels:\n  - id: x\n    locales: [es]\n",
	}, checkChannelLocale)
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
			c.Report(at, "use one of locales.supported ("+strings.Join(m.Locales.Supported, ", ")+"), or add "+loc+" there with its message file",
				"channel %s speaks %q, which is not in locales.supported", ch.ID, loc)
		}
	}
}
