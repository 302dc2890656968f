package runbook

import (
	"testing"
	"time"
)

// TestIncidentOnHostedPage: a hosted status page keeps one incident per run
// and language: the first post opens it, later sends name it (the earliest
// post on that channel and locale, whatever the step), and each send says
// the state the step brings the incident to, or the operator's later one.
func TestIncidentOnHostedPage(t *testing.T) {
	f, _ := playbookRun(t, "facebook-down", t.TempDir(), false, []string{"es", "en"}, nil)
	s := f.S
	if thread, state := s.incident("holding", "status-page", "es"); thread != "" || state != "identified" {
		t.Errorf("first holding send: thread %q, state %q; want none, identified", thread, state)
	}
	t0 := time.Date(2026, 11, 23, 2, 5, 0, 0, time.UTC)
	s.State.Sends = map[AnnouncementKey]*SendRecord{
		{"holding", "holding", "status-page", "es"}:     {First: t0, IDs: []string{"inc-es"}},
		{"holding", "holding", "status-page", "en"}:     {First: t0, IDs: []string{"inc-en"}},
		{"updates#1", "update", "status-page", "es"}:    {First: t0.Add(time.Hour), IDs: []string{"upd-es"}},
		{"holding", "holding", "x", "es"}:               {First: t0, IDs: []string{"tweet"}},
		{"holding", "staff-brief", "status-page", "pl"}: {First: t0},
	}
	cases := []struct{ step, locale, thread, state string }{
		{"updates#2", "es", "inc-es", "monitoring"},
		{"updates#2", "en", "inc-en", "monitoring"},
		{"all-clear", "es", "inc-es", "resolved"},
		{"holding", "pl", "", "identified"}, // no post with an id in pl yet
	}
	for _, c := range cases {
		if thread, state := s.incident(c.step, "status-page", c.locale); thread != c.thread || state != c.state {
			t.Errorf("%s (%s): thread %q, state %q; want %q, %q", c.step, c.locale, thread, state, c.thread, c.state)
		}
	}
	s.State.States = append(s.State.States, StateChange{State: "monitoring", At: t0})
	if _, state := s.incident("holding", "status-page", "es"); state != "monitoring" {
		t.Errorf("holding after the operator set monitoring: %q", state)
	}
}
