package drill_test

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// lines is a runbook.Input answering from a list, then ending.
type lines struct {
	answers []string
	prompts []string
}

func (l *lines) ReadLine(prompt string) (string, error) {
	l.prompts = append(l.prompts, prompt)
	if len(l.answers) == 0 {
		return "", io.EOF
	}
	s := l.answers[0]
	l.answers = l.answers[1:]
	return s, nil
}

// shown is one inject as the view received it.
type shown struct {
	index  int
	cursor int
	event  string
	draft  string
}

// injectView records the injects shown; it is a runbook.View too, so a
// whole drill can run through it.
type injectView struct {
	runbook.NoScreen
	shown []shown
}

func (v *injectView) Inject(s *runbook.Session, i int, in manual.Inject, draft string) {
	v.shown = append(v.shown, shown{index: i, cursor: s.State.Cursor, event: in.Event, draft: draft})
}
func (v *injectView) Start(*runbook.Session)                 {}
func (v *injectView) Step(*runbook.Session, runbook.Batch)   {}
func (v *injectView) Update(*runbook.Session, runbook.Batch) {}
func (v *injectView) Reminder(*runbook.Session, time.Time)   {}
func (v *injectView) Info(string, ...any)                    {}
func (v *injectView) Warn(string, ...any)                    {}
func (v *injectView) Help()                                  {}
func (v *injectView) End(*runbook.Session)                   {}
func (v *injectView) Expected(manual.Inject)                 {}

// ticker is a drill clock that moves a second per reading, as a scripted
// drill does: no time passes between answers.
type ticker struct{ t time.Time }

func (c *ticker) now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func startDrill(t *testing.T, playbook string, now func() time.Time) *runbook.Session {
	t.Helper()
	return startDrillAt(t, playbook, now, 8)
}

// startDrillAt starts a drill whose clock runs speed times faster.
func startDrillAt(t *testing.T, playbook string, now func() time.Time, speed float64) *runbook.Session {
	t.Helper()
	m, cat := example(t)
	// As an English-speaking operator runs it: the expectations are English.
	return startDrillWith(t, runbook.Options{Manual: m, Playbook: m.Playbook(playbook).In("en"), Catalog: cat,
		Speed: speed, Locales: []string{"es", "en"}, Now: now})
}

