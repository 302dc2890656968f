package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestTuneGC: nothing is collected below firstCollection, which is the
// memory limit; after the first collection there is no limit and the
// first stage's growth applies.
func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	tuneGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("before the first collection GOGC is %d, want off (-1)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != firstCollection {
		t.Errorf("before the first collection the memory limit is %d, want %d", got, firstCollection)
	}
	runtime.GC()
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("the memory limit is still set 10 s after a collection")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if got := debug.SetGCPercent(-1); got != gcStages[0].percent {
		t.Errorf("after the first collection GOGC is %d, want the first stage's %d", got, gcStages[0].percent)
	}
	debug.SetGCPercent(gcStages[0].percent)
}
