package lint

import (
	"path"
	"runtime"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/genmanual"
)

// memFS collects a generated manual in memory.
type memFS fstest.MapFS

func (m memFS) WriteFile(name string, data []byte) error {
	m[path.Clean(name)] = &fstest.MapFile{Data: data}
	return nil
}

// generate1000x4 generates the manual every benchmark here reads, 1,000
// playbooks in 4 locales, and gives it as files and as their bytes.
func generate1000x4(b *testing.B) (memFS, [][]byte) {
	b.Helper()
	fsys := memFS{}
	if err := genmanual.Generate(fsys, genmanual.Options{Playbooks: 1000, Locales: 4}); err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	for _, f := range fsys {
		files = append(files, f.Data)
	}
	return fsys, files
}

// BenchmarkLint1000x4 loads and lints the generated manual of 1,000
// playbooks in 4 locales, as `crisis lint` does. Target: under 1 s and
// 300 MB on two cores.
func BenchmarkLint1000x4(b *testing.B) {
	fsys, _ := generate1000x4(b)
	now := func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }
	var findings int
	cpu := startCPU()
	for b.Loop() {
		_, res, err := Run(fstest.MapFS(fsys), "gen", Options{Now: now})
		if err != nil {
			b.Fatal(err)
		}
		findings = len(res.Findings)
	}
	cpu.report(b)
	b.ReportMetric(float64(findings), "findings")
}

// cpuClock measures the CPU time a benchmark's loop uses, every thread of
// the process: on a machine shared with other work the wall time varies
// twofold, the CPU time much less, and CPU time over wall time says how
// many cores were kept busy.
type cpuClock struct {
	start time.Duration
	wall  time.Time
}

func startCPU() cpuClock { return cpuClock{start: processCPU(), wall: time.Now()} }

// report adds cpu-ms/op and cores (CPU time over wall time).
func (c cpuClock) report(b *testing.B) {
	cpu := processCPU() - c.start
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(cpu.Seconds()/time.Since(c.wall).Seconds(), "cores")
}

// BenchmarkYAMLFloor1000x4 only parses the bytes of the same generated
// manual with yaml.v3 into nodes, on every core as the loader does: the
// floor under any YAML-based lint. make bench prints it beside
// crisis lint and yamllint (cmd/crisis BenchmarkYamllint1000x4).
func BenchmarkYAMLFloor1000x4(b *testing.B) {
	_, files := generate1000x4(b)
	cpu := startCPU()
	for b.Loop() {
		parseFloor(b, files)
	}
	cpu.report(b)
}

// parseFloor parses every file into yaml.v3 nodes on every core, as the
// loader does, and keeps nothing.
func parseFloor(b *testing.B, files [][]byte) {
	jobs := make(chan []byte, len(files))
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for data := range jobs {
				var n yaml.Node
				if err := yaml.Unmarshal(data, &n); err != nil {
					b.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkLintOverFloor1000x4 measures lint against the floor in turns:
// each round parses the manual as the floor does, then lints it, with a
// collection before each so neither pays for the other's garbage. On a
// machine whose speed drifts (shared cores, frequency) two benchmarks run
// one after the other disagree by a third; taken in turns, the ratio
// holds to a few per cent. It reports both CPU times and x-floor, the
// figure the README's "≤ 1.5x" row is about.
func BenchmarkLintOverFloor1000x4(b *testing.B) {
	fsys, files := generate1000x4(b)
	now := func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }
	var floorCPU, lintCPU time.Duration
	for b.Loop() {
		runtime.GC()
		start := processCPU()
		parseFloor(b, files)
		floorCPU += processCPU() - start
		runtime.GC()
		start = processCPU()
		if _, _, err := Run(fstest.MapFS(fsys), "gen", Options{Now: now}); err != nil {
			b.Fatal(err)
		}
		lintCPU += processCPU() - start
	}
	b.ReportMetric(float64(floorCPU.Milliseconds())/float64(b.N), "floor-cpu-ms/op")
	b.ReportMetric(float64(lintCPU.Milliseconds())/float64(b.N), "lint-cpu-ms/op")
	b.ReportMetric(lintCPU.Seconds()/floorCPU.Seconds(), "x-floor")
}
