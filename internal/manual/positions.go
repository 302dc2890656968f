package manual

import "slices"

// Positions holds where the value of each key of one mapping of a file is
// written: a section of the manual, a step, a role... Findings about a
// value that is not a reference of its own (a title to translate, a
// deadline too late) point there. A manual of 1,000 playbooks has some
// 20,000 of them: a list of keys with their line and column, kept in
// blocks the decoders of a loader goroutine share (see blocks), costs a
// fifth of a map each and is searched as fast (a mapping has a handful of
// keys). Each key is kept as its index in names, the keys this part of
// the format has (the decoder's own list, shared by every mapping of the
// kind), so that the blocks hold no pointers: the collector neither scans
// them nor follows a pointer per key while the manual is loaded.
type Positions struct {
	file  string
	names []string
	keys  []keyPos
}

// keyPos is where one key's value is written in the file; key is the
// key's index in Positions.names.
type keyPos struct {
	line, col int32
	key       uint16
}

// Get returns where key's value is written; the zero Pos when the
// mapping has no such key.
func (ps Positions) Get(key string) Pos {
	p, _ := ps.Lookup(key)
	return p
}

// Lookup returns where key's value is written, and whether the mapping
// has the key.
func (ps Positions) Lookup(key string) (Pos, bool) {
	for _, k := range ps.keys {
		if ps.names[k.key] == key {
			return Pos{File: ps.file, Line: int(k.line), Col: int(k.col)}, true
		}
	}
	return Pos{}, false
}

// Len is the number of keys the mapping has.
func (ps Positions) Len() int { return len(ps.keys) }

// at records the position of every value present, keyed by its key's
// index in o.known: every key of o.pairs is one of them.
func (o *object) at() Positions {
	d := o.d
	n := len(o.pairs) / 2
	if n == 0 {
		return Positions{file: d.file}
	}
	b := &d.blocks().pos
	start := reserve(b, n, posBlock)
	for i := 0; i+1 < len(o.pairs); i += 2 {
		if k := slices.Index(o.known, o.pairs[i].Value); k >= 0 { // always: object keeps known keys only
			v := o.pairs[i+1]
			*b = append(*b, keyPos{line: int32(v.Line), col: int32(v.Column), key: uint16(k)})
		}
	}
	return Positions{file: d.file, names: o.known, keys: since(*b, start)}
}
