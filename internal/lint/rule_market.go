package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// Markets (format 1.1): where readers live, in which language, with which
// facts. See manual.Market.
func init() {
	register(Meta{ID: "CR310", Severity: diag.Error, Scope: ScopeManual}, checkMarketLocale)
	register(Meta{ID: "CR311", Severity: diag.Error, Scope: ScopeManual}, checkMarketFacts)
	register(Meta{ID: "CR312", Severity: diag.Warning, Scope: ScopeManual}, checkMarketSplit)
}

// checkMarketLocale reports a market whose locale reads no language the
// manual has texts in: its readers would get another language's.
func checkMarketLocale(c *Context) {
	m := c.Manual
	for _, mk := range m.Markets {
		if mk.Locale == "" || slices.ContainsFunc(m.Locales.Supported, mk.Reads) {
			continue
		}
		c.Report(atOr(mk.At, "locale", mk.Pos), "lint.CR310", "lint.CR310.hint",
			args{"Market": mk.ID, "Locale": mk.Locale, "Language": mk.Language(), "Supported": strings.Join(m.Locales.Supported, ", ")})
	}
}

// checkMarketFacts reports each per-market variable a market gives no
// value for ("market facts missing"), at the market's values.
func checkMarketFacts(c *Context) {
	m := c.Manual
	for _, mk := range m.Markets {
		for _, v := range m.Variables {
			if !v.PerMarket {
				continue
			}
			if _, ok := mk.Values[v.Name]; !ok {
				c.Report(atOr(mk.At, "values", mk.Pos), "lint.CR311", "lint.CR311.hint",
					args{"Market": mk.ID, "Variable": v.Name, "Example": v.Example})
			}
		}
	}
}

// checkMarketSplit reports a channel whose one text in a locale is read in
// several markets that give a fact it uses different values: the text has
// to name every market's value ("900 100 200 (España) / 800 100 200
// (Portugal)") where each reader needs only theirs. Once per channel,
// locale and fact, at the channel, naming the first message that uses it.
func checkMarketSplit(c *Context) {
	m := c.Manual
	if len(m.Markets) == 0 {
		return
	}
	// The messages sent on each channel, in the order written.
	sent := map[string][]string{}
	for _, p := range m.Playbooks {
		for a := range announcements(p) {
			for _, ref := range a.ann.Channels {
				if !slices.Contains(sent[ref.ID], a.ann.Message.ID) {
					sent[ref.ID] = append(sent[ref.ID], a.ann.Message.ID)
				}
			}
		}
	}
	for i := range m.Channels {
		ch := &m.Channels[i]
		for _, loc := range m.Locales.Supported {
			rs := m.Readers(ch, loc)
			if len(rs) < 2 {
				continue
			}
			for _, v := range m.Variables {
				if !v.PerMarket || !differ(rs, v.Name) {
					continue
				}
				for _, msg := range sent[ch.ID] {
					if used, _ := render.UsedVariables(m, []string{msg}); slices.Contains(used, v.Name) {
						c.Report(ch.Pos, "lint.CR312", "lint.CR312.hint", args{"Channel": ch.ID, "Locale": loc,
							"Markets": marketList(rs), "Variable": v.Name, "Message": msg})
						break
					}
				}
			}
		}
	}
}

// differ reports whether markets give a variable different values; a
// market giving none is CR311's.
func differ(rs []*manual.Market, name string) bool {
	var first *string
	for _, mk := range rs {
		if v, ok := mk.Values[name]; ok {
			if first != nil && *first != v {
				return true
			}
			first = &v
		}
	}
	return false
}

func marketList(rs []*manual.Market) string {
	ids := make([]string, len(rs))
	for i, mk := range rs {
		ids[i] = mk.ID
	}
	return strings.Join(ids, ", ")
}

// checkMarketFit measures what each market reads (format 1.1): a text read
// in several markets names each one's time and, where they differ, each
// one's fact, and a market's own values and plural rules are not the
// declared example's. Rendered as render does it, with every other value at
// its longest; reported under CR501 where checkFit has not already
// reported the text. fitted holds "message channel locale" of those.
func checkMarketFit(c *Context, reported map[string]bool) {
	m, p := c.Manual, c.Playbook
	anns, ok := marketRenders(c)
	if !ok {
		return
	}
	for a := range announcements(p) {
		for _, ref := range a.ann.Channels {
			if m.IsDown(p, ref.ID) {
				continue
			}
			for _, r := range anns {
				key := r.Message + " " + r.Channel + " " + r.Locale
				if r.Step != a.step || r.Message != a.ann.Message.ID || r.Channel != ref.ID || len(r.Markets) == 0 || r.Fits || reported[key] {
					continue
				}
				reported[key] = true
				problem := fmt.Sprintf("%d %s, limit %d, as read in %s", r.Length, r.Unit, r.Limit, strings.Join(r.Markets, ", "))
				c.Report(ref.Pos, "lint.CR501", "lint.CR501.hint",
					args{"Message": r.Message, "Channel": r.Channel, "Kind": r.Kind, "Locale": r.Locale, "Problem": problem})
			}
		}
	}
}

// marketRenders are the playbook's texts as each market reads them, with
// every other value at its longest, as render does it; not ok in a manual
// without markets or when they do not render (CR404 reports it).
func marketRenders(c *Context) ([]render.Announcement, bool) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if len(m.Markets) == 0 || f.cat == nil {
		return nil, false
	}
	if fc := c.fits; fc != nil {
		if fc.marketFor != p {
			fc.marketFor = p
			fc.market, fc.marketOK = renderMarkets(m, f, p)
		}
		return fc.market, fc.marketOK
	}
	return renderMarkets(m, f, p)
}

func renderMarkets(m *manual.Manual, f *facts, p *manual.Playbook) ([]render.Announcement, bool) {
	vars := map[string]string{}
	for _, vs := range [][]manual.Variable{m.Variables, p.Variables} {
		for _, v := range vs {
			vars[v.Name] = longest(v)
		}
	}
	anns, err := render.Playbook(m, f.cat, p, render.Options{Vars: vars, Clock: longestClock(m)})
	return anns, err == nil
}
