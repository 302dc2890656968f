package runbook

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
)

// startGates begins a run of testdata/gates (a 1.1 manual: a fact known
// later, a pre-approved holding step, a two-person gate with escalation
// and a legal gate step) on a fake clock.
func startGates(t *testing.T) (*Session, *fakeClock) {
	t.Helper()
	m, cat := exampletest.LoadDir(t, "gates")
	clock := newClock()
	s := mustStart(t, Options{RunsDir: t.TempDir(), Manual: m, Playbook: m.Playbook("fb-down"), Catalog: cat, Locales: []string{"en"}, Now: clock.now})
	t.Cleanup(func() { s.Close() })
	return s, clock
}

// pauseAfter runs the flow of s on the commands, the last of which pauses
// it, and returns the paused flow and its view.
func pauseAfter(t *testing.T, s *Session, cmds ...string) (*Flow, *quietView) {
	t.Helper()
	in := lines(cmds)
	view := &quietView{}
	f := &Flow{S: s, In: &in, View: view}
	if err := f.Run(); err != ErrPaused {
		t.Fatalf("run: %v", err)
	}
	return f, view
}

// sentEvents returns the payloads of the run's message.sent events.
func sentEvents(t *testing.T, s *Session) []Message {
	t.Helper()
	return journaled[Message](t, s.Dir, journal.TypeMessageSent)
}

// A fact known later is not asked at the start; on reaching its step the
// run asks for it (Enter leaves it), the text needing it is not offered and
// the step says what it waits for; set gives it, and the text is offered.
// The optional status_url without a value is left out, never its example.
func TestLaterFact(t *testing.T) {
	s, _ := startGates(t)
	need, err := NeededVars(s.Manual, s.Playbook)
	if err != nil || len(need) != 0 {
		t.Fatalf("asked at the start: %v %v", need, err)
	}
	f, view := pauseAfter(t, s, "d", "x all", "d", "", "p")
	if s.Current().ID != "customers" || len(f.batch.Items) != 0 {
		t.Fatalf("at %s with %d texts offered", s.Current().ID, len(f.batch.Items))
	}
	want := "stores waits for affected_stores and is not offered yet: set affected_stores=VALUE"
	if !slices.Contains(view.warnings, want) {
		t.Errorf("no %q in %q", want, view.warnings)
	}
	if sent := sentEvents(t, s); len(sent) != 2 || !sent[0].PreApproved || !sent[1].PreApproved || sent[0].Unapproved {
		t.Errorf("holding texts not journaled pre-approved: %+v", sent)
	}
	text, err := os.ReadFile(filepath.Join(s.Dir, AnnouncementsDir, "holding.holding.status-page.en.txt"))
	if err != nil || strings.Contains(string(text), "status.acme.example") || !strings.Contains(string(text), "next update at") {
		t.Errorf("holding text published the example, or is missing: %q %v", text, err)
	}

	f.In = &lines{"set affected_stores=4", "p"}
	if err := f.Run(); err != ErrPaused {
		t.Fatalf("run: %v", err)
	}
	if len(f.batch.Items) != 1 || !strings.HasPrefix(f.batch.Items[0].Text, "Card payments fail in 4 stores.") {
		t.Errorf("after set: %+v", f.batch.Items)
	}
}

// Reaching the step asks for the fact: a value typed there is journaled.
func TestLaterFactAsked(t *testing.T) {
	s, _ := startGates(t)
	f, view := pauseAfter(t, s, "d", "x all", "d", "-2", "7", "p")
	if s.State.Vars["affected_stores"] != "7" || len(f.batch.Items) != 1 {
		t.Errorf("value %q, %d texts", s.State.Vars["affected_stores"], len(f.batch.Items))
	}
	if len(view.warnings) != 1 || !strings.Contains(view.warnings[0], "a count cannot be negative") {
		t.Errorf("a wrong value is not asked again with the reason: %q", view.warnings)
	}
}

// toCustomers walks a gates run to its two-person step, its fact set.
func toCustomers(t *testing.T, s *Session) *Flow {
	t.Helper()
	in := lines{"d", "x all", "d", "set affected_stores=4", "p"}
	f := &Flow{S: s, In: &in, View: &quietView{}, Strict: true}
	if err := f.Run(); err != ErrPaused {
		t.Fatalf("run: %v", err)
	}
	return f
}

