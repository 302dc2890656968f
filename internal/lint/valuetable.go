package lint

import (
	"encoding/binary"
	"slices"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// valueTables hold, in each locale of a message file, the worst-case value
// each playbook gives every variable any message uses, one row per
// distinct set of values. CR404 renders each message once per distinct
// set among the playbooks sending it, and CR501 measures each message of
// each playbook: looking each value up again for every message, locale and
// playbook (some 500,000 lookups at 1,000 playbooks in 4 locales) was a
// twentieth of lint. Playbooks share rows: most differ only in variables a
// given message does not use, or not at all. Built once, by the first rule
// that asks, and only read afterwards.
type valueTables struct {
	once  sync.Once
	names []string       // every variable some message uses: the columns
	col   map[string]int // name -> column
	// byName are the columns of the variables a message name's texts
	// use (facts.vars), in their order.
	byName   map[string][]int
	index    map[*manual.Playbook]int // place in the manual
	byLocale map[string]*valueTable
}

// valueTable is one locale's rows.
type valueTable struct {
	rowOf []int // by the playbook's place in the manual
	rows  [][]fitValue
}

// tables returns the value tables, building them the first time.
func (f *facts) tables() *valueTables {
	t := &f.valueTables
	t.once.Do(func() { t.build(f.worst.m, f) })
	return t
}

func (t *valueTables) build(m *manual.Manual, f *facts) {
	t.col, t.byName, t.byLocale = map[string]int{}, map[string][]int{}, map[string]*valueTable{}
	t.index = make(map[*manual.Playbook]int, len(m.Playbooks))
	for _, vs := range f.vars {
		for _, v := range vs {
			if _, ok := t.col[v]; !ok {
				t.col[v] = -1
				t.names = append(t.names, v)
			}
		}
	}
	slices.Sort(t.names)
	for i, n := range t.names {
		t.col[n] = i
	}
	for name, vs := range f.vars {
		t.byName[name] = t.columns(nil, vs)
	}
	for i, p := range m.Playbooks {
		t.index[p] = i
	}
	for _, tf := range m.Templates {
		if t.byLocale[tf.Locale] == nil {
			t.byLocale[tf.Locale] = t.fill(m, f.worst, tf.Locale)
		}
	}
}

// fill computes every playbook's row in loc. A row is what
// worstValues.value gives each column: a built-in variable's value by
// locale and update cadence, else the playbook's own declaration of the
// name, else the manual's. The rest of a row is the same for every
// playbook of a cadence, so it is looked up once per cadence and each
// playbook only adds its own declarations.
func (t *valueTables) fill(m *manual.Manual, w *worstValues, loc string) *valueTable {
	lt := &valueTable{rowOf: make([]int, len(m.Playbooks))}
	ids := map[string]int{}                     // a row's ids -> row
	byCadence := map[time.Duration][]fitValue{} // the rest of a row
	var key []byte
	row := make([]fitValue, len(t.names)) // kept when new
	for i, p := range m.Playbooks {
		cadence := p.Cadence()
		base, ok := byCadence[cadence]
		if !ok {
			base = make([]fitValue, len(t.names))
			for j, n := range t.names {
				// A variable nothing declares stays the zero value (no
				// id, not bad): values skips it, as worstValues.values
				// does.
				if manual.IsBuiltinVariable(n) {
					base[j] = w.builtins[builtinKey{name: n, loc: loc, cadence: cadence}]
				} else if d := m.Variable(nil, n); d != nil {
					base[j] = w.decls[d]
				}
			}
			byCadence[cadence] = base
		}
		copy(row, base)
		for k := range p.Variables {
			n := p.Variables[k].Name
			j, ok := t.col[n]
			if !ok || manual.IsBuiltinVariable(n) || slices.ContainsFunc(p.Variables[:k], func(v manual.Variable) bool { return v.Name == n }) {
				continue // not used, built in, or declared twice: the first counts
			}
			row[j] = w.decls[&p.Variables[k]]
		}
		key = key[:0]
		for _, v := range row {
			id := v.id
			if v.bad {
				id = ^uint32(0) // no value has this id: ids count up from 1
			}
			key = binary.LittleEndian.AppendUint32(key, id)
		}
		r, ok := ids[string(key)]
		if !ok {
			r = len(lt.rows)
			ids[string(key)] = r
			lt.rows = append(lt.rows, slices.Clone(row))
		}
		lt.rowOf[i] = r
	}
	return lt
}

// columns appends to cols the columns of names, in their order.
func (t *valueTables) columns(cols []int, names []string) []int {
	for _, n := range names {
		cols = append(cols, t.col[n])
	}
	return cols
}

// row is p's row in loc's table, nil and -1 for a locale without one or
// a playbook the manual does not hold.
func (t *valueTables) row(p *manual.Playbook, loc string) (*valueTable, int) {
	lt := t.byLocale[loc]
	i, ok := t.index[p]
	if lt == nil || !ok {
		return nil, -1
	}
	return lt, lt.rowOf[i]
}

// values appends to vals a row's values of cols, skipping the variables
// the playbook does not declare; not ok when one is not valid. The same
// as worstValues.values for the row's playbooks and the columns' names.
func (lt *valueTable) values(vals []fitValue, row int, cols []int) ([]fitValue, bool) {
	for _, c := range cols {
		v := lt.rows[row][c]
		if v.bad {
			return vals, false
		}
		if v.id != 0 {
			vals = append(vals, v)
		}
	}
	return vals, true
}
