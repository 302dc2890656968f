package lint

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// BenchmarkCheck1000x4 lints the generated manual of 1,000 playbooks in 4
// locales, loaded once: the rules and their facts alone, for profiling
// what comes after the load.
func BenchmarkCheck1000x4(b *testing.B) {
	fsys, _ := generate1000x4(b)
	m, diags, err := manual.Load(fstest.MapFS(fsys), "gen")
	if err != nil {
		b.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }
	var findings int
	cpu := startCPU()
	for b.Loop() {
		findings = len(Check(m, diags, Options{Now: now}).Findings)
	}
	cpu.report(b)
	b.ReportMetric(float64(findings), "findings")
}
