package manual

import (
	"strings"
	"testing"
	"time"
)

// cadencePlaybook is the minimal playbook in 1.1 with two cadences: the
// customers' in phases and on change, the staff's hourly. Lines are
// numbered for the positions below.
const cadencePlaybook = "crisis: 1.1\n" + fbDownHead + holdStep + `updates:
  - id: customers
    message: holding
    audiences: [customers]
    channels: [sms]
    phases:
      - {every: 20m, for: 2h}
      - every: 60m
    on_change: true
  - id: staff
    message: holding
    audiences: [staff]
    channels: [sms]
    after: hold
    every: 1h
`

func TestCadencesList(t *testing.T) {
	m := loadClean(t, withPlaybook(cadencePlaybook))
	ups := m.Playbooks[0].Updates
	if len(ups) != 2 {
		t.Fatalf("%d cadences, want 2", len(ups))
	}
	c, s := ups[0], ups[1]
	if c.ID != "customers" || !c.OnChange || c.Every != 0 || len(c.Phases) != 2 {
		t.Errorf("customers cadence = %+v", c)
	}
	if c.Pos != (Pos{File: "playbooks/fb-down.yaml", Line: 19, Col: 5}) {
		t.Errorf("customers cadence at %v, want line 19 col 5", c.Pos)
	}
	p0, p1 := c.Phases[0], c.Phases[1]
	if p0.Every != 20*time.Minute || p0.For != 2*time.Hour || p1.Every != time.Hour || p1.For != 0 {
		t.Errorf("phases = %+v", c.Phases)
	}
	if p0.Pos.Line != 24 || p0.Pos.Col != 9 || p1.Pos.Line != 25 || p1.Pos.Col != 9 {
		t.Errorf("phases at %v and %v, want 24:9 and 25:9", p0.Pos, p1.Pos)
	}
	if at := p0.At.Get("for"); at.Line != 24 || at.Col != 27 {
		t.Errorf("for at %v, want 24:27", at)
	}
	if at := c.At.Get("on_change"); at.Line != 26 || at.Col != 16 {
		t.Errorf("on_change at %v, want 26:16", at)
	}
	if s.ID != "staff" || s.Every != time.Hour || s.OnChange || s.After.ID != "hold" || s.After.Pos.Line != 31 || s.After.Pos.Col != 12 {
		t.Errorf("staff cadence = %+v", s)
	}
	// Every 20m for the first 2h, then hourly.
	for _, tt := range []struct{ elapsed, want time.Duration }{
		{0, 20 * time.Minute}, {119 * time.Minute, 20 * time.Minute}, {2 * time.Hour, time.Hour}, {30 * time.Hour, time.Hour},
	} {
		if got := c.Interval(tt.elapsed); got != tt.want {
			t.Errorf("Interval(%v) = %v, want %v", tt.elapsed, got, tt.want)
		}
	}
	if got := s.Interval(5 * time.Hour); got != time.Hour {
		t.Errorf("staff Interval = %v", got)
	}
	p := m.Playbooks[0]
	if got := p.CadenceFor("sms", []string{"staff"}); got == nil || got.ID != "staff" {
		t.Errorf("CadenceFor(sms, staff) = %v", got)
	}
	if got := p.CadenceFor("fb", []string{"customers"}); got != nil {
		t.Errorf("CadenceFor(fb, customers) = %v, want none", got)
	}
}

// The 1.0 mapping stays valid and means one cadence without an id.
func TestCadenceMapping10(t *testing.T) {
	m := loadClean(t, valid())
	ups := m.Playbooks[0].Updates
	if len(ups) != 1 || ups[0].ID != "" || ups[0].Every != 30*time.Minute || ups[0].Interval(5*time.Hour) != 30*time.Minute {
		t.Fatalf("updates = %+v", ups)
	}
	if ups[0].Pos.Line != 18 || ups[0].Pos.Col != 10 {
		t.Errorf("updates at %v, want 18:10", ups[0].Pos)
	}
}

func TestCadenceProblems(t *testing.T) {
	const f = "playbooks/fb-down.yaml"
	for _, tt := range []struct {
		name, playbook, want string
	}{
		{"list in 1.0", strings.Replace(cadencePlaybook, "crisis: 1.1", "crisis: 1", 1),
			f + ":19:3: error: a list of update cadences is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"phases in 1.0", strings.Replace(minimalPlaybook, "{every: 30m,", "{phases: [{every: 30m}],", 1),
			f + ":18:11: error: phases is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"on_change in 1.0", strings.Replace(minimalPlaybook, "{every: 30m,", "{every: 30m, on_change: true,", 1),
			f + ":18:23: error: on_change is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"id in 1.0", strings.Replace(minimalPlaybook, "{every: 30m,", "{id: all, every: 30m,", 1),
			f + ":18:11: error: a cadence id is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"every and phases", strings.Replace(cadencePlaybook, "    after: hold\n", "    phases: [{every: 5m}]\n", 1),
			f + ":31:5: error: a cadence has both every and phases [CR003]"},
		{"no every", strings.Replace(cadencePlaybook, "    every: 1h\n", "", 1),
			f + ":27:5: error: missing required key \"every\" [CR006]"},
		{"no id in a list", strings.Replace(cadencePlaybook, "  - id: staff\n    message", "  - message", 1),
			f + ":27:5: error: missing required key \"id\" [CR006]"},
		{"duplicate id", strings.Replace(cadencePlaybook, "id: staff", "id: customers", 1),
			f + ":27:5: error: cadence \"customers\" is declared twice [CR004]"},
		{"empty list", strings.Replace(cadencePlaybook, cadencePlaybook[strings.Index(cadencePlaybook, "updates:"):], "updates: []\n", 1),
			f + ":18:10: error: updates lists no cadence [CR006]"},
		{"phase unknown key", strings.Replace(cadencePlaybook, "- every: 60m", "- evrey: 60m", 1),
			f + ":25:9: error: unknown key \"evrey\""},
		{"phase bad duration", strings.Replace(cadencePlaybook, "for: 2h", "for: 2 hours", 1),
			f + ":24:27: error: for \"2 hours\" is not a duration [CR003]"},
		{"unknown after", strings.Replace(cadencePlaybook, "after: hold", "after: holdd", 1),
			f + ":31:12: error: unknown step \"holdd\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, withPlaybook(tt.playbook), tt.want)
		})
	}
}
