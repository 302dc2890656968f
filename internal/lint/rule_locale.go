package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR301", Title: "A message is missing in a supported locale", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "Every supported locale is a promise that its readers get the message in their language. A missing translation falls back to the default locale in the middle of the crisis, or blocks the announcement while someone translates under stress.",
		Bad:       "# es.yaml\nholding:\n  default:\n    other: \"{{.platform}} no funciona.\"\n# pl.yaml: no holding\n",
		Good:      "# pl.yaml\nholding:\n  default:\n    hash: sha1-...\n    other: \"{{.platform}} nie działa.\"\n",
	}, checkLocale)
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
			c.Report(msg.Pos, "translate it in "+t.File+"; until then "+loc+" readers get "+f.source.Locale,
				"message %s has no %s text in %s", name, loc, t.File)
		}
	}
}
