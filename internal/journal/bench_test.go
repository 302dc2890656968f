package journal

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// benchDir is where benchmarks write: $CRISIS_BENCH_DIR if set (to measure
// the disk runs will live on), else the test's temp dir.
func benchDir(b *testing.B) string {
	if d := os.Getenv("CRISIS_BENCH_DIR"); d != "" {
		dir, err := os.MkdirTemp(d, "journal-bench-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(dir) })
		return dir
	}
	return b.TempDir()
}

// BenchmarkAppendSync measures Append including its fsync, the latency a
// comms lead waits for on every step, and reports p50 and p99.
func BenchmarkAppendSync(b *testing.B) {
	j, _, err := Create(filepath.Join(benchDir(b), "journal.jsonl"), nil, time.UTC, TypeRunStarted, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer j.Close()
	data := map[string]any{"step": "notify-press", "channel": "email", "text": "We are aware that Facebook is unavailable and are working on it."}
	var lat []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := j.Append(TypeStepDone, data); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[int(float64(len(lat)-1)*p)]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkResume10k measures Open (read, verify every hash, reopen for
// append) of a 10,000-event journal.
func BenchmarkResume10k(b *testing.B) {
	path := filepath.Join(benchDir(b), "journal.jsonl")
	// Build the file directly: 10,000 fsyncs would only slow the setup.
	var buf []byte
	clock := stepClock()
	prev := ""
	for i := 1; i <= 10000; i++ {
		now := clock()
		e := Event{Seq: i, Type: TypeStepDone, UTC: now.UTC(), Local: now.Format(time.RFC3339), Prev: prev,
			Data: []byte(`{"step":"notify-press","channel":"email","text":"We are aware that Facebook is unavailable."}`)}
		e.Hash = ComputeHash(e)
		line := encodeLine(e)
		buf = append(buf, line...)
		prev = e.Hash
	}
	if err := os.WriteFile(path, buf, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		j, d, err := Open(path, nil, time.UTC)
		if err != nil || !d.Intact() || j.Len() != 10000 {
			b.Fatalf("open: %v %v", d, err)
		}
		j.Close()
	}
}
