package lint

import (
	"crypto/sha1"
	"fmt"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR303", Title: "A translation is stale: its source text changed since it was translated", Severity: diag.Warning, Scope: ScopeManual,
		Rationale: "A translation carries hash: the go-i18n hash of the source it was made from (sha1 of the source's description followed by its other text). When the source changes and the translation does not, readers of that locale get the old message: a different phone number, a withdrawn promise. A translation without a hash cannot be checked at all.",
		Bad:       "# pl.yaml, after the es text changed\nholding:\n  default:\n    hash: sha1-8dc6ac1992c29c9148d902ef8b56f91390fdc1a8\n",
		Good:      "# pl.yaml, re-translated, with the hash of the new es text\nholding:\n  default:\n    hash: sha1-<hash crisis lint shows>\n",
	}, checkStale)
}

// SourceHash is go-i18n's hash of a source message, the one `goi18n merge`
// writes into translations: "sha1-" and the hex SHA-1 of the description
// followed by the other text.
func SourceHash(m *manual.Message) string {
	h := sha1.New()
	h.Write([]byte(m.Description))
	h.Write([]byte(m.Forms["other"]))
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

func checkStale(c *Context) {
	f := c.facts
	if f.source == nil {
		return
	}
	for _, t := range c.Manual.Templates {
		if t.Locale == f.source.Locale {
			continue
		}
		for _, msg := range t.Messages {
			src := f.lookup(f.source.Locale, msg.ID)
			if src == nil {
				continue
			}
			want := SourceHash(src)
			switch msg.Hash {
			case want:
			case "":
				c.Report(msg.Pos, "check it against the "+f.source.Locale+" text, then add hash: "+want,
					"translation %s (%s) has no hash: whether it is up to date is unknown", msg.ID, t.Locale)
			default:
				c.Report(msg.Pos, "the "+f.source.Locale+" text changed; update the translation, then set hash: "+want,
					"translation %s (%s) is stale: its source text changed", msg.ID, t.Locale)
			}
		}
	}
}
