package manual_test

import (
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/genmanual"
	"github.com/crisis-cli/crisis/internal/manual"
)

// bigManualDir is where bigManual wrote the manual, removed by TestMain.
var bigManualDir string

// bigManual is generated once per test binary, not once per benchmark run
// (-count, the b.N ramp): writing 1,000 playbooks takes longer than loading
// them and is not what is measured.
var bigManual = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "crisis-bench-manual-")
	if err != nil {
		return "", err
	}
	bigManualDir = dir
	return dir, genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 1000, Locales: 4})
})

// TestMain removes the generated manual: a benchmark's TempDir would be
// removed after the first -count run while the manual is shared by all.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigManualDir != "" {
		os.RemoveAll(bigManualDir)
	}
	os.Exit(code)
}

// BenchmarkLoad1000x4 loads a manual far bigger than any real one (1,000
// playbooks, 4 locales), so `crisis lint` on a large organisation's manual
// stays interactive. Targets: under 0.5 s and 300 MB peak heap per load.
func BenchmarkLoad1000x4(b *testing.B) {
	dir, err := bigManual()
	if err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	check := func() {
		_, diags, err := manual.Load(fsys, dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range diags {
			if d.Severity >= diag.Error {
				b.Fatalf("generated manual has errors: %s", d.Error())
			}
		}
	}
	check()

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := newPeakSampler()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := manual.Load(fsys, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/1e6, "alloc-MB/op")
	b.ReportMetric(peak.stop()/1e6, "peak-heap-MB")
}

// peakSampler polls the heap every millisecond while a benchmark runs
// (polling in a tight loop would steal one of the machine's two cores). MemStats only
// says what was allocated in total; the peak is what decides whether a
// load fits in a small CI runner or a laptop under stress.
type peakSampler struct {
	done chan struct{}
	max  chan float64
}

func newPeakSampler() *peakSampler {
	p := &peakSampler{done: make(chan struct{}), max: make(chan float64)}
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		peak := 0.0
		for {
			metrics.Read(s)
			peak = max(peak, float64(s[0].Value.Uint64()+s[1].Value.Uint64()))
			select {
			case <-p.done:
				p.max <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *peakSampler) stop() float64 {
	close(p.done)
	return <-p.max
}
