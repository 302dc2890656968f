package main

import (
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// buildCrisis builds the real binary once per benchmark, outside the timer:
// whole-process figures must include start-up, not just the library.
func buildCrisis(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "crisis")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// benchProcess runs crisis with args b.N times and reports the mean and the
// median wall time of the whole process.
func benchProcess(b *testing.B, args ...string) {
	bin := buildCrisis(b)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		b.Fatalf("crisis %v: %v\n%s", args, err, out)
	}
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if err := exec.Command(bin, args...).Run(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkVersionProcess is what a user waits for when typing `crisis
// version`: process start, package initialisation (cobra, viper, lipgloss,
// the channel tables) and exit, the floor of every command. Target: median
// under 20 ms.
func BenchmarkVersionProcess(b *testing.B) { benchProcess(b, "version") }

// BenchmarkRenderAllProcess renders every announcement of the example
// manual (every playbook, step, channel and locale), measured, as one
// process: what the comms lead waits for. Target: under 50 ms.
func BenchmarkRenderAllProcess(b *testing.B) {
	root, _ := filepath.Abs("../..")
	benchProcess(b, "-m", root, "render", "--all", "--examples", "--format", "json")
}
