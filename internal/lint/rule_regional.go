package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Regional catalogues (templates/es-PE.yaml beside es.yaml): the texts of
// one region, each replacing its base locale's for the markets that read
// under that tag (manual.RegionalBase). Their plural forms and variables
// are checked as every text's (CR304, CR402 ...); what is theirs alone is
// checked here.
func init() {
	register(Meta{ID: "CR320", Severity: diag.Error, Scope: ScopeManual}, checkRegionalIDs)
	register(Meta{ID: "CR321", Severity: diag.Error, Scope: ScopeManual}, checkRegionalReaders)
}

// checkRegionalIDs reports a regional text whose id its base locale lacks:
// a variant replaces a text, and one with nothing to replace is never
// rendered (a misspelt id, or a message renamed in the base file since).
func checkRegionalIDs(c *Context) {
	m := c.Manual
	for _, t := range m.Templates {
		base := m.RegionalBase(t.Locale)
		if base == "" {
			continue
		}
		bt := m.TemplatesFor(base)
		if bt == nil {
			continue // the loader reports the missing file
		}
		var ids []string
		for _, msg := range bt.Messages {
			ids = append(ids, msg.ID)
		}
		for _, msg := range t.Messages {
			if bt.Lookup(msg.ID) != nil {
				continue
			}
			hint, data := "lint.CR320.hint", args{"Message": msg.ID, "Locale": t.Locale, "Base": base, "BaseFile": bt.File}
			if near := closest(msg.ID, ids); near != "" {
				hint, data["Suggestion"] = "lint.CR320.suggest", near
			}
			c.Report(msg.Pos, "lint.CR320", hint, data)
		}
	}
}

// checkRegionalReaders reports a regional catalogue no market reads: no
// market's locale is its tag, so its readers, the very ones it was written
// for, get the base texts it meant to replace. An error, not a warning:
// nothing else shows it, and the texts it corrects (a store that a market
// has not) go out as they were.
func checkRegionalReaders(c *Context) {
	m := c.Manual
	for _, t := range m.Templates {
		if !m.IsRegional(t) || slices.ContainsFunc(m.Markets, func(mk manual.Market) bool { return manual.SameTag(mk.Locale, t.Locale) }) {
			continue
		}
		data := args{"File": t.File, "Locale": t.Locale}
		if len(m.Markets) == 0 {
			c.Report(t.Pos, "lint.CR321", "lint.CR321.no-markets.hint", data)
			continue
		}
		var tags []string
		for _, mk := range m.Markets {
			if !slices.Contains(tags, mk.Locale) {
				tags = append(tags, mk.Locale)
			}
		}
		hint := "lint.CR321.hint"
		data["Markets"] = strings.Join(tags, ", ")
		if near := closest(t.Locale, tags); near != "" {
			hint, data["Suggestion"] = "lint.CR321.suggest", near
		}
		c.Report(t.Pos, "lint.CR321", hint, data)
	}
}
