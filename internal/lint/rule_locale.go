package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR301", Severity: diag.Error, Scope: ScopeManual}, checkLocale)
}

// checkLocale reports, at the source text, each message of the default
// locale that a supported locale's file lacks. A locale without any file is
// the loader's CR005.
func checkLocale(c *Context) {
	m, f := c.Manual, c.facts
	if f.source == nil {
		return
	}
	seen := map[string]bool{}
	for _, msg := range f.source.Messages {
		name, _, _ := manual.SplitID(msg.ID)
		if seen[name] {
			continue
		}
		seen[name] = true
		for _, loc := range m.Locales.Supported {
			t := m.TemplatesFor(loc)
			if loc == f.source.Locale || t == nil || f.hasMessage(loc, name) {
				continue
			}
			c.Report(msg.Pos, "lint.CR301", "lint.CR301.hint", args{"Message": name, "Locale": loc, "File": t.File, "Source": f.source.Locale})
		}
	}
}
