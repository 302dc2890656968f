package runbook

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
)

// decisionOptions starts runs of testdata/decisions: leak branches at
// verify (credible: confirm, then clear; fake: fake-clear; wider:
// escalate to outage).
func decisionOptions(t *testing.T, playbook string) (Options, *fakeClock) {
	t.Helper()
	m, cat := exampletest.LoadDir(t, "decisions")
	clock := newClock()
	return Options{RunsDir: t.TempDir(), Manual: m, Playbook: m.Playbook(playbook), Catalog: cat,
		Locales: []string{"es"}, Now: clock.now}, clock
}

func runLines(t *testing.T, o Options, in ...string) *Session {
	t.Helper()
	s := mustStart(t, o)
	t.Cleanup(func() { s.Close() })
	l := lines(in)
	f := &Flow{S: s, In: &l, View: &quietView{}}
	if err := f.Run(); err != nil && !strings.Contains(err.Error(), "input ended") {
		t.Fatal(err)
	}
	return s
}

// payloads are the data of the journal's events of one type, as written.
func payloads(t *testing.T, dir, typ string) []string {
	t.Helper()
	events, _, err := journal.Read(filepath.Join(dir, JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range events {
		if e.Type == typ {
			out = append(out, string(e.Data))
		}
	}
	return out
}

// The fake sample ends at its own all-clear: confirm and clear are passed
// over as not on this path, never journaled as skipped.
func TestDecisionFakePath(t *testing.T) {
	o, _ := decisionOptions(t, "leak")
	s := runLines(t, o, "a", "x all", "d", "d", "choose 9", "choose fake", "a", "x all", "d")
	got := payloads(t, s.Dir, journal.TypeDecisionMade)
	want := []string{`{"step":"verify","option":"fake","title":"La muestra es falsa","by":"bo","next":"fake-clear","off":["confirm","clear"]}`}
	if !slices.Equal(got, want) {
		t.Errorf("decision.made = %s\nwant %s", got, want)
	}
	if sk := payloads(t, s.Dir, journal.TypeStepSkipped); len(sk) != 0 {
		t.Errorf("steps journaled as skipped: %v", sk)
	}
	done := payloads(t, s.Dir, journal.TypeStepDone)
	if want := []string{`{"step":"standby"}`, `{"step":"fake-clear","all_clear":true,"end":true}`}; !slices.Equal(done, want) {
		t.Errorf("step.done = %s\nwant %s", done, want)
	}
	if !s.State.Finished || s.State.AllClear.IsZero() {
		t.Errorf("run not finished with its all-clear: %+v", s.State)
	}
	if s.State.OnPath("confirm") || s.State.OnPath("clear") || !s.State.OnPath("fake-clear") {
		t.Errorf("off path = %v", s.State.OffPath)
	}
	// The journal alone gives the same path: a report or a resume replays it.
	run, err := ReadRun(s.Dir, true)
	if err != nil {
		t.Fatal(err)
	}
	run.State.Bind(s.Steps())
	if d := run.State.Decided("verify"); d == nil || d.Option != "fake" || d.By != "bo" || !slices.Equal(d.Off, []string{"confirm", "clear"}) {
		t.Errorf("replayed decision = %+v", d)
	}
	if run.State.Cursor != len(s.Steps()) || !run.State.OffPath["clear"] {
		t.Errorf("replayed cursor %d, off %v", run.State.Cursor, run.State.OffPath)
	}
}

// The credible sample goes on at confirm with the severity raised, and
// its all-clear ends the main steps before fake-clear.
func TestDecisionCrediblePath(t *testing.T) {
	o, _ := decisionOptions(t, "leak")
	s := runLines(t, o, "a", "x all", "d", "choose 1 Ana", "d", "a", "x all", "d")
	got := payloads(t, s.Dir, journal.TypeDecisionMade)
	want := []string{`{"step":"verify","option":"credible","title":"La muestra coincide con nuestros datos","by":"ana","next":"confirm","off":["fake-clear"],"severity":"critical","was":"high"}`}
	if !slices.Equal(got, want) {
		t.Errorf("decision.made = %s\nwant %s", got, want)
	}
	if s.Severity() != manual.SeverityCritical {
		t.Errorf("severity = %s", s.Severity())
	}
	done := payloads(t, s.Dir, journal.TypeStepDone)
	if want := []string{`{"step":"standby"}`, `{"step":"confirm"}`, `{"step":"clear","all_clear":true,"end":true}`}; !slices.Equal(done, want) {
		t.Errorf("step.done = %s\nwant %s", done, want)
	}
	if !s.State.Finished || s.State.Handled("fake-clear") {
		t.Errorf("finished %v, fake-clear handled %v", s.State.Finished, s.State.Handled("fake-clear"))
	}
}

// d does not complete a decision, choose does not complete an action, and
// an option the step lacks is refused with the options listed.
func TestDecisionRefusals(t *testing.T) {
	o, _ := decisionOptions(t, "leak")
	s := mustStart(t, o)
	defer s.Close()
	f := &Flow{S: s, View: &quietView{}}
	if err := f.do("choose 1"); err == nil || err.Error() != `step "standby" is not a decision: d completes it` {
		t.Errorf("choose at an action: %v", err)
	}
	f.do("a")
	f.do("x all")
	if err := f.do("d"); err != nil {
		t.Fatal(err)
	}
	if err := f.do("d"); err == nil || err.Error() != "this step is a decision: choose N or choose ID (1 credible, 2 fake, 3 wider)" {
		t.Errorf("d at a decision: %v", err)
	}
	if err := f.do("choose 4"); err == nil || err.Error() != `choose an option from 1 to 3, by number or ID (1 credible, 2 fake, 3 wider); got "4"` {
		t.Errorf("choose 4: %v", err)
	}
	if err := f.do("choose fake Nadie"); err == nil || !strings.Contains(err.Error(), `"Nadie"`) {
		t.Errorf("choose by nobody: %v", err)
	}
	if len(payloads(t, s.Dir, journal.TypeDecisionMade)) != 0 {
		t.Error("a refused choice was journaled")
	}
	// b from the step after a decision goes back to the decision, shown
	// read-only; a passed-over step is never gone back to.
	if err := f.do("choose fake"); err != nil {
		t.Fatal(err)
	}
	if st := s.Current(); st == nil || st.ID != "fake-clear" {
		t.Fatalf("on %v after choosing fake", st)
	}
	if err := s.Back(); err != nil {
		t.Fatal(err)
	}
	if st := s.Current(); st == nil || st.ID != "verify" {
		t.Errorf("back went to %v, want verify", st)
	}
	if err := s.Forward(); err != nil {
		t.Fatal(err)
	}
	if st := s.Current(); st == nil || st.ID != "fake-clear" {
		t.Errorf("forward went to %v, want fake-clear", st)
	}
}

// Escalating goes on in the other playbook: its steps from the first, on
// the original clock, the holding text already sent not offered again, and
// the lock moved to it; a resume finds the run where it is.
func TestDecisionEscalation(t *testing.T) {
	o, clock := decisionOptions(t, "leak")
	s := mustStart(t, o)
	l := lines{"a", "x all", "d", "choose wider"}
	view := &quietView{}
	f := &Flow{S: s, In: &l, View: view}
	if err := f.Run(); err == nil || !strings.Contains(err.Error(), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if len(view.warnings) != 1 || !strings.HasPrefix(view.warnings[0], "escalated to outage (Caída de Meta): ") {
		t.Errorf("warnings: %q", view.warnings)
	}
	got := payloads(t, s.Dir, journal.TypeDecisionMade)
	out := o.Manual.Playbook("outage")
	want := `{"step":"verify","option":"wider","title":"También caen Instagram y WhatsApp","by":"bo","next":"end","off":["confirm","clear","fake-clear"],"escalate":"outage","digest":"` + ManualDigest(o.Manual, out) + `"}`
	if len(got) != 1 || got[0] != want {
		t.Errorf("decision.made = %s\nwant %s", got, want)
	}
	if s.Playbook.ID != "outage" || s.State.Playbook != "outage" || s.Current().ID != "hold" {
		t.Fatalf("after escalating: playbook %s (state %s), step %v", s.Playbook.ID, s.State.Playbook, s.Current())
	}
	// The deadline of outage's holding step counts from the start of the incident.
	if due := s.Deadline(s.Current()); !due.Equal(s.State.StartedAt.Add(15 * time.Minute)) {
		t.Errorf("hold due %v, want 15m after the start %v", due, s.State.StartedAt)
	}
	b, err := s.RenderStep()
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Items) != 0 {
		t.Errorf("the holding text sent in leak is offered again: %+v", b.Items)
	}
	if !s.State.SentBeforeEscalation("holding", "sms", "es") {
		t.Error("the holding text is not remembered as sent")
	}
	// The run now holds outage's lock, not leak's.
	if _, err := Start(Options{RunsDir: o.RunsDir, Manual: o.Manual, Playbook: out, Catalog: o.Catalog, Locales: o.Locales, Now: clock.now}); err == nil {
		t.Error("a second run of outage started beside the escalated run")
	}
	again, err := Start(Options{RunsDir: o.RunsDir, Manual: o.Manual, Playbook: o.Manual.Playbook("leak"), Catalog: o.Catalog, Locales: o.Locales, Now: clock.now})
	if err != nil {
		t.Errorf("leak still locked by the escalated run: %v", err)
	} else {
		again.Close()
	}
	s.Close()

	// Resume: the journal alone says the run is in outage, at hold.
	run := readRun(t, s.Dir)
	if run.State.Playbook != "outage" || len(run.State.PlaybookEscalations) != 1 || run.State.PlaybookEscalations[0].From != "leak" {
		t.Fatalf("replayed: playbook %s, escalations %+v", run.State.Playbook, run.State.PlaybookEscalations)
	}
	r, err := Resume(run, Options{Manual: o.Manual, Catalog: o.Catalog, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Playbook.ID != "outage" || r.Current() == nil || r.Current().ID != "hold" {
		t.Fatalf("resumed in %s at %v", r.Playbook.ID, r.Current())
	}
	l = lines{"d", "d", "a", "x all", "d"}
	f = &Flow{S: r, In: &l, View: &quietView{}}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	done := payloads(t, r.Dir, journal.TypeStepDone)
	if want := []string{`{"step":"standby"}`, `{"step":"hold"}`, `{"step":"restore"}`, `{"step":"clear","all_clear":true}`}; !slices.Equal(done, want) {
		t.Errorf("step.done = %s\nwant %s", done, want)
	}
	if !r.State.Finished || r.State.AllClear.IsZero() {
		t.Error("the escalated run did not finish with outage's all-clear")
	}
}

// A decision reopened is decided again: the steps the first choice left
// off the path are back on it until the new choice says otherwise.
func TestDecisionReopened(t *testing.T) {
	o, _ := decisionOptions(t, "leak")
	s := runLines(t, o, "a", "x all", "d", "choose fake", "b", "o the sample matched after all", "choose credible")
	if st := s.Current(); st == nil || st.ID != "confirm" {
		t.Fatalf("on %v, want confirm", st)
	}
	if s.State.OffPath["confirm"] || s.State.OffPath["clear"] || !s.State.OffPath["fake-clear"] {
		t.Errorf("off path = %v", s.State.OffPath)
	}
	run := readRun(t, s.Dir)
	run.State.Bind(s.Steps())
	if run.State.Cursor != 2 || run.State.OffPath["clear"] || run.State.Decided("verify").Option != "credible" {
		t.Errorf("replayed: cursor %d, off %v, decided %+v", run.State.Cursor, run.State.OffPath, run.State.Decided("verify"))
	}
}

// A step after the path's end that a decision left off is passed over
// when the end is skipped too: skipping the credible path's all-clear does
// not lead into the fake path's.
func TestDecisionSkipPastOffPath(t *testing.T) {
	o, _ := decisionOptions(t, "leak")
	s := runLines(t, o, "a", "x all", "d", "choose credible", "d", "s announced by the regulator already")
	if st := s.Current(); st != nil {
		t.Errorf("on %s after the credible path's last step, want the end", st.ID)
	}
	if s.State.Handled("fake-clear") {
		t.Error("fake-clear was handled")
	}
}
