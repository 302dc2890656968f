package manual

// blocks holds what the decoders of one loader goroutine hand out in
// small slices: the references of a list (a fallback's channels, an
// announcement's audiences), a list's texts (a checklist), a mapping's key
// positions. A playbook has dozens of such lists; taken from blocks of a
// few kilobytes rather than allocated one by one, they cost some 35,000
// allocations fewer per lint of 1,000 playbooks, and the collector marks a
// few hundred objects instead. A block is never moved or written again
// past what it handed out, and each slice is capped at its length, so
// appending to one copies it elsewhere.
type blocks struct {
	refs  []Ref
	texts []string
	pos   []keyPos
}

// Items per block: a few kilobytes each, a few playbooks' worth.
const (
	refBlock  = 128
	textBlock = 256
	posBlock  = 512
)

// reserve makes room for n more items in *block, starting a new block of
// size items (n when more) when the current one lacks it, and returns
// where the caller's items start: append them, then take them with
// since.
func reserve[T any](block *[]T, n, size int) int {
	if cap(*block)-len(*block) < n {
		*block = make([]T, 0, max(size, n))
	}
	return len(*block)
}

// since returns the items appended to block from start on.
func since[T any](block []T, start int) []T {
	return block[start:len(block):len(block)]
}

// blocks returns the decoder's blocks: its goroutine's, or its own.
func (d *decoder) blocks() *blocks {
	if d.blk == nil {
		d.blk = &blocks{}
	}
	return d.blk
}
