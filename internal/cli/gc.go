package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// firstCollection is how much memory the process may use in all before
// anything is collected. Most commands finish well under it and never
// collect: render --all of the example manual allocates 24 MB, and its
// one collection, as the heap passed 16 MB, cost about 10 ms of CPU time
// of 90 (the marking, its write barriers and assists) and saved no memory,
// the heap growing past 30 MB anyway. The limit is the safety net: a
// larger manual is collected there, and the stages apply from then on.
const firstCollection = 64 << 20

// gcStages sets how often garbage is collected as the live heap grows,
// once it has been collected a first time. crisis is a short-lived
// process and most manuals hold a few tens of MB, where collecting at
// 400% growth saves a third of the time. A manual of thousands of
// playbooks holds more, and memory then matters more than a few percent
// of CPU: at 10,000 playbooks, 400% let the process reach five times its
// live heap (90 KB per playbook), the default 100% twice (50 KB), and 60%
// past 128 MB keeps it under 40 KB for about 10% more CPU time. The first
// step comes early enough that 400% never lets the heap pass about 250 MB
// (a manual of 1,000 playbooks stays under it).
var gcStages = []struct {
	live    uint64 // from this much live heap...
	percent int    // ...collect at this growth (GOGC)
}{
	{0, 400},
	{48 << 20, 100},
	{128 << 20, 60},
}

// tuneGC turns collection off up to firstCollection; the stages take over
// after the first collection.
func tuneGC() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstCollection)
	watchHeap(-1)
}

// watchHeap checks the live heap after the next collection, from stage on
// (-1: none yet, collection off below firstCollection): a cleanup runs
// once the collector has found its object unreachable, and arms the next
// until the last stage is reached.
func watchHeap(stage int) {
	runtime.AddCleanup(&struct{ _ *int }{}, func(struct{}) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		next := max(stage, 0)
		for next+1 < len(gcStages) && s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > gcStages[next+1].live {
			next++
		}
		if stage < 0 {
			debug.SetMemoryLimit(math.MaxInt64)
		}
		if next != stage {
			debug.SetGCPercent(gcStages[next].percent)
		}
		if next+1 < len(gcStages) {
			watchHeap(next)
		}
	}, struct{}{})
}
