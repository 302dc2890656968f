package manual

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// gatesPlaybook is a 1.1 playbook with a fact learned later, approval
// gates on a step and an announcement, and a legal gate step.
const gatesPlaybook = "crisis: 1.1\n" + fbDownHead + `variables:
  - name: affected_stores
    description: Stores that cannot take card payments
    example: "3"
    type: count
    known: later
    by: press
steps:
  - id: hold
    title: Hold
    kind: holding
    owner: speaker
    deadline: 10m
    approval: pre-approved
    announce: [{message: holding, audiences: [customers], channels: [sms]}]
  - id: press
    title: Press
    owner: speaker
    deadline: 1h
    approval:
      roles: [speaker]
      two_person: true
      escalate_after: 10m
    announce:
      - message: holding
        audiences: [customers]
        channels: [sms]
        approval: {roles: [speaker]}
  - id: notify
    title: Notify the authority
    kind: gate
    owner: speaker
    deadline: 72h
    from: hold
updates: {every: 30m, message: holding, audiences: [customers], channels: [sms]}
`

func TestLoadGatesAndLaterFacts(t *testing.T) {
	m := loadClean(t, withPlaybook(gatesPlaybook))
	p := m.Playbooks[0]
	v := p.Variables[0]
	if !v.Later || v.By != (Ref{ID: "press", Pos: Pos{File: "playbooks/fb-down.yaml", Line: 17, Col: 9}}) || v.Format != Format11 {
		t.Errorf("variable: later %v, by %+v, format %q", v.Later, v.By, v.Format)
	}
	hold, press, notify := p.Steps[0], p.Steps[1], p.Steps[2]
	if g := hold.Approval; g == nil || !g.PreApproved || g.Pos != (Pos{File: "playbooks/fb-down.yaml", Line: 24, Col: 15}) {
		t.Errorf("hold approval: %+v", g)
	}
	g := press.Approval
	if g == nil || g.PreApproved || !g.TwoPerson || g.EscalateAfter != 10*time.Minute ||
		len(g.Roles) != 1 || g.Roles[0] != (Ref{ID: "speaker", Pos: Pos{File: "playbooks/fb-down.yaml", Line: 31, Col: 15}}) ||
		g.Pos != (Pos{File: "playbooks/fb-down.yaml", Line: 31, Col: 7}) ||
		g.At.Get("escalate_after") != (Pos{File: "playbooks/fb-down.yaml", Line: 33, Col: 23}) {
		t.Errorf("press approval: %+v", g)
	}
	if a := press.Announce[0].Approval; a == nil || a.TwoPerson || len(a.Roles) != 1 || a.Pos != (Pos{File: "playbooks/fb-down.yaml", Line: 38, Col: 19}) {
		t.Errorf("announcement approval: %+v", a)
	}
	if notify.Kind != StepGate || notify.From != (Ref{ID: "hold", Pos: Pos{File: "playbooks/fb-down.yaml", Line: 44, Col: 11}}) {
		t.Errorf("gate step: kind %q, from %+v", notify.Kind, notify.From)
	}
	if hold.Approval != nil && notify.Approval != nil {
		t.Error("a step without approval has one")
	}
}

// Each new key is refused in a 1.0 file, where it is written, and wrong
// values are reported at their position.
func TestLoadGatesAndLaterFactsErrors(t *testing.T) {
	const f = "playbooks/fb-down.yaml:"
	for _, tt := range []struct{ from, to, want string }{
		{"crisis: 1.1", "crisis: 1", f + "16:12: error: known is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"crisis: 1.1", "crisis: 1", f + "17:9: error: by is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"crisis: 1.1", "crisis: 1", f + "24:15: error: approval is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"crisis: 1.1", "crisis: 1", f + "31:7: error: approval is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"crisis: 1.1", "crisis: 1", f + "38:19: error: approval is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"crisis: 1.1", "crisis: 1", f + "41:11: error: kind: gate is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"crisis: 1.1", "crisis: 1", f + "44:11: error: from is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"approval: pre-approved", "approval: preapproved", f + `24:15: error: approval "preapproved" is not pre-approved nor a list of roles [CR003]`},
		{"roles: [speaker]\n      two", "roles: [legal]\n      two", f + `31:15: error: unknown role "legal" [CR005]`},
		{"two_person: true", "two_person: maybe", f + `32:19: error: two_person must be true or false, found "maybe" [CR003]`},
		{"escalate_after: 10m", "escalate_after: soon", f + `33:23: error: escalate_after "soon" is not a duration [CR003]`},
		{"escalate_after: 10m", "escalate: 10m", f + `33:7: error: unknown key "escalate" in approval [CR002]`},
		{"known: later", "known: soon", f + `16:12: error: known "soon" is not later nor start [CR003]`},
		{"known: later", "known: start", f + "17:9: error: by is for a variable known later [CR003]"},
		{"    by: press\n", "", f + "12:5: error: a variable known later needs by [CR006]"},
		{"kind: gate", "kind: action", f + "44:11: error: from is for a step of kind gate [CR003]"},
	} {
		diags := loadEditedIn(t, withPlaybook(gatesPlaybook), "playbooks/fb-down.yaml", tt.from, tt.to)
		if !containsDiag(diags, tt.want) {
			t.Errorf("%q -> %q: no %q in\n%s", tt.from, tt.to, tt.want, strings.Join(diags, "\n"))
		}
	}
}

// The format 1.1 findings are catalogue texts like every other loader
// finding: shown in the reader's language.
func TestGateFindingsInTheReadersLanguage(t *testing.T) {
	files := withPlaybook(strings.Replace(gatesPlaybook, "known: later", "known: soon", 1))
	_, diags, err := Load(mapFS(files), "test")
	if err != nil {
		t.Fatal(err)
	}
	want := map[language.Tag]string{
		language.Spanish:    `known "soon" no es later ni start`,
		language.Polish:     `known "soon" nie jest wartością later ani start`,
		language.Portuguese: `known "soon" não é later nem start`,
	}
	for _, d := range diags {
		if d.Message != `known "soon" is not later nor start` {
			continue
		}
		for tag, w := range want {
			if got, _ := d.Shown(lang.For(tag)); got != w {
				t.Errorf("%s: %q, want %q", tag, got, w)
			}
		}
		return
	}
	t.Errorf("no finding about known: soon")
}
