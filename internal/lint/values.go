package lint

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// worstValues are the variables at their longest (see longest), resolved
// through render.Values and shared by the rules that render with them
// (CR404, CR501). A value depends on its declaration, not on the message or
// the playbook: each declaration is resolved once (the manual's own once
// for every playbook), each built-in variable once per locale and update
// cadence, all before the rules run, so the rules only read them.
// Resolving every message's values for every playbook and locale was most
// of lint's time.
type worstValues struct {
	m        *manual.Manual
	decls    map[*manual.Variable]fitValue
	builtins map[builtinKey]fitValue
	ids      map[string]uint32 // name NUL value -> id, while resolving
	// sms is what each value printed adds to an SMS, by id (printBound):
	// not Alone, so proving nothing, for a value that is not a text or a
	// number.
	sms []channel.SMSUnits
}

type builtinKey struct {
	name, loc string
	cadence   time.Duration
}

func newWorstValues(m *manual.Manual) *worstValues {
	n := len(m.Variables)
	for _, p := range m.Playbooks {
		n += len(p.Variables)
	}
	w := &worstValues{m: m, decls: make(map[*manual.Variable]fitValue, n), builtins: map[builtinKey]fitValue{}, ids: map[string]uint32{}}
	opts := render.Options{Clock: longestClock(m)}
	// Most playbooks declare the same variables alike: each distinct
	// declaration and value is resolved once (render.Values reads the
	// declaration m.Variable finds, and the value given).
	resolved := map[resolvedKey]fitValue{}
	resolve := func(p *manual.Playbook, name string) fitValue {
		k := resolvedKey{name: name, text: worstText(m, p, name), cadence: manual.DefaultCadence}
		if p != nil {
			k.cadence = p.Cadence() // a built-in's value may depend on it, whatever is declared
		}
		if d := m.Variable(p, name); d != nil {
			k.decl = *d
			k.decl.Pos, k.decl.By.Pos = manual.Pos{}, manual.Pos{} // where it is written changes nothing
		}
		if v, ok := resolved[k]; ok {
			return v
		}
		opts.Vars = map[string]string{name: k.text}
		v := w.resolve(p, name, opts, m.Locales.Default) // a declared value has no locale
		resolved[k] = v
		return v
	}
	for i := range m.Variables {
		w.decls[&m.Variables[i]] = resolve(nil, m.Variables[i].Name)
	}
	// Every locale a text is rendered in: the supported ones, and those of
	// message files the manual does not list (reported, and rendered all
	// the same).
	locales := slices.Clone(m.Locales.Supported)
	for _, t := range m.Templates {
		if !slices.Contains(locales, t.Locale) {
			locales = append(locales, t.Locale)
		}
	}
	// A built-in value depends on the playbook by its cadence alone: each
	// is resolved with the first playbook of each cadence, rather than
	// looked up for every playbook, locale and name.
	cadences := map[time.Duration]bool{}
	for _, p := range m.Playbooks {
		for i := range p.Variables {
			w.decls[&p.Variables[i]] = resolve(p, p.Variables[i].Name)
		}
		cadence := p.Cadence()
		if cadences[cadence] {
			continue
		}
		cadences[cadence] = true
		opts.Vars = nil
		for _, loc := range locales {
			for _, name := range manual.BuiltinVariables {
				w.builtins[builtinKey{name: name, loc: loc, cadence: cadence}] = w.resolve(p, name, opts, loc)
			}
		}
	}
	w.ids = nil // the keys hold the ids
	return w
}

// resolvedKey is what resolving a declared variable depends on: its name,
// the value given (worstText), the declaration found for it, but for its
// place in the files, and the playbook's update cadence (update_minutes
// is built in, declared or not).
type resolvedKey struct {
	name, text string
	decl       manual.Variable
	cadence    time.Duration
}

// fitValue is one resolved variable; id stands for its name and value in
// render keys: two values with the same id render the same.
type fitValue struct {
	name string
	val  any
	id   uint32
	bad  bool // not a valid value: messages using it are not rendered
}

