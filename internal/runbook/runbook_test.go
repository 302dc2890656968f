package runbook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/render"
)

// lines is an Input that answers from a list, then ends: the run tests
// write dozens, so under a short name.
type lines = exampletest.Lines

// quietView records what was shown.
type quietView struct {
	NoScreen
	warnings []string
	alerts   []string
}

func (v *quietView) Start(*Session)               {}
func (v *quietView) Step(*Session, Batch)         {}
func (v *quietView) Update(*Session, Batch)       {}
func (v *quietView) Reminder(*Session, time.Time) {}
func (v *quietView) Info(string, ...any)          {}
func (v *quietView) Warn(f string, a ...any)      { v.warnings = append(v.warnings, fmt.Sprintf(f, a...)) }
func (v *quietView) Help()                        {}
func (v *quietView) End(*Session)                 {}
func (v *quietView) Alert(_ *Session, d Due)      { v.alerts = append(v.alerts, d.Key) }

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { c.t = c.t.Add(time.Second); return c.t }

// newClock is the fake clock most tests run on: 02:00 UTC on the day the
// example incident happens, so the deadlines they assert read as written.
func newClock() *fakeClock { return &fakeClock{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)} }

// mustStart starts a run, failing the test if it cannot; closing it stays
// with the test, as some close it early to read or resume the journal.
func mustStart(t testing.TB, o Options) *Session {
	t.Helper()
	s, err := Start(o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// readRun reads a run back from its folder as resume and report do,
// failing the test if the journal cannot be read.
func readRun(t testing.TB, dir string) *Run {
	t.Helper()
	run, err := ReadRun(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func options(t *testing.T, runs string, clock *fakeClock) Options {
	t.Helper()
	m, cat := exampletest.Load(t)
	return Options{RunsDir: runs, Manual: m, Playbook: m.Playbook("facebook-down"), Catalog: cat,
		Locales: []string{"es", "en"}, Now: clock.now}
}

// start begins a facebook-down run in a temporary runs folder on a fake
// clock, closed when the test ends.
func start(t *testing.T) (*Session, *fakeClock) {
	t.Helper()
	clock := newClock()
	s := mustStart(t, options(t, t.TempDir(), clock))
	t.Cleanup(func() { s.Close() })
	return s, clock
}

func types(t *testing.T, dir string) []string {
	t.Helper()
	events, dmg, err := journal.Read(filepath.Join(dir, JournalFile))
	if err != nil || !dmg.Intact() {
		t.Fatalf("read journal: %v %v", err, dmg)
	}
	var out []string
	for i, e := range events {
		if e.Seq != i+1 {
			t.Fatalf("event %d has seq %d", i+1, e.Seq)
		}
		out = append(out, e.Type)
	}
	return out
}

func TestFlowWholeRun(t *testing.T) {
	s, _ := start(t)
	in := lines{"Facebook", "c 1 2 3 4", "d", "choose 1", "a", "x all all", "d", "n called Ana", "s nothing to answer yet", "u", "a", "x all all", "d"}
	f := &Flow{S: s, In: &in, View: &quietView{}}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	got := types(t, s.Dir)
	count := func(typ string) int {
		n := 0
		for _, g := range got {
			if g == typ {
				n++
			}
		}
		return n
	}
	if got[0] != journal.TypeRunStarted || got[1] != journal.TypeVarSet || got[len(got)-1] != journal.TypeRunFinished {
		t.Errorf("journal starts/ends wrong: %v", got)
	}
	if count(journal.TypeStepDone) != 3 || count(journal.TypeStepSkipped) != 1 {
		t.Errorf("step events wrong: %v", got)
	}
	// Two approvals: the customers' holding texts and their update; the
	// staff brief is pre-approved and the staff cadence is not yet due.
	if count(journal.TypeMessageSent) == 0 || count(journal.TypeMessageApproved) != 2 || count(journal.TypeNote) != 1 {
		t.Errorf("message events wrong: %v", got)
	}
	st, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if !st.Finished || st.AllClear.IsZero() || st.Updates != 1 || st.Vars["platform"] != "Facebook" || st.Steps["inbox"].Reason != "nothing to answer yet" {
		t.Errorf("replayed state wrong: %+v", st)
	}
}

func mustRead(t *testing.T, dir string) []journal.Event {
	events, _, err := journal.Read(filepath.Join(dir, JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	return events
}

// journaled is the payloads of the events of type typ in the journal in
// dir, in order, each decoded as the run wrote it.
func journaled[T any](t *testing.T, dir, typ string) []T {
	t.Helper()
	var out []T
	for _, e := range mustRead(t, dir) {
		if e.Type != typ {
			continue
		}
		var v T
		if err := json.Unmarshal(e.Data, &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestResumeExactlyOnce interrupts a run at every point of a script (the
// input simply ends, as when a terminal closes) and resumes it with the
// rest: the journal must equal the uninterrupted run's, but for the
// pause/resume pairs.
func TestResumeExactlyOnce(t *testing.T) {
	script := []string{"Facebook", "c 1 2 3 4", "d", "choose 1", "a", "x all all", "d", "n note", "c 1 2", "d", "a", "x all all", "d"}
	want := runScript(t, script, -1)
	for cut := 1; cut < len(script); cut++ {
		got := runScript(t, script, cut)
		got = slices.DeleteFunc(got, func(s string) bool {
			return s == journal.TypeRunPaused || s == journal.TypeRunResumed
		})
		if !slices.Equal(got, want) {
			t.Errorf("cut at %d:\n got %v\nwant %v", cut, got, want)
		}
	}
}

func runScript(t *testing.T, script []string, cut int) []string {
	t.Helper()
	runs := t.TempDir()
	clock := newClock()
	opts := options(t, runs, clock)
	s := mustStart(t, opts)
	first, rest := script, []string(nil)
	if cut >= 0 {
		first, rest = script[:cut], script[cut:]
	}
	in := lines(slices.Clone(first))
	f := &Flow{S: s, In: &in, View: &quietView{}}
	err := f.AskVars(nil)
	if err == nil {
		err = f.Run()
	}
	s.Close()
	if cut < 0 {
		if err != nil {
			t.Fatal(err)
		}
		return types(t, s.Dir)
	}
	if err != nil && !errors.Is(err, ErrPaused) && !strings.Contains(err.Error(), "input ended") {
		t.Fatalf("cut %d: %v", cut, err)
	}
	run := readRun(t, s.Dir)
	r, err := Resume(run, opts)
	if err != nil || !run.Journal.Damage.Intact() {
		t.Fatalf("resume: %v %v", err, run.Journal.Damage)
	}
	defer r.Close()
	in2 := lines(slices.Clone(rest))
	f2 := &Flow{S: r, In: &in2, View: &quietView{}}
	if err := f2.AskVars(nil); err != nil {
		// the variable was the cut: answer it now
		t.Fatalf("cut %d: ask vars: %v", cut, err)
	}
	if err := f2.Run(); err != nil {
		t.Fatalf("cut %d: %v", cut, err)
	}
	return types(t, r.Dir)
}

func TestSecondLiveRunIsRefused(t *testing.T) {
	runs := t.TempDir()
	clock := newClock()
	s := mustStart(t, options(t, runs, clock))
	defer s.Close()
	_, err := Start(options(t, runs, clock))
	var locked *journal.LockedError
	if !errors.As(err, &locked) || !strings.Contains(err.Error(), "pid") {
		t.Fatalf("want a lock error naming the pid, got %v", err)
	}
}

// TestBackToUnknownStep replays a journal whose step.back names a step the
// manual no longer has (renamed after the run began): the cursor must stay
// on the list, not fall off it.
func TestBackToUnknownStep(t *testing.T) {
	steps := []string{"confirm", "holding"}
	events := []journal.Event{
		{Seq: 1, Type: journal.TypeStepDone, Data: []byte(`{"step":"confirm"}`)},
		{Seq: 2, Type: journal.TypeStepBack, Data: []byte(`{"from":"holding","to":"confirm-old"}`)},
	}
	st, err := Replay(steps, events)
	if err != nil {
		t.Fatal(err)
	}
	if st.Cursor != 1 {
		t.Errorf("cursor = %d, want 1", st.Cursor)
	}
	// A listing replays before the playbook is known; binding the steps
	// afterwards must place the cursor where replaying with them does.
	listed, err := Replay(nil, events)
	if err != nil {
		t.Fatal(err)
	}
	if listed.Bind(steps); listed.Cursor != 1 {
		t.Errorf("cursor after Bind = %d, want 1", listed.Cursor)
	}
}

// TestCadenceFollowsUpdateAudiences: a staff message does not move the next
// customer update; a customer message does.
func TestCadenceFollowsUpdateAudiences(t *testing.T) {
	s, _ := start(t)
	staff := Batch{Step: "holding", Items: []render.Announcement{{Message: "staff-brief", Channel: "slack-staff", Locale: "es", Audience: "staff"}}}
	if _, _, err := s.Sent(staff, "all", "all"); err != nil {
		t.Fatal(err)
	}
	// Staff have a cadence of their own, hourly: their message makes it
	// due, never the customers' 20 minutes.
	if due, ok := s.NextUpdateDue(); ok && due.Sub(s.State.LastSentTo["staff"]) < time.Hour {
		t.Fatalf("a staff message started the customer update cadence: next update due %v", due)
	}
	customers := Batch{Step: "holding", Items: []render.Announcement{{Message: "holding", Channel: "x", Locale: "es", Audience: "customers"}}}
	if _, _, err := s.Sent(customers, "all", "all"); err != nil {
		t.Fatal(err)
	}
	due, ok := s.NextUpdateDue()
	if want := s.State.LastSentTo["customers"].Add(s.Playbook.Cadence()); !ok || !due.Equal(want) {
		t.Errorf("next update due %v (%v), want %v", due, ok, want)
	}
}

// TestDoneAsksAgainWhenUnsent: completing a step whose announcements were
// not all marked sent takes a second d, and x marks the on-screen locale
// only unless told otherwise.
func TestDoneAsksAgainWhenUnsent(t *testing.T) {
	s, _ := start(t)
	view := &quietView{}
	in := lines{"Facebook", "c 1 2 3 4", "d", "choose 1", "a", "x", "d"}
	f := &Flow{S: s, In: &in, View: view}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); !errors.Is(err, ErrPaused) {
		t.Fatalf("want the run paused when input ends, got %v", err)
	}
	if cur := s.Current(); cur == nil || cur.ID != "holding" {
		t.Fatalf("one d completed the holding step with English texts unsent (cursor %v)", cur)
	}
	if len(view.warnings) == 0 || !strings.Contains(strings.Join(view.warnings, "\n"), "type d again") {
		t.Errorf("no warning asking for a second d: %v", view.warnings)
	}
	if s.State.IsSent("holding", "holding", "x", "en") || !s.State.IsSent("holding", "holding", "x", "es") {
		t.Error("x marked other than the on-screen locale")
	}
}

// TestOverdueStepWarns: once a step's deadline passes, the flow says so
// once, before the next command.
func TestOverdueStepWarns(t *testing.T) {
	s, clock := start(t)
	view := &quietView{}
	in := lines{"n still checking", "p"}
	f := &Flow{S: s, In: &in, View: view}
	if err := f.AskVars(map[string]string{"platform": "Facebook"}); err != nil {
		t.Fatal(err)
	}
	clock.t = clock.t.Add(6 * time.Minute) // the confirm step is due at T+5m
	if err := f.Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	n := 0
	for _, w := range view.warnings {
		if strings.Contains(w, `step "confirm" is due now`) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("overdue warnings %d, want 1: %q", n, view.warnings)
	}
}

// TestChecklist: ticked items are journaled once and survive a replay.
func TestChecklist(t *testing.T) {
	s, _ := start(t)
	view := &quietView{}
	in := lines{"c 1 3", "c 3", "c 9", "p"}
	f := &Flow{S: s, In: &in, View: view}
	if err := f.AskVars(map[string]string{"platform": "Facebook"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); !errors.Is(err, ErrPaused) {
		t.Fatal(err)
	}
	if n := len(slices.DeleteFunc(types(t, s.Dir), func(s string) bool { return s != journal.TypeChecked })); n != 2 {
		t.Errorf("%d items journaled, want 2 (1 and 3, once each)", n)
	}
	st, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if c := st.Checked["confirm"]; !c[1] || c[2] || !c[3] {
		t.Errorf("replayed checklist %v", c)
	}
	if !strings.Contains(strings.Join(view.warnings, "\n"), `not "9"`) {
		t.Errorf("an item out of range was not refused: %q", view.warnings)
	}
}

// cutAfter keeps the first n lines of a run's journal, as a process killed
// right after writing its n-th event leaves it.
func cutAfter(t *testing.T, dir string, n int) {
	t.Helper()
	path := filepath.Join(dir, JournalFile)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	end := 0
	for range n {
		end += bytes.IndexByte(b[end:], '\n') + 1
	}
	if err := os.WriteFile(path, b[:end], 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestAllClearSurvivesAKillAfterItsDone: the all-clear step's d must not
// be two writes a kill can come between. A run stopped right after the
// step.done of the all-clear step resumes with the all-clear given.
func TestAllClearSurvivesAKillAfterItsDone(t *testing.T) {
	s, _ := start(t)
	in := lines{"Facebook", "c 1 2 3 4", "d", "choose 1", "a", "x all all", "d", "s none", "a", "x all all", "d"}
	f := &Flow{S: s, In: &in, View: &quietView{}}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	events := mustRead(t, s.Dir)
	done := slices.IndexFunc(events, func(e journal.Event) bool {
		return e.Type == journal.TypeStepDone && strings.Contains(string(e.Data), `"step":"all-clear"`)
	})
	if done < 0 {
		t.Fatal("no step.done of the all-clear step")
	}
	cutAfter(t, s.Dir, done+1)
	run := readRun(t, s.Dir)
	if run.State.AllClear.IsZero() {
		t.Fatal("the all-clear step is done but the all-clear was lost")
	}
	if !run.State.AllClear.Equal(events[done].UTC) {
		t.Errorf("all-clear at %v, want the step's done at %v", run.State.AllClear, events[done].UTC)
	}
}

// TestHalfSentUpdateIsFinishedAfterResume: an update marked sent on some
// of its channels, then interrupted, is the one u shows after a resume, so
// the rest can be marked; not a new update.
func TestHalfSentUpdateIsFinishedAfterResume(t *testing.T) {
	clock := newClock()
	opts := options(t, t.TempDir(), clock)
	s := mustStart(t, opts)
	if err := s.SetVar("platform", "Facebook"); err != nil {
		t.Fatal(err)
	}
	b, err := s.RenderUpdate()
	if err != nil {
		t.Fatal(err)
	}
	primary := b.Items[0].Locale
	var channels []string
	for _, a := range b.Items {
		if a.Locale == primary {
			channels = append(channels, a.Channel)
		}
	}
	if len(channels) < 2 {
		t.Fatalf("the update has %d channels in %s; the test needs two", len(channels), primary)
	}
	if n, _, err := s.Sent(b, channels[0], primary); err != nil || n != 1 {
		t.Fatalf("sent %d: %v", n, err)
	}
	r := reopen(t, s, opts)
	again, err := r.RenderUpdate()
	if err != nil {
		t.Fatal(err)
	}
	if again.Step != b.Step {
		t.Fatalf("after resume u shows %s, want the half-sent %s", again.Step, b.Step)
	}
	if n, _, err := r.Sent(again, "all", primary); err != nil || n != len(channels)-1 {
		t.Fatalf("marked %d of the %d left: %v", n, len(channels)-1, err)
	}
	next, err := r.RenderUpdate()
	if err != nil {
		t.Fatal(err)
	}
	if want := UpdatesStep + "#2"; next.Step != want {
		t.Errorf("once sent, u shows %s, want %s", next.Step, want)
	}
}
