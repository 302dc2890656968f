package runbook

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
)

// BenchmarkSendHoldingStep sends meta-outage's holding step, 10 targets in
// 4 locales (40 sends: the signed webhook, Slack, and SMTP to a 20-address
// list), to local doubles, and reports the wall time of the run's send.
func BenchmarkSendHoldingStep(b *testing.B) {
	hook, slack, relay := startHook(b), startHook(b), startSMTPCounter(b)
	targets := holdingTargets(b, hook, slack, relay, recipientList(b, 20, nil))
	targets["x"] = webhookTarget(hook.URL + "/x")
	var walls []time.Duration
	for b.Loop() {
		b.StopTimer()
		f, view := metaRun(b, b.TempDir(), false, allLocales, targets, "c 1 2 3 4", "d", "a", "send all", "yes")
		b.StartTimer()
		start := time.Now()
		if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
			b.Fatal(err)
		}
		walls = append(walls, time.Since(start))
		b.StopTimer()
		if n := countEvents(b, f.S.Dir, journal.TypeMessageSent); n != 40 {
			b.Fatalf("%d sent, want 40:\n%s", n, view.all())
		}
		f.S.Close()
		b.StartTimer()
	}
	slices.Sort(walls)
	b.ReportMetric(float64(walls[len(walls)-1])/float64(time.Millisecond), "max-wall-ms")
}

// BenchmarkSendJournalOverhead measures what journaling adds to each send:
// the intent and the outcome, each appended with its fsync, p50 and p99.
func BenchmarkSendJournalOverhead(b *testing.B) {
	f, _ := metaRun(b, b.TempDir(), false, []string{"es"}, map[string]*manual.Target{})
	s := f.S
	in := SendIntent{Key: "run/holding/meta-holding/telegram-channel/es", Step: "holding", Message: "meta-holding", Channel: "telegram-channel",
		Locale: "es", Provider: "telegram", Where: "chat_id=@rioverdehogar", TextSHA256: digest("text"), Count: 1, By: "lucia", At: time.Now()}
	out := SendOutcome{Key: in.Key, ID: "4242", Delivered: 1}
	var lat []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := s.append(journal.TypeSendIntent, in); err != nil {
			b.Fatal(err)
		}
		if err := s.append(journal.TypeSendOutcome, out); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(float64(len(lat)-1)*p)]) / float64(time.Millisecond) }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
