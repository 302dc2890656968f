package main

import (
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/genmanual"
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
	var peak int64
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, u.Maxrss)
		}
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(peak)/1024, "peak-RSS-MB")
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

// generated writes the synthetic manual of 1,000 playbooks in 4 locales the
// performance figures are measured on.
func generated(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := genmanual.Generate(genmanual.Dir(dir), genmanual.Options{Playbooks: 1000, Locales: 4}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkListProcess1000x4 loads the generated manual as a user sees it:
// `crisis list` reads and checks every file. Target: under 0.5 s.
func BenchmarkListProcess1000x4(b *testing.B) {
	benchProcess(b, "-m", generated(b), "list")
}

// BenchmarkLintProcess1000x4 lints the generated manual on both cores, as
// CI does. Target: under 1 s and 300 MB (peak RSS is reported).
func BenchmarkLintProcess1000x4(b *testing.B) {
	benchProcess(b, "lint", generated(b))
}

// BenchmarkYamllint1000x4 runs yamllint (Debian's package), which only
// checks YAML syntax and style, on the same files, for the ratio the README
// reports: crisis lint must be at least 10 times faster.
func BenchmarkYamllint1000x4(b *testing.B) {
	yamllint, err := exec.LookPath("yamllint")
	if err != nil {
		b.Skip("yamllint not installed (apt-get install yamllint)")
	}
	dir := generated(b)
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		// yamllint exits 1 on style findings; only the time matters here.
		_ = exec.Command(yamllint, "-d", "relaxed", dir).Run()
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
}
