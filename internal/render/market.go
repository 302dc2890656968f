package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// readers are the markets a text on ch in loc is read in (format 1.1):
// those the channel reaches whose locale's language is loc, only
// opts.Market when it names one. When none of the markets it reaches reads
// loc (a Spanish text on Portugal's SMS, available but not owed), they are
// still its readers: a fact such as a phone number is the market's, not the
// language's; own is then false, and times are written as loc writes them.
// None in a manual without markets: the text is rendered as in format 1.0,
// in the manual's time zone.
func readers(m *manual.Manual, ch *manual.Channel, loc string, opts Options) (rs []*manual.Market, own bool) {
	only := func(rs []*manual.Market) []*manual.Market {
		if opts.Market == "" {
			return rs
		}
		return slices.DeleteFunc(rs, func(mk *manual.Market) bool { return mk.ID != opts.Market })
	}
	if rs := only(m.Readers(ch, loc)); len(rs) > 0 {
		return rs, true
	}
	if opts.Market != "" {
		return nil, false
	}
	return m.ChannelMarkets(ch), false
}

// marketData is data as the readers of rs read it: each per-market
// variable the market's own value, each time of the incident in the
// market's zone and written as its full locale writes it (24-hour for
// en-GB; tag says which locale writes it). One text read in several
// markets names a time the first market's way with the others' once in
// parentheses, "11:30 (10:30 en Canarias)", and a fact that differs with
// the names of the markets that have each value, in the order the manual
// declares them: "900 100 200 (España) / 0800 10200 (Perú)" (lint CR312
// asks to split a channel whose markets differ in a fact). count is the value choosing the plural
// form: the first market's. Only the variables the text's message uses
// (used) are rewritten: base holds those of every text of the playbook, and
// working out the others for each text was most of the time spent here.
func marketData(m *manual.Manual, p *manual.Playbook, base map[string]any, rs []*manual.Market, tag func(*manual.Market) string, opts Options, used []string) (data map[string]any, count any, err error) {
	data = textData(base, used)
	clock := opts.Clock
	at := map[string]func(mk *manual.Market) string{
		"start_time":  func(mk *manual.Market) string { return message.FormatClock(clock.Start.In(mk.Location), tag(mk)) },
		"start_date":  func(mk *manual.Market) string { return message.FormatDate(clock.Start.In(mk.Location), tag(mk)) },
		"next_update": func(mk *manual.Market) string { return message.FormatClock(clock.NextUpdate.In(mk.Location), tag(mk)) },
	}
	cv := CountVariable(m, p, used)
	count = base[cv]
	for _, name := range used {
		if _, ok := base[name]; !ok {
			continue
		}
		vals := make([]any, len(rs))
		switch decl := m.Variable(p, name); {
		case at[name] != nil:
			// A time of the incident as each market's clock reads it:
			// "11:30 (10:30 en Canarias)", as a datetime variable is.
			times, names := make([]string, len(rs)), make([]string, len(rs))
			for i, mk := range rs {
				times[i], names[i] = at[name](mk), cmp.Or(mk.Name, mk.ID)
			}
			data[name] = message.Alongside(tag(rs[0]), names, times)
			continue
		case decl != nil && decl.PerMarket:
			for i, mk := range rs {
				val, ok := mk.Values[name]
				if !ok {
					vals[i] = base[name] // lint's CR311: the market gives no value
					continue
				}
				if vals[i], err = Check(decl, name, val); err != nil {
					return nil, nil, lang.Errorf("rendermarket.value", map[string]any{"Market": mk.ID, "Err": err})
				}
			}
		case decl != nil && decl.Type == "datetime":
			if inst, ok := base[name].(message.Instant); ok {
				data[name] = perMarketInstant(rs, inst, tag)
			}
			continue
		default:
			continue
		}
		data[name] = joinPerMarket(rs, vals)
		if name == cv {
			count = vals[0]
		}
	}
	return data, count, nil
}

// textData is base's values of the variables a text uses (used), for a
// text that is given values of its own: base holds those of every text of
// the playbook, and copying them all for each text was a tenth of the
// time rendering took and most of the memory outside the templates. A
// text refers to nothing else (used is every variable of every form of
// its message, in every locale).
func textData(base map[string]any, used []string) map[string]any {
	data := make(map[string]any, len(used))
	for _, name := range used {
		if v, ok := base[name]; ok {
			data[name] = v
		}
	}
	return data
}

// joinPerMarket is one value when every market has the same, else each
// value once, with the names of the markets that have it:
// "900 100 200 (España, Canarias) / 800 100 200 (Portugal)".
func joinPerMarket(rs []*manual.Market, vals []any) any {
	if len(vals) == 1 {
		return vals[0] // most texts are read in one market
	}
	var order []string
	names := map[string][]string{}
	for i, v := range vals {
		s, ok := v.(string)
		if !ok {
			s = fmt.Sprint(v)
		}
		if names[s] == nil {
			order = append(order, s)
		}
		names[s] = append(names[s], rs[i].Name)
	}
	if len(order) == 1 {
		return vals[0]
	}
	parts := make([]string, len(order))
	for i, s := range order {
		parts[i] = s + " (" + strings.Join(names[s], ", ") + ")"
	}
	return strings.Join(parts, " / ")
}

// marketIDs are the ids of markets, for an announcement.
func marketIDs(rs []*manual.Market) []string {
	ids := make([]string, len(rs))
	for i, mk := range rs {
		ids[i] = mk.ID
	}
	return ids
}
