package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// gcStages sets how often garbage is collected as the live heap grows.
// crisis is a short-lived process and most manuals hold a few tens of MB,
// where collecting at 400% growth saves a third of the time. A manual of
// thousands of playbooks holds more, and memory then matters more than a
// few percent of CPU: at 10,000 playbooks, 400% let the process reach five
// times its live heap (90 KB per playbook), the default 100% twice (50 KB),
// and 60% past 128 MB keeps it under 40 KB for about 10% more CPU time.
// The first step comes early enough that 400% never lets the heap pass
// about 250 MB (a manual of 1,000 playbooks stays under it).
var gcStages = []struct {
	live    uint64 // from this much live heap...
	percent int    // ...collect at this growth (GOGC)
}{
	{0, 400},
	{48 << 20, 100},
	{128 << 20, 60},
}

// tuneGC starts at the first stage and moves on as the heap grows.
func tuneGC() {
	debug.SetGCPercent(gcStages[0].percent)
	watchHeap(0)
}

// watchHeap checks the live heap after each collection, from stage on: a
// cleanup runs once the collector has found its object unreachable, and
// arms the next until the last stage is reached.
func watchHeap(stage int) {
	runtime.AddCleanup(&struct{ _ *int }{}, func(struct{}) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		next := stage
		for next+1 < len(gcStages) && s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > gcStages[next+1].live {
			next++
		}
		if next != stage {
			debug.SetGCPercent(gcStages[next].percent)
		}
		if next+1 < len(gcStages) {
			watchHeap(next)
		}
	}, struct{}{})
}
