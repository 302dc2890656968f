//go:build unix

package statussite

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
)

// pastRuns makes a runs folder with n finished facebook-down runs, a day
// apart (holding, one update, all-clear: real journals, as crisis run
// writes them), plus one live run.
func pastRuns(b *testing.B, n int) (string, *manual.Manual) {
	m, cat := exampletest.Load(b)
	runs := b.TempDir()
	for i := range n {
		start := frozen.Add(-time.Duration(n-i) * 24 * time.Hour)
		run(b, m, cat, runs, "facebook-down", start, false, all, map[string]string{"platform": "Facebook"}, func(sc *script) {
			sc.clk.at(3 * time.Minute)
			sc.step("all")
			sc.choose("facebook-only", "diego-santos")
			sc.clk.at(9 * time.Minute)
			sc.step("all")
			sc.clk.at(60 * time.Minute)
			sc.update("all")
			for sc.s.Current() != nil {
				sc.clk.at(10 * time.Minute)
				sc.step("all")
			}
		})
	}
	run(b, m, cat, runs, "website-down", frozen.Add(-time.Hour), false, all, nil, func(sc *script) {})
	return runs, m
}

// BenchmarkBuild100 is crisis status build's work with 100 past incidents:
// read every journal and build every page, feed and status.json.
func BenchmarkBuild100(b *testing.B) {
	runs, m := pastRuns(b, 100)
	defer cpuPerOp(b)()
	for b.Loop() {
		incs, err := Read(runs, m, false)
		if err != nil || len(incs) != 101 {
			b.Fatal(err, len(incs))
		}
		if _, err := Build(Options{Manual: m, Incidents: incs, Now: frozen, BaseURL: DefaultBaseURL(m)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPublishUpdate publishes one more update (a site that differs
// from the published one in its pages, feeds and status.json) to a local
// bucket.
func BenchmarkPublishUpdate(b *testing.B) {
	runs, m := pastRuns(b, 100)
	incs, err := Read(runs, m, false)
	if err != nil {
		b.Fatal(err)
	}
	sites := [2]Files{}
	for i := range sites {
		if sites[i], err = Build(Options{Manual: m, Incidents: incs[i:], Now: frozen, BaseURL: DefaultBaseURL(m)}); err != nil {
			b.Fatal(err)
		}
	}
	to := bucketURL(b.TempDir())
	ctx := context.Background()
	if _, err := Publish(ctx, sites[1], to, PublishOptions{Now: frozen}); err != nil {
		b.Fatal(err)
	}
	defer cpuPerOp(b)()
	i := 0
	for b.Loop() {
		res, err := Publish(ctx, sites[i%2], to, PublishOptions{Now: frozen})
		if err != nil || res.Written == 0 {
			b.Fatal(err, res)
		}
		i++
	}
}

// cpuPerOp reports the process's CPU time (user + system) per operation
// beside the wall time: on a machine shared with other work the wall time
// swings with the load, the CPU time much less.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
