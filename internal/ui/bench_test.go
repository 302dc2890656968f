package ui

import (
	"io"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// BenchmarkStepView is what showing meta-outage's holding step costs in
// four locales (40 texts) on an 80-column colour terminal, in Polish:
//
//   - view: rendering the texts with the run's values and drawing the
//     step; this must stay under 20 ms, or the screen lags behind the
//     operator's d;
//   - show: the same as the run does it, also writing each text to the
//     run folder (the disk's cost more than the view's, so not held to
//     the 20 ms).
//
// The step is shown once before timing: its first showing also journals
// each rendering, synced to disk.
func BenchmarkStepView(b *testing.B) {
	m, cat := exampletest.Load(b)
	now := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	p := m.Playbook("meta-outage")
	s, err := runbook.Start(runbook.Options{RunsDir: b.TempDir(), Manual: m, Playbook: p, Catalog: cat,
		Locales: []string{"es", "en", "pt", "pl"}, Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.Done(); err != nil { // to the holding step, the longest
		b.Fatal(err)
	}
	// In Polish, the interface language with the most plural forms: the
	// step's words come from the catalogue.
	v := &RunView{W: io.Discard, Th: colourTheme(), Width: 80, Live: true, L: lang.For(language.Polish)}
	batch, err := s.RenderStep()
	if err != nil {
		b.Fatal(err)
	}
	if len(batch.Items) != 40 {
		b.Fatalf("the holding step rendered %d texts, want 10 channels in 4 locales", len(batch.Items))
	}
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			o := s.RenderOptions()
			o.Step = batch.Step
			items, err := render.Playbook(m, cat, p, o)
			if err != nil {
				b.Fatal(err)
			}
			v.Step(s, runbook.Batch{Step: batch.Step, Items: items})
		}
		ms := float64(b.Elapsed().Microseconds()) / 1000 / float64(b.N)
		b.ReportMetric(ms, "ms/step")
		if ms > 20 {
			b.Errorf("the step view took %.1f ms, over 20 ms", ms)
		}
	})
	b.Run("show", func(b *testing.B) {
		for b.Loop() {
			if batch, err = s.RenderStep(); err != nil {
				b.Fatal(err)
			}
			v.Step(s, batch)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/step")
	})
}
