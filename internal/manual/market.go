package manual

import (
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// Market is where a part of the organisation's readers live (format 1.1):
// the language and region they read (its full tag picks plural rules and
// clock formats), the zone their clocks show, and the facts that differ from
// one market to the next (a support phone a reader can dial, a status URL).
type Market struct {
	ID       string
	Name     string // as texts name it beside a time: "11:30 (España)"
	Locale   string // a BCP 47 tag as written: es-ES, pt-PT
	TimeZone string
	Location *time.Location // UTC when the zone is unknown (reported)
	// Values are the market's own values of manual variables, by name;
	// ValuesAt holds where each is written.
	Values   map[string]string
	ValuesAt map[string]Pos
	Pos      Pos
	At       Positions
}

// Language is the language of the market's locale: es for es-ES.
func (mk *Market) Language() string {
	lang, _, _ := strings.Cut(strings.ReplaceAll(mk.Locale, "_", "-"), "-")
	return strings.ToLower(lang)
}

// Reads reports whether the market's readers read texts written in locale:
// its tag is locale, or its language is.
func (mk *Market) Reads(locale string) bool {
	return SameTag(mk.Locale, locale) || mk.Language() == strings.ToLower(locale)
}

// Market is the market with that id, nil when there is none.
func (m *Manual) Market(id string) *Market {
	return first(m.Markets, func(v *Market) bool { return v.ID == id })
}

// ChannelMarkets are the markets a channel reaches: those it names; else
// those its audiences live in, when each of them names its markets; else
// every market of the manual.
func (m *Manual) ChannelMarkets(ch *Channel) []*Market {
	reach := ch.Markets
	if len(reach) == 0 {
		for _, a := range ch.Audiences {
			aud := m.audience(a.ID)
			if aud == nil || len(aud.Markets) == 0 {
				reach = nil // an audience everywhere: every market
				break
			}
			reach = append(reach, aud.Markets...)
		}
	}
	var out []*Market
	for i := range m.Markets {
		mk := &m.Markets[i]
		if len(reach) == 0 || slices.ContainsFunc(reach, func(r Ref) bool { return r.ID == mk.ID }) {
			out = append(out, mk)
		}
	}
	return out
}

func (m *Manual) audience(id string) *Audience {
	return first(m.Audiences, func(v *Audience) bool { return v.ID == id })
}

// Readers are the markets a channel reaches that read texts in locale, in
// the order the manual declares them; none in a manual without markets.
func (m *Manual) Readers(ch *Channel, locale string) []*Market {
	var out []*Market
	for _, mk := range m.ChannelMarkets(ch) {
		if mk.Reads(locale) {
			out = append(out, mk)
		}
	}
	return out
}

// defaultDrillMarks say "this is an exercise" in each language,
// unmistakably; a manual's locales.drill_marks overrides them. Portuguese
// is Portugal's [SIMULACRO] (Brazil's SIMULADO reads as a mock exam).
var defaultDrillMarks = map[string]string{
	"es": "[SIMULACRO]",
	"en": "[DRILL]",
	"pl": "[ĆWICZENIA]",
	"pt": "[SIMULACRO]",
	"de": "[ÜBUNG]",
	"fr": "[EXERCICE]",
	"it": "[ESERCITAZIONE]",
	"ca": "[SIMULACRE]",
}

// DefaultDrillMark is the built-in exercise mark for a locale, by its
// language; English when the language has none.
func DefaultDrillMark(locale string) string {
	lang, _, _ := strings.Cut(strings.ReplaceAll(locale, "_", "-"), "-")
	if mk, ok := defaultDrillMarks[strings.ToLower(lang)]; ok {
		return mk
	}
	return defaultDrillMarks["en"]
}

var marketKeys = []string{"id", "name", "locale", "timezone", "values"}

// decodeMarkets reads the manual's markets: key (format 1.1).
func (d *decoder) decodeMarkets(o *object) []Market {
	if !d.since11(o.key("markets"), "markets") {
		return nil
	}
	var out []Market
	for _, n := range o.list("markets", false) {
		mo := d.object(n, "a market", marketKeys...)
		mk := Market{ID: mo.id("id"), Name: mo.str("name", false), TimeZone: mo.str("timezone", true), Location: time.UTC, Pos: d.pos(n), At: mo.at()}
		// name and locale are required, with hints of their own: the
		// shared examples of name and locale are a person's and a file's.
		for key, ex := range map[string]string{"name": "Portugal", "locale": "pt-PT"} {
			if mo.value(key) == nil && n.Kind == yaml.MappingNode && !mo.typos[key] {
				d.report(n, RuleMissing, say("loader.missing-key", args{"Key": q(key)}), say("loader.missing-key.hint", args{"Key": key, "Example": ex}))
			}
		}
		ln := mo.get("locale", false)
		if s, ok := d.scalar(ln, "locale"); ok {
			mk.Locale = s
			if tag, err := language.Parse(s); err != nil || tag == language.Und {
				d.report(ln, RuleType, say("loader.market-locale", args{"Locale": q(s)}), say("loader.market-locale.hint", nil))
			}
		}
		if mk.TimeZone != "" {
			if loc, err := time.LoadLocation(mk.TimeZone); err != nil {
				d.report(mo.value("timezone"), RuleType, say("loader.time-zone", args{"Zone": q(mk.TimeZone)}), say("loader.market-time-zone.hint", nil))
			} else {
				mk.Location = loc
			}
		}
		mk.Values, mk.ValuesAt = d.stringMap(mo.get("values", false), "values", true)
		out = append(out, mk)
	}
	return out
}

// stringMap reads a mapping of names to one-line values, with where each
// value is written. vars: the names are variable names.
func (d *decoder) stringMap(n *yaml.Node, what string, vars bool) (map[string]string, map[string]Pos) {
	if n == nil {
		return nil, nil
	}
	vals, at := map[string]string{}, map[string]Pos{}
	m := nameValues(what)
	if vars {
		m.check = badVarName("loader.not-variable-name")
	}
	read := d.ids(n, m, func(_, v *yaml.Node, name string) bool {
		s, ok := d.scalar(v, name)
		if ok {
			vals[name], at[name] = s, d.pos(v)
		}
		return ok
	})
	if !read {
		return nil, nil
	}
	return vals, at
}

// nameValues is how a mapping of names to values is read (a market's
// values, the drill marks): what names it in its findings.
func nameValues(what string) idMap {
	return idMap{key: what + " key",
		shape: func(found *lang.Error) (*lang.Error, *lang.Error) {
			return say("loader.not-mapping", args{"What": subject(what), "Found": found}), say("loader.name-values.hint", nil)
		},
		twice: func(name string, _ Pos) (*lang.Error, *lang.Error) {
			return say("loader.value-twice", args{"Name": q(name), "What": subject(what)}), say("loader.value-twice.hint", nil)
		},
	}
}

// marketRefs reads the markets: of an audience or a channel (format 1.1).
func (o *object) marketRefs() []Ref {
	if !o.d.since11(o.key("markets"), "markets of "+o.what) {
		return nil
	}
	return o.refs("markets", false)
}

// perMarket reads per_market: of a variable (format 1.1), which only the
// manual's own variables may say: a playbook's variable has one value.
func (o *object) perMarket() bool {
	k := o.key("per_market")
	if k == nil || !o.d.since11(k, "per_market") {
		return false
	}
	if o.d.file != ManualFile {
		o.d.report(k, RuleType, say("loader.per-market", nil), say("loader.per-market.hint", args{"File": ManualFile}))
		return false
	}
	return o.boolean("per_market")
}

// resolveMarkets checks market ids and every reference to a market.
func resolveMarkets(m *Manual, diags *diag.List) {
	ix := newIndex("market")
	ix.unknown = m.At.Len() == 0
	for _, mk := range m.Markets {
		ix.add(mk.ID, mk.Pos, diags)
	}
	for _, a := range m.Audiences {
		ix.checkAll(a.Markets, diags)
	}
	for _, c := range m.Channels {
		ix.checkAll(c.Markets, diags)
	}
	for _, p := range m.Playbooks {
		for _, in := range p.Drill.Injects {
			ix.check(in.Market, diags)
			injectReaches(m, in, diags)
		}
	}
}

// injectReaches reports an inject whose reply goes out on a channel that
// does not reach the inject's market: the draft would give that market's
// facts to someone the channel never reaches.
func injectReaches(m *Manual, in Inject, diags *diag.List) {
	ch := m.Channel(in.Channel.ID)
	if ch == nil || m.Market(in.Market.ID) == nil {
		return
	}
	var ids []string
	for _, mk := range m.ChannelMarkets(ch) {
		if mk.ID == in.Market.ID {
			return
		}
		ids = append(ids, mk.ID)
	}
	report(diags, in.Market.Pos, RuleDangling, say("replymarket.inject-unreached", args{"Channel": q(ch.ID), "Market": q(in.Market.ID)}),
		say("replymarket.inject-unreached.hint", args{"Markets": strings.Join(ids, ", ")}))
}

// FromMarkets reports whether v's values come from the markets: a
// per-market variable of a manual that has markets. Nobody is asked for it,
// even when it is required: each market's value is the one its readers get.
func (m *Manual) FromMarkets(v *Variable) bool { return v.PerMarket && len(m.Markets) > 0 }
