package main

import (
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkVersionProcess measures what a user waits for when typing
// `crisis version`: process start, package initialisation (cobra, viper,
// lipgloss, the channel tables) and exit. It is the floor of every command,
// so it must stay well under the 20 ms a shell prompt feels as instant.
// The binary is built once, outside the timer.
func BenchmarkVersionProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "crisis")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "version").CombinedOutput(); err != nil {
		b.Fatalf("crisis version: %v\n%s", err, out)
	}
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if err := exec.Command(bin, "version").Run(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}
