package lint

import (
	"encoding/binary"
	"slices"

	"github.com/crisis-cli/crisis/internal/manual"
)

// valueTable holds, for one locale, the worst-case value each playbook
// gives every variable any message uses, one row per distinct set of
// values: CR404 renders each message once per distinct set among the
// playbooks sending it, and looking each value up again for every
// message and playbook (some 400,000 lookups at 1,000 playbooks in 4
// locales) was a twentieth of lint. Playbooks share rows: most differ only
// in variables a given message does not use, or not at all.
type valueTable struct {
	w     *worstValues
	names []string       // every variable some message uses: the columns
	col   map[string]int // name -> column
	index map[*manual.Playbook]int
	// rowOf is each playbook's row (by its place in the manual) in the
	// locale filled last; rows are the distinct rows.
	rowOf []int
	rows  [][]fitValue
}

func newValueTable(m *manual.Manual, f *facts) *valueTable {
	t := &valueTable{w: f.worst, col: map[string]int{}, index: make(map[*manual.Playbook]int, len(m.Playbooks)),
		rowOf: make([]int, len(m.Playbooks))}
	for _, vs := range f.msgVars {
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
	for i, p := range m.Playbooks {
		t.index[p] = i
	}
	return t
}

// fill computes every playbook's row in loc.
func (t *valueTable) fill(m *manual.Manual, loc string) {
	t.rows = t.rows[:0]
	ids := map[string]int{} // a row's ids -> row
	var key []byte
	row := make([]fitValue, len(t.names)) // kept when new
	for i, p := range m.Playbooks {
		clear(row)
		key = key[:0]
		for j, n := range t.names {
			// A variable p does not declare stays the zero value (no id,
			// not bad): values skips it, as worstValues.values does.
			if v, ok := t.w.value(p, n, loc); ok {
				row[j] = v
			}
			id := row[j].id
			if row[j].bad {
				id = ^uint32(0) // no value has this id: ids count up from 1
			}
			key = binary.LittleEndian.AppendUint32(key, id)
		}
		r, ok := ids[string(key)]
		if !ok {
			r = len(t.rows)
			ids[string(key)] = r
			t.rows = append(t.rows, slices.Clone(row))
		}
		t.rowOf[i] = r
	}
}

// columns are the columns of names, in their order.
func (t *valueTable) columns(cols []int, names []string) []int {
	cols = cols[:0]
	for _, n := range names {
		cols = append(cols, t.col[n])
	}
	return cols
}

// row is p's row in the locale filled last, -1 for a playbook the manual
// does not hold.
func (t *valueTable) row(p *manual.Playbook) int {
	i, ok := t.index[p]
	if !ok {
		return -1
	}
	return t.rowOf[i]
}

// values appends to vals a row's values of cols, skipping the variables
// the playbook does not declare; not ok when one is not valid. The same
// as worstValues.values for the row's playbooks and the columns' names.
func (t *valueTable) values(vals []fitValue, row int, cols []int) ([]fitValue, bool) {
	for _, c := range cols {
		v := t.rows[row][c]
		if v.bad {
			return vals, false
		}
		if v.id != 0 {
			vals = append(vals, v)
		}
	}
	return vals, true
}
