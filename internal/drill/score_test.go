package drill_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// drilled runs a drill of a playbook with the given commands (auto answers
// everything as --yes does) and returns the playbook and the final state.
func drilled(t *testing.T, playbook string, auto bool, lines ...string) (*manual.Playbook, *runbook.State) {
	t.Helper()
	return drilledAt(t, 8, playbook, auto, lines...)
}

// drilledAt is drilled at a speed; the durations of lines are drill time.
func drilledAt(t *testing.T, speed float64, playbook string, auto bool, lines ...string) (*manual.Playbook, *runbook.State) {
	t.Helper()
	in := &exampletest.Script{Now: time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC), Lines: lines}
	s := startDrillAt(t, playbook, in.Clock, speed)
	view := &injectView{}
	inj := &drill.Injector{S: s, In: in, View: view, PlanOrder: auto, Auto: auto}
	f := &runbook.Flow{S: s, In: in, View: view, Auto: auto, OnCommand: inj.Deliver}
	if err := f.AskVars(map[string]string{"platform": "Facebook"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err != nil && !errors.Is(err, runbook.ErrPaused) {
		t.Fatal(err)
	}
	return s.Playbook, s.State
}

func TestGrade(t *testing.T) {
	tests := []struct {
		name     string
		run      func(t *testing.T) (*manual.Playbook, *runbook.State)
		overall  int
		parts    [3]drill.Part // deadlines, announcements, injects
		skipped  int
		practise []string // each must be in the list, which has no others
	}{
		{"perfect", func(t *testing.T) (*manual.Playbook, *runbook.State) { return drilled(t, "facebook-down", true) }, 100,
			[3]drill.Part{{5, 5, 40}, {13, 13, 30}, {3, 3, 20}}, 0, nil},
		{"skipped step and unanswered injects", func(t *testing.T) (*manual.Playbook, *runbook.State) {
			return drilled(t, "facebook-down", false, exampletest.ImperfectDrill()...)
		}, 32 + 30 + 7 + 5,
			[3]drill.Part{{4, 5, 32}, {13, 13, 30}, {1, 3, 7}}, 1,
			[]string{`step "inbox" was skipped`, `answer the inject "A journalist calls`, `answer the inject "A colleague proposes`}},
		{"late holding message", func(t *testing.T) (*manual.Playbook, *runbook.State) {
			// At speed 1: holding's 5 minutes after the scope decision are
			// real minutes, enough for anyone.
			return drilledAt(t, 1, "facebook-down", false,
				"c 1 2 3 4", "+4m", "d", // confirm
				"", "y", "choose 1", "a", "x all all", "+16m", "d", // the 3m inject, only Facebook, then holding done at T+20m
				"phoned the press line", "y", "c 1 2", "d", // the 20m inject, then inbox
				"a", "x all all", "d") // all-clear
		}, 32 + 30 + 13 + 10,
			[3]drill.Part{{4, 5, 32}, {13, 13, 30}, {2, 3, 13}}, 0,
			[]string{`step "holding" was late: know its deadline (T+15m)`, `answer the inject "A colleague proposes`}},
		{"late at speed 20: the speed, not the trainee", func(t *testing.T) (*manual.Playbook, *runbook.State) {
			// confirm (T+5m) lasts 15 s of real time at speed 20 and holding
			// (T+15m, 5m after the scope decision's) 15 s: both late, neither judged.
			// inbox's 15 minutes are 45 s: also too fast, but it is met.
			return drilledAt(t, 20, "facebook-down", false,
				"c 1 2 3 4", "+6m", "d", // confirm, late
				"", "y", "choose 1", "a", "x all all", "+16m", "d", // the 3m inject, only Facebook, then holding done at T+22m
				"phoned the press line", "y", "c 1 2", "d", // the 20m inject, then inbox
				"a", "x all all", "d") // all-clear
		}, 40 + 30 + 13 + 10,
			[3]drill.Part{{3, 3, 40}, {13, 13, 30}, {2, 3, 13}}, 0,
			[]string{`step "confirm" was late, but at speed 20 its deadline (T+5m) left 15s of real time, too little for anyone: rehearse it at --speed 5 or slower`,
				`step "holding" was late, but at speed 20 its deadline (T+15m) left 15s of real time`, `answer the inject "A colleague proposes`}},
		{"late at speed 1: know the deadline", func(t *testing.T) (*manual.Playbook, *runbook.State) {
			return drilledAt(t, 1, "facebook-down", false,
				"c 1 2 3 4", "+6m", "d", // confirm, late
				"", "y", "choose 1", "a", "x all all", "+4m", "d", // the 3m inject, only Facebook, then holding done at T+10m
				"c 1 2", "d", // inbox, before the 20m inject
				"a", "x all all", "d") // all-clear
		}, 32 + 30 + 7 + 10,
			[3]drill.Part{{4, 5, 32}, {13, 13, 30}, {1, 3, 7}}, 0,
			[]string{`step "confirm" was late: know its deadline (T+5m)`, `answer the inject "A journalist calls`, `answer the inject "A colleague proposes`}},
		{"nothing sent", func(t *testing.T) (*manual.Playbook, *runbook.State) {
			// Steps with unsent announcements or unticked checklists take a second d.
			return drilled(t, "facebook-down", false, "d", "d", "choose 1", "d", "d", "d", "d", "d", "d")
		}, 40 + 0 + 0 + 10,
			[3]drill.Part{{5, 5, 40}, {0, 13, 0}, {0, 3, 0}}, 0,
			append(slices.Repeat([]string{"prepare "}, 13), slices.Repeat([]string{"answer the inject "}, 3)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, st := tt.run(t)
			if !st.Drill || !st.Finished {
				t.Fatalf("drill %t, finished %t: the script did not finish a drill", st.Drill, st.Finished)
			}
			s := drill.Grade(p, st)
			got := [3]drill.Part{s.Deadlines, s.Announcements, s.Injects}
			if s.Overall != tt.overall || got != tt.parts || s.Skipped != tt.skipped {
				t.Errorf("score %d %+v skipped %d, want %d %+v skipped %d", s.Overall, got, s.Skipped, tt.overall, tt.parts, tt.skipped)
			}
			if len(s.PerChannel) != tt.parts[1].Of {
				t.Errorf("%d channel scores, want %d", len(s.PerChannel), tt.parts[1].Of)
			}
			if len(s.Practise) != len(tt.practise) {
				t.Errorf("practise %q, want %d items", s.Practise, len(tt.practise))
			}
			rest := slices.Clone(s.Practise)
			for _, want := range tt.practise {
				i := slices.IndexFunc(rest, func(p string) bool { return strings.Contains(p, want) })
				if i < 0 {
					t.Errorf("nothing to practise says %q: %q", want, s.Practise)
					continue
				}
				rest = slices.Delete(rest, i, i+1)
			}
		})
	}
}
