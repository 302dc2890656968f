package manual

import "testing"

// Slices taken from one block do not overlap: appending to one copies it
// rather than writing over the next one's items.
func TestBlockSlicesStayApart(t *testing.T) {
	var block []Ref
	start := reserve(&block, 2, refBlock)
	block = append(block, Ref{ID: "a"}, Ref{ID: "b"})
	first := since(block, start)
	start = reserve(&block, 1, refBlock)
	block = append(block, Ref{ID: "c"})
	second := since(block, start)
	first = append(first, Ref{ID: "x"})
	if second[0].ID != "c" || len(second) != 1 {
		t.Errorf("second slice %v, want [c]: the first one's append wrote over it", second)
	}
	if len(first) != 3 || first[0].ID != "a" || first[2].ID != "x" {
		t.Errorf("first slice %v, want [a b x]", first)
	}
	// A request larger than a block gets a block of its own size.
	start = reserve(&block, refBlock+1, refBlock)
	if start != 0 || cap(block) != refBlock+1 {
		t.Errorf("a request of %d items: start %d in a block of %d", refBlock+1, start, cap(block))
	}
}