// value is name's worst-case value in p in one locale; not ok for a
// variable p does not declare (CR402 reports it).
func (w *worstValues) value(p *manual.Playbook, name, loc string) (fitValue, bool) {
	if manual.IsBuiltinVariable(name) {
		v, ok := w.builtins[builtinKey{name: name, loc: loc, cadence: p.Cadence()}]
		return v, ok
	}
	d := w.m.Variable(p, name)
	if d == nil {
		return fitValue{}, false
	}
	return w.decls[d], true
}

func (w *worstValues) resolve(p *manual.Playbook, name string, opts render.Options, loc string) fitValue {
	data, err := render.Values(w.m, p, []string{name}, opts, loc)
	if err != nil {
		return fitValue{name: name, bad: true}
	}
	v := fitValue{name: name, val: data[name], id: w.intern(name, data[name])}
	for len(w.sms) <= int(v.id) {
		w.sms = append(w.sms, channel.SMSUnits{})
	}
	switch x := v.val.(type) {
	case string:
		w.sms[v.id] = channel.SMSUnitsOf(x)
	case int:
		w.sms[v.id] = channel.SMSUnitsOf(strconv.Itoa(x))
	}
	return v
}

// intern numbers each distinct name and value, formatted as %v does.
func (w *worstValues) intern(name string, val any) uint32 {
	var s string
	switch x := val.(type) {
	case string:
		s = x
	case int:
		s = strconv.Itoa(x)
	default:
		s = fmt.Sprint(x)
	}
	// The value holds no NUL (render.Check refuses control characters).
	pair := name + "\x00" + s
	id, ok := w.ids[pair]
	if !ok {
		id = uint32(len(w.ids) + 1)
		w.ids[pair] = id
	}
	return id
}

// values appends to vals the values p gives names in one locale, skipping
// the variables p does not declare (CR402 reports them); not ok when one
// is not valid (a count whose example is not a number: CR405 reports it).
func (w *worstValues) values(vals []fitValue, p *manual.Playbook, loc string, names []string) ([]fitValue, bool) {
	for _, n := range names {
		v, ok := w.value(p, n, loc)
		if !ok {
			continue
		}
		if v.bad {
			return vals, false
		}
		vals = append(vals, v)
	}
	return vals, true
}

// appendKey appends the ids of vals to key: with the message and locale,
// the identity of a render.
func appendKey(key []byte, vals []fitValue) []byte {
	for _, v := range vals {
		key = binary.LittleEndian.AppendUint32(key, v.id)
	}
	return key
}

// dataOf is vals by variable, as templates get them.
func dataOf(vals []fitValue) map[string]any {
	data := make(map[string]any, len(vals))
	for _, v := range vals {
		data[v.name] = v.val
	}
	return data
}

// worstText is a declared variable's longest value: its example padded or
// cut to max_length; counts and times keep their example, which must stay
// a number or a clock time. Of two declarations of a name (reported by
// the loader) the playbook's, and the later, wins.
func worstText(m *manual.Manual, p *manual.Playbook, name string) string {
	var out string
	vars := [][]manual.Variable{m.Variables}
	if p != nil {
		vars = append(vars, p.Variables)
	}
	for _, vs := range vars {
		for _, v := range vs {
			if v.Name == name {
				out = longest(v)
			}
		}
	}
	return out
}

func longest(v manual.Variable) string {
	val := v.Example
	if v.Type != "count" && v.Type != "time" && v.Type != "datetime" && v.MaxLength > 0 {
		r := []rune(val)
		if len(r) > v.MaxLength {
			val = string(r[:v.MaxLength])
		} else {
			val += strings.Repeat("x", v.MaxLength-len(r))
		}
	}
	return val
}

// longestClock is a time whose clock text is as long as any: 12:59 PM.
func longestClock(m *manual.Manual) render.Clock {
	t := timeAt(m, 12, 59)
	return render.Clock{Start: t, NextUpdate: t}
}
