package manual

// Positions holds where the value of each key of one mapping of a file is
// written: a section of the manual, a step, a role... Findings about a
// value that is not a reference of its own (a title to translate, a
// deadline too late) point there. A manual of 1,000 playbooks has some
// 20,000 of them: a list of keys with their line and column, kept in
// blocks the decoder of a file shares, costs a fifth of a map each and is
// searched as fast (a mapping has a handful of keys).
type Positions struct {
	file string
	keys []keyPos
}

// keyPos is where one key's value is written in the file.
type keyPos struct {
	key       string
	line, col int32
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
		if k.key == key {
			return Pos{File: ps.file, Line: int(k.line), Col: int(k.col)}, true
		}
	}
	return Pos{}, false
}

// Len is the number of keys the mapping has.
func (ps Positions) Len() int { return len(ps.keys) }

// positionBlock is how many key positions the decoder of one file
// allocates at once, doubling up to maxPositionBlock: a playbook holds
// about a hundred, the manual file a few hundred. A block is never moved,
// so the Positions of one file share a few blocks and waste at most the
// unused end of the last one.
const (
	positionBlock    = 32
	maxPositionBlock = 256
)

// at records the position of every value present, keyed by its key.
func (o *object) at() Positions {
	d := o.d
	n := len(o.pairs) / 2
	if n == 0 {
		return Positions{file: d.file}
	}
	if cap(d.posBlock)-len(d.posBlock) < n {
		size := min(max(2*cap(d.posBlock), positionBlock), maxPositionBlock)
		d.posBlock = make([]keyPos, 0, max(size, n))
	}
	start := len(d.posBlock)
	for i := 0; i+1 < len(o.pairs); i += 2 {
		v := o.pairs[i+1]
		d.posBlock = append(d.posBlock, keyPos{key: o.knownKey(o.pairs[i].Value), line: int32(v.Line), col: int32(v.Column)})
	}
	return Positions{file: d.file, keys: d.posBlock[start:len(d.posBlock):len(d.posBlock)]}
}

// knownKey returns the decoder's own spelling of a key present: every
// key of o.pairs is one of o.known. The positions then hold strings of
// the program rather than of the file, shared by every file without a
// lookup in the decoder's table of texts and without pointers the
// collector has to follow into the heap.
func (o *object) knownKey(key string) string {
	for _, k := range o.known {
		if k == key {
			return k
		}
	}
	return o.d.share(key)
}
