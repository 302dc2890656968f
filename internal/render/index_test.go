package render

import (
	"runtime"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// A manual's variable index must not keep the manual alive: a process
// linting or rendering one manual after another would hold them all.
func TestVariableIndexLetsManualGo(t *testing.T) {
	entries := func() int {
		n := 0
		indexes.Range(func(any, any) bool { n++; return true })
		return n
	}
	before := entries()
	for range 3 {
		if _, err := UsedVariables(&manual.Manual{}, []string{"holding"}); err != nil {
			t.Fatal(err)
		}
	}
	if got := entries(); got != before+3 {
		t.Fatalf("%d index entries after indexing 3 manuals, want %d", got, before+3)
	}
	// Cleanups run on their own goroutine after a collection.
	for deadline := time.Now().Add(5 * time.Second); entries() > before && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := entries(); got > before {
		t.Errorf("%d index entries left once their manuals were unreachable, want %d", got, before)
	}
}
