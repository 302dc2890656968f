package lint

import (
	"crypto/sha1"
	"fmt"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR303", Severity: diag.Warning, Scope: ScopeManual}, checkStale)
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
		// A regional catalogue is not translated from the source: its
		// texts are rewritten for its readers, and CR320 checks them.
		if t.Locale == f.source.Locale || c.Manual.IsRegional(t) {
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
				c.Report(msg.Pos, "lint.CR303.nohash", "lint.CR303.nohash.hint", args{"Message": msg.ID, "Locale": t.Locale, "Source": f.source.Locale, "Hash": want})
			default:
				c.Report(msg.Pos, "lint.CR303.stale", "lint.CR303.stale.hint", args{"Message": msg.ID, "Locale": t.Locale, "Source": f.source.Locale, "Hash": want})
			}
		}
	}
}
