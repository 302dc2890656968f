package report

import (
	"slices"
	"strings"
	"testing"
)

// imperfectDrill rehearses facebook-down on its own clock: the inbox step is
// skipped and the run ends before the 20m and 45m injects arrive.
func imperfectDrill(t *testing.T) run {
	return scripted(t, "facebook-down", true, false,
		"+4m", "d", // confirm, at T+4m
		"", "y", // the 3m inject: send the draft reply, on the mark
		"a", "x all all", "d", // holding
		"s no time to answer", // inbox
		"a", "x all all", "d", // all-clear
	)
}

func TestGrade(t *testing.T) {
	tests := []struct {
		name     string
		run      func(t *testing.T) run
		overall  int
		parts    [3]Part // deadlines, announcements, injects
		skipped  int
		practise []string // each must be in the list, which has no others
	}{
		{"perfect", func(t *testing.T) run { return scripted(t, "facebook-down", true, true) }, 100,
			[3]Part{{4, 4, 40}, {11, 11, 30}, {3, 3, 20}}, 0, nil},
		{"skipped step and unanswered injects", imperfectDrill, 30 + 30 + 7 + 5,
			[3]Part{{3, 4, 30}, {11, 11, 30}, {1, 3, 7}}, 1,
			[]string{`step "inbox" was skipped`, `answer the inject "A journalist calls`, `answer the inject "A colleague proposes`}},
		{"late holding message", func(t *testing.T) run {
			return scripted(t, "facebook-down", true, false,
				"+4m", "d", // confirm
				"", "y", "a", "x all all", "+16m", "d", // the 3m inject, then holding done at T+20m
				"phoned the press line", "y", "d", // the 20m inject, then inbox
				"a", "x all all", "d") // all-clear
		}, 30 + 30 + 13 + 10,
			[3]Part{{3, 4, 30}, {11, 11, 30}, {2, 3, 13}}, 0,
			[]string{`step "holding" was late: know its deadline (T+15m)`, `answer the inject "A colleague proposes`}},
		{"nothing sent", func(t *testing.T) run {
			// Steps with unsent announcements take a second d.
			return scripted(t, "facebook-down", true, false, "d", "d", "d", "d", "d", "d")
		}, 40 + 0 + 0 + 10,
			[3]Part{{4, 4, 40}, {0, 11, 0}, {0, 3, 0}}, 0,
			append(slices.Repeat([]string{"prepare "}, 11), slices.Repeat([]string{"answer the inject "}, 3)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.run(t)
			if !r.state.Drill || !r.state.Finished {
				t.Fatalf("drill %t, finished %t: the script did not finish a drill", r.state.Drill, r.state.Finished)
			}
			s := Grade(r.p, r.state)
			got := [3]Part{s.Deadlines, s.Announcements, s.Injects}
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
