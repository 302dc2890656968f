package runbook

import (
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
)

// In the example manual a Facebook outage that turns out to be all of
// Meta goes on in meta-outage on the incident's own clock: its holding
// step is due 15 minutes after Facebook was found down, not after the
// escalation.
func TestFacebookEscalatesToMetaOnItsClock(t *testing.T) {
	m, cat := exampletest.Load(t)
	clock := &fakeClock{t: time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC)}
	o := Options{RunsDir: t.TempDir(), Manual: m, Playbook: m.Playbook("facebook-down"), Catalog: cat,
		Locales: []string{"es"}, Now: clock.now}
	s := mustStart(t, o)
	defer s.Close()
	start := s.State.StartedAt
	clock.t = clock.t.Add(8 * time.Minute)
	l := lines{"d", "d", "choose meta"} // confirm (its checklist left unticked), then the decision
	view := &quietView{}
	f := &Flow{S: s, In: &l, View: view}
	if err := f.Run(); err != nil && !strings.Contains(err.Error(), "input ended") {
		t.Fatal(err)
	}
	if s.Playbook.ID != "meta-outage" || s.State.Playbook != "meta-outage" {
		t.Fatalf("after choosing meta the run is in %s (warnings %q)", s.Playbook.ID, view.warnings)
	}
	if !s.State.StartedAt.Equal(start) {
		t.Errorf("the incident restarted at %v; it started at %v", s.State.StartedAt, start)
	}
	hold := s.Playbook.Steps[s.Playbook.StepIndex("holding")]
	if due, want := s.Deadline(&hold), start.Add(15*time.Minute); !due.Equal(want) {
		t.Errorf("meta-outage's holding step due %v, want %v (15m after the start)", due, want)
	}
}
