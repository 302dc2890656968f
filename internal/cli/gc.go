package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// bigHeap is the live heap past which crisis collects garbage as usual.
const bigHeap = 64 << 20

// tuneGC collects garbage less often while the heap is small: crisis is a
// short-lived process and most manuals hold a few tens of MB, where
// GOGC=400 saves a third of the time. Past bigHeap of live data (a manual
// of thousands of playbooks) it goes back to the default, so memory stays
// near twice what is live instead of five times.
func tuneGC() {
	debug.SetGCPercent(400)
	watchHeap()
}

// watchHeap checks the live heap after each collection: a cleanup runs
// once the collector has found its object unreachable, and arms the next.
func watchHeap() {
	runtime.AddCleanup(&struct{ _ *int }{}, func(struct{}) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > bigHeap {
			debug.SetGCPercent(100)
			return
		}
		watchHeap()
	}, struct{}{})
}
