package drill_test

import (
	"errors"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// A drill walks a decision like a run, and the steps the choice left off
// the path are neither missed deadlines nor texts not sent.
func TestGradeDecision(t *testing.T) {
	m, cat := exampletest.LoadDir(t, "decisions")
	in := &exampletest.Script{Now: time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC), Lines: []string{"a", "x all", "d", "+10m", "choose fake", "a", "x all", "d"}}
	s := startDrillWith(t, runbook.Options{Manual: m, Playbook: m.Playbook("leak"), Catalog: cat, Speed: 8, Locales: []string{"es"}, Now: in.Clock})
	view := &injectView{}
	inj := &drill.Injector{S: s, In: in, View: view}
	f := &runbook.Flow{S: s, In: in, View: view, OnCommand: inj.Deliver}
	if err := f.Run(); err != nil && !errors.Is(err, runbook.ErrPaused) {
		t.Fatal(err)
	}
	if !s.State.Finished {
		t.Fatal("the drill did not finish on the fake path")
	}
	sc := drill.Grade(s.Playbook, s.State)
	// standby, verify and fake-clear on time; confirm and clear off the path.
	if sc.Deadlines.Got != 3 || sc.Deadlines.Of != 3 || sc.Skipped != 0 {
		t.Errorf("deadlines %+v, skipped %d", sc.Deadlines, sc.Skipped)
	}
	// holding and fake on sms; all-clear (of clear) not counted.
	if sc.Announcements.Got != 2 || sc.Announcements.Of != 2 || len(sc.PerChannel) != 2 {
		t.Errorf("announcements %+v, per channel %+v", sc.Announcements, sc.PerChannel)
	}
}
