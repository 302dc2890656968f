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
	register(Meta{ID: "CR322", Severity: diag.Warning, Scope: ScopeManual}, checkRegionalRead)
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
		if !m.IsRegional(t) || readByMarket(m, t.Locale) {
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

// readByMarket reports whether some market reads under tag.
func readByMarket(m *manual.Manual, tag string) bool {
	return slices.ContainsFunc(m.Markets, func(mk manual.Market) bool { return manual.SameTag(mk.Locale, tag) })
}

// checkRegionalRead reports a text of a regional catalogue that no reader
// takes, though a market reads under its tag: every channel carrying its
// message to that market is read there together with markets of other
// tags (one text for all, the base's), or the base's variant for the
// channel's kind comes first (a region's default does not replace es's
// sms text). Its author believes a market reads it, and that market reads
// the base text. Texts are taken as the catalogue takes them
// (message.Catalog.RegionalIDs) on every channel announcements, updates,
// drill injects and the reply library may use. A warning: the text may be
// written ahead of a channel still to come.
func checkRegionalRead(c *Context) {
	m, f := c.Manual, c.facts
	if f.cat == nil {
		return
	}
	for _, t := range m.Templates {
		base := m.RegionalBase(t.Locale)
		if base == "" || !readByMarket(m, t.Locale) {
			continue // CR321
		}
		read := map[string]bool{}
		mark := func(msg string, ch *manual.Channel, rs []*manual.Market) {
			if ch == nil || !manual.SameTag(manual.SharedTag(rs), t.Locale) {
				return
			}
			for _, id := range f.cat.RegionalIDs(msg, ch.Kind, base, t.Locale) {
				read[id] = true
			}
		}
		for _, p := range m.Playbooks {
			for a := range announcements(p) {
				for _, ref := range a.ann.Channels {
					if ch := m.Channel(ref.ID); ch != nil {
						mark(a.ann.Message.ID, ch, m.Readers(ch, base))
					}
				}
			}
			for _, in := range p.Drill.Injects {
				if ch := m.Channel(in.Channel.ID); ch != nil && in.Message.ID != "" {
					rs := m.Readers(ch, base)
					if mk := m.Market(in.Market.ID); mk != nil {
						rs = []*manual.Market{mk} // the one person's
					}
					mark(in.Message.ID, ch, rs)
				}
			}
		}
		// A reply goes to one person, on any channel reaching their market.
		for _, r := range m.Replies {
			for i := range m.Channels {
				ch := &m.Channels[i]
				for _, mk := range m.Readers(ch, base) {
					mark(r.Message.ID, ch, []*manual.Market{mk})
				}
			}
		}
		for _, msg := range t.Messages {
			if read[msg.ID] || f.lookup(base, msg.ID) == nil {
				continue // an id its base lacks is CR320's
			}
			var markets []string
			for _, mk := range m.Markets {
				if manual.SameTag(mk.Locale, t.Locale) {
					markets = append(markets, mk.ID)
				}
			}
			c.Report(msg.Pos, "lint.CR322", "lint.CR322.hint", args{"Message": msg.ID, "Locale": t.Locale, "Base": base, "Markets": strings.Join(markets, ", ")})
		}
	}
}