// startDrillWith starts o as a drill in a temporary runs folder, closed
// when the test ends: the one way every drill test starts its run.
func startDrillWith(t *testing.T, o runbook.Options) *runbook.Session {
	t.Helper()
	o.RunsDir, o.Drill = t.TempDir(), true
	s, err := runbook.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func journaled(t *testing.T, s *runbook.Session, typ string) []journal.Event {
	t.Helper()
	events, _, err := journal.Read(filepath.Join(s.Dir, runbook.JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	var out []journal.Event
	for _, e := range events {
		if e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

// TestInjectorPlanOrder runs a whole scripted drill of facebook-down: each
// inject arrives on the first step whose deadline reaches its offset (3m on
// confirm, 20m on inbox, 45m on all-clear), in order, once.
func TestInjectorPlanOrder(t *testing.T) {
	clock := &ticker{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
	s := startDrill(t, "facebook-down", clock.now)
	in := &lines{answers: []string{
		"Facebook", // the platform variable
		"", "y",    // inject 0 (reply): take the draft; it did what was expected
		"c 1 2 3 4", "d", // confirm
		"choose 1",            // only Facebook
		"a", "x all all", "d", // holding
		"refer to the press line", "y", // inject 1 (decision)
		"c 1 2", "d", // inbox
		"  refuse: Instagram is Meta too  ", "n", // inject 2 (decision), judged off the mark
		"a", "x all all", "d", // all-clear
	}}
	view := &injectView{}
	inj := &drill.Injector{S: s, In: in, View: view, PlanOrder: true}
	f := &runbook.Flow{S: s, In: in, View: view, OnCommand: inj.Deliver}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	p := s.Playbook
	wantCursor := []int{0, 3, 4}
	if len(view.shown) != len(p.Drill.Injects) {
		t.Fatalf("%d injects shown, want %d: %+v", len(view.shown), len(p.Drill.Injects), view.shown)
	}
	for i, sh := range view.shown {
		if sh.index != i || sh.cursor != wantCursor[i] || sh.event != p.Drill.Injects[i].Event {
			t.Errorf("inject shown %d: %+v, want index %d on step %d", i, sh, i, wantCursor[i])
		}
	}
	answered := journaled(t, s, journal.TypeInjectAnswered)
	if got := len(journaled(t, s, journal.TypeInjectArrived)); got != 3 || len(answered) != 3 {
		t.Fatalf("journaled %d arrivals and %d answers, want 3 and 3", got, len(answered))
	}
	wantResp := []string{view.shown[0].draft, "refer to the press line", "refuse: Instagram is Meta too"}
	for i, want := range wantResp {
		if st := s.State.Injects[i]; st == nil || st.Response != want || st.Answered.IsZero() {
			t.Errorf("inject %d state %+v, want response %q", i, st, want)
		}
	}
}

// TestInjectorReplyDraft: a reply inject offers the reply template rendered
// in the run's first locale with the run's values, marked as a drill; an
// empty answer sends the draft, and the prompt says so.
func TestInjectorReplyDraft(t *testing.T) {
	clock := &ticker{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
	s := startDrill(t, "meta-outage", clock.now)
	in := &lines{answers: []string{"", "y"}}
	view := &injectView{}
	inj := &drill.Injector{S: s, In: in, View: view, PlanOrder: true}
	if err := inj.Deliver(); err != nil {
		t.Fatal(err)
	}
	if len(view.shown) != 1 {
		t.Fatalf("shown %+v, want only the 4m inject on the 5m confirm step", view.shown)
	}
	draft := view.shown[0].draft
	mark := "[SIMULACRO]"
	if !strings.HasPrefix(draft, mark+" ") || !strings.Contains(draft, "900 100 200") {
		t.Errorf("draft %q: want the es reply-order text with its values after %s", draft, mark)
	}
	if strings.Contains(draft, "{{") || strings.Contains(draft, "<no value>") {
		t.Errorf("draft has unfilled blanks: %q", draft)
	}
	if len(in.prompts) == 0 || !strings.Contains(in.prompts[0], "Enter sends the draft") {
		t.Errorf("prompts %q: want one offering the draft", in.prompts)
	}
	if got := s.State.Injects[0]; got == nil || got.Response != draft {
		t.Errorf("inject 0 answered %+v, want the draft", got)
	}
}

// TestInjectorDecisionNeedsAnAnswer: a decision has no draft, so an empty
// line is asked again, never journaled as the answer.
func TestInjectorDecisionNeedsAnAnswer(t *testing.T) {
	clock := &ticker{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
	s := startDrill(t, "meta-outage", clock.now)
	// Past 12m on the clock: the 4m reply and the 12m decision are due.
	clock.t = clock.t.Add(13 * time.Minute)
	in := &lines{answers: []string{"ok", "y", "", " ", "phone the carrier", "maybe", "n"}}
	view := &injectView{}
	inj := &drill.Injector{S: s, In: in, View: view}
	if err := inj.Deliver(); err != nil {
		t.Fatal(err)
	}
	if len(view.shown) != 2 || view.shown[1].draft != "" {
		t.Fatalf("shown %+v, want the 4m reply and the 12m decision without a draft", view.shown)
	}
	if got := s.State.Injects[1]; got.Response != "phone the carrier" || got.Matched {
		t.Errorf("decision %+v, want the first non-empty line, judged off the mark (\"maybe\" asked again)", got)
	}
	if !s.State.Injects[0].Matched {
		t.Error("the reply judged on the mark was not recorded as matched")
	}
	if _, ok := s.State.Injects[2]; ok {
		t.Error("the 25m inject arrived at 13m")
	}
}

func TestInjectorDue(t *testing.T) {
	tests := []struct {
		name      string
		elapsed   time.Duration
		planOrder bool
		want      []bool // per inject of facebook-down: 3m, 20m, 45m
	}{
		{"nothing at the start by the clock", 0, false, []bool{false, false, false}},
		{"the clock passes 3m", 3 * time.Minute, false, []bool{true, false, false}},
		{"the clock passes 20m", 21 * time.Minute, false, []bool{true, true, false}},
		{"plan order on the first step", 0, true, []bool{true, false, false}},
		{"plan order and the clock", 21 * time.Minute, true, []bool{true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := &ticker{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
			s := startDrill(t, "facebook-down", clock.now)
			clock.t = clock.t.Add(tt.elapsed)
			inj := &drill.Injector{S: s, PlanOrder: tt.planOrder}
			for i, in := range s.Playbook.Drill.Injects {
				if got := inj.Due(in); got != tt.want[i] {
					t.Errorf("inject %d at %s: due %t, want %t", i, in.At, got, tt.want[i])
				}
			}
		})
	}
}

// TestInjectorEOFPauses: input ending at an inject's prompt pauses the run;
// resumed, the inject is asked again but arrives only once.
func TestInjectorEOFPauses(t *testing.T) {
	clock := &ticker{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
	s := startDrill(t, "facebook-down", clock.now)
	view := &injectView{}
	inj := &drill.Injector{S: s, In: &lines{}, View: view, PlanOrder: true}
	err := inj.Deliver()
	if !errors.Is(err, runbook.ErrPaused) {
		t.Fatalf("want ErrPaused, got %v", err)
	}
	if !s.State.Paused || len(journaled(t, s, journal.TypeRunPaused)) != 1 {
		t.Error("the run is not journaled as paused")
	}
	if st := s.State.Injects[0]; st == nil || !st.Answered.IsZero() {
		t.Fatalf("inject 0 state %+v, want arrived and unanswered", st)
	}
	inj.In = &lines{answers: []string{"my own reply", "y"}}
	if err := inj.Deliver(); err != nil {
		t.Fatal(err)
	}
	if n := len(journaled(t, s, journal.TypeInjectArrived)); n != 1 {
		t.Errorf("inject arrived %d times, want once", n)
	}
	if got := s.State.Injects[0].Response; got != "my own reply" {
		t.Errorf("response %q", got)
	}
}

func TestInjectorAuto(t *testing.T) {
	clock := &ticker{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
	s := startDrill(t, "meta-outage", clock.now)
	clock.t = clock.t.Add(13 * time.Minute)
	inj := &drill.Injector{S: s, In: &lines{}, View: &injectView{}, Auto: true}
	if err := inj.Deliver(); err != nil {
		t.Fatal(err)
	}
	p := s.Playbook
	if got := s.State.Injects[0].Response; !strings.HasPrefix(got, "[SIMULACRO]") {
		t.Errorf("auto reply %q, want the marked draft", got)
	}
	if got, want := s.State.Injects[1].Response, "acknowledged: "+p.Drill.Injects[1].Expect; got != want {
		t.Errorf("auto decision %q, want %q", got, want)
	}
}
