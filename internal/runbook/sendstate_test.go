package runbook

import (
	"slices"
	"testing"
)

// TestSendRangesMerge: complete batches, acknowledged in any order, are
// remembered as merged line ranges.
func TestSendRangesMerge(t *testing.T) {
	var r SendRecord
	for _, b := range [][2]int{{202, 301}, {2, 101}, {402, 501}, {102, 201}, {302, 401}, {700, 799}} {
		r.addRange(b[0], b[1])
	}
	if want := [][2]int{{2, 501}, {700, 799}}; !slices.Equal(r.Ranges, want) {
		t.Fatalf("ranges %v, want %v", r.Ranges, want)
	}
	for line, want := range map[int]bool{1: false, 2: true, 350: true, 501: true, 502: false, 699: false, 700: true, 799: true, 800: false} {
		if got := r.skip(line); got != want {
			t.Errorf("skip(%d) = %v, want %v", line, got, want)
		}
	}
}