// A two-person gate over two roles: each role's holder or a deputy, two
// different people; someone holding neither role is refused; until then
// x journals the text as unapproved.
func TestTwoPersonGate(t *testing.T) {
	s, _ := startGates(t)
	f := toCustomers(t, s)
	if got := s.Needed("customers", "stores"); !slices.Equal(got, []string{"approver", "legal", "two-person"}) {
		t.Errorf("needed at first: %v", got)
	}
	if err := f.do("a cleo"); err != nil {
		t.Fatal(err)
	}
	if got := s.Needed("customers", "stores"); !slices.Equal(got, []string{"legal", "two-person"}) {
		t.Errorf("needed after the approver: %v", got)
	}
	if err := f.do("a ana"); err == nil || err.Error() != "Ana cannot approve stores: it needs the holder or a deputy of approver, legal" {
		t.Errorf("a person of neither role: %v", err)
	}
	if err := f.do("a cleo"); err != nil {
		t.Fatal(err)
	}
	if got := s.Needed("customers", "stores"); len(got) != 2 {
		t.Errorf("the same person twice counted: %v", got)
	}
	if err := f.checkApproved([]*sendItem{{a: f.batch.Items[0]}}); err == nil ||
		err.Error() != "stores is not sent: it still needs legal, two-person (a WHO to approve)" {
		t.Errorf("send of a text lacking approvals: %v", err)
	}
	if err := f.do("a ben"); err != nil { // deputy of both roles: counts as legal
		t.Fatal(err)
	}
	if got := s.Needed("customers", "stores"); len(got) != 0 {
		t.Errorf("needed after two people: %v", got)
	}
	if err := f.checkApproved([]*sendItem{{a: f.batch.Items[0]}}); err != nil {
		t.Errorf("send refused once approved: %v", err)
	}
	if a := s.State.Approvals[MessageKey{"customers", "stores"}]; len(a) != 2 || a[0].By != "cleo" || a[0].Role != "approver" || a[1].By != "ben" || a[1].Role != "legal" {
		t.Errorf("approvals: %+v", a)
	}
}

// The sender (the holder of the step's owner role) never counts as one of
// the two people.
func TestTwoPersonGateSender(t *testing.T) {
	s, _ := startGates(t)
	f := toCustomers(t, s)
	s.Playbook.Steps[2].Approval = &manual.Gate{Roles: []manual.Ref{{ID: "spokesperson"}}, TwoPerson: true}
	if err := f.do("a ana"); err == nil || err.Error() != "Ana sends stores: a two-person approval needs two other people" {
		t.Errorf("the sender approving: %v", err)
	}
}

// x of a text lacking its approvals is allowed, journaled unapproved.
func TestUnapprovedSentJournaled(t *testing.T) {
	s, _ := startGates(t)
	f := toCustomers(t, s)
	if err := f.do("a cleo"); err != nil {
		t.Fatal(err)
	}
	if err := f.do("x all"); err != nil {
		t.Fatal(err)
	}
	sent := sentEvents(t, s)
	if last := sent[len(sent)-1]; last.Message != "stores" || !last.Unapproved || last.PreApproved {
		t.Errorf("sent without its approvals: %+v", last)
	}
}

// Without an approval after escalate_after the run names the next deputy
// of each role missing, journals it, and names the one after next time.
func TestEscalation(t *testing.T) {
	s, clock := startGates(t)
	f := toCustomers(t, s)
	if got := s.Escalations(f.batch); len(got) != 0 {
		t.Errorf("escalated at once: %+v", got)
	}
	clock.t = clock.t.Add(10 * time.Minute)
	if err := f.escalate(); err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"approver", "ben"}, {"legal", "eva"}}
	var got [][2]string
	for _, x := range s.Escalations(f.batch) {
		got = append(got, [2]string{x.Role, x.Deputy})
	}
	if len(got) != 0 {
		t.Errorf("escalated twice in one interval: %v", got)
	}
	got = nil
	for _, x := range s.State.Escalated[MessageKey{"customers", "stores"}] {
		got = append(got, [2]string{x.Role, x.Deputy})
	}
	if !slices.Equal(got, want) {
		t.Errorf("escalated to %v, want %v", got, want)
	}
	clock.t = clock.t.Add(10 * time.Minute)
	next := s.Escalations(f.batch)
	if len(next) != 1 || next[0].Role != "legal" || next[0].Deputy != "ben" {
		t.Errorf("second escalation: %+v", next)
	}
}

// A gate step's deadline runs from when its from step was done.
func TestGateDeadlineFrom(t *testing.T) {
	s, _ := startGates(t)
	notify := &s.Playbook.Steps[3]
	if got := s.Deadline(notify); !got.Equal(s.State.StartedAt.Add(72 * time.Hour)) {
		t.Errorf("before confirm is done: %v", got)
	}
	pauseAfter(t, s, "d", "p")
	done := s.State.Steps["confirm"].At
	if done.Equal(s.State.StartedAt) {
		t.Fatal("the fake clock did not move")
	}
	if got := s.Deadline(notify); !got.Equal(done.Add(72 * time.Hour)) {
		t.Errorf("deadline %v, want 72h after %v", got, done)
	}
}

// d on a step whose texts still wait for a fact asks to be typed again.
func TestDoneWithTextsWaiting(t *testing.T) {
	s, _ := startGates(t)
	_, view := pauseAfter(t, s, "d", "x all", "d", "", "d", "p")
	want := "texts still waiting for a fact, never sent from this step: stores (affected_stores); type d again to complete the step anyway (the report will list it)"
	if s.Current().ID != "customers" || !slices.Contains(view.warnings, want) {
		t.Errorf("at %s; no %q in %q", s.Current().ID, want, view.warnings)
	}
}
