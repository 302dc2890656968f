package runbook

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// startPlaybook begins a run of a playbook of the example manual in
// Spanish and English, its variables given.
func startPlaybook(t *testing.T, playbook string, vars map[string]string) (*Session, *fakeClock) {
	t.Helper()
	clock := newClock()
	o := options(t, t.TempDir(), clock)
	o.Playbook = o.Manual.Playbook(playbook).In("en") // as an English-speaking operator runs it
	s := mustStart(t, o)
	t.Cleanup(func() { s.Close() })
	if err := s.SetVars(vars); err != nil {
		t.Fatal(err)
	}
	return s, clock
}

// driver shows a session's current step and carries out commands one at a
// time, as the flow does between prompts.
type driver struct {
	t    *testing.T
	f    *Flow
	view *quietView
}

func drive(t *testing.T, s *Session) *driver {
	t.Helper()
	d := &driver{t: t, view: &quietView{}}
	d.f = &Flow{S: s, In: &lines{}, View: d.view}
	if err := d.f.showStep(); err != nil {
		t.Fatal(err)
	}
	return d
}

// do carries out a command and returns its error (a refusal or a question);
// when the step changes, the new one is shown as the flow would.
func (d *driver) do(cmd string) error {
	d.t.Helper()
	cur := d.f.S.State.Cursor
	err := d.f.do(cmd)
	var fe *fatalError
	if errors.As(err, &fe) {
		d.t.Fatalf("%s: %v", cmd, err)
	}
	if d.f.S.State.Cursor != cur && d.f.S.Current() != nil {
		if err := d.f.showStep(); err != nil {
			d.t.Fatal(err)
		}
	}
	return err
}

// must carries out commands that must succeed.
func (d *driver) must(cmds ...string) {
	d.t.Helper()
	for _, c := range cmds {
		if err := d.do(c); err != nil {
			d.t.Fatalf("%s: %v", c, err)
		}
	}
}

func sentKeys(s *Session) []string {
	var out []string
	for k := range s.State.Sent {
		out = append(out, k.Message+"/"+k.Channel+"/"+k.Locale)
	}
	return out
}

// TestSentOnSharedChannel: meta-outage's holding step puts a customer text
// and a supplier text on the status page. x status-page must ask which,
// marking neither; the audience, the message or the number then marks one.
func TestSentOnSharedChannel(t *testing.T) {
	s, _ := startPlaybook(t, "meta-outage", nil)
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "a")
	err := d.do("x status-page")
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("x status-page: want a question, got %v (marked %v)", err, sentKeys(s))
	}
	if got := sentKeys(s); len(got) != 0 {
		t.Fatalf("x status-page marked %v; it fits two texts and must mark none", got)
	}
	if msg := err.Error(); !strings.Contains(msg, "meta-holding") || !strings.Contains(msg, "supplier-whatsapp") {
		t.Errorf("the question does not list both candidates: %s", msg)
	}
	if left := strings.Join(s.Unsent(d.f.batch), ", "); !strings.Contains(left, "status-page customers (es)") || !strings.Contains(left, "status-page suppliers (es)") {
		t.Errorf("still to send does not tell the two status page texts apart: %s", left)
	}
	d.must("x status-page suppliers")
	if got := sentKeys(s); len(got) != 1 || got[0] != "supplier-whatsapp/status-page/es" {
		t.Fatalf("x status-page suppliers marked %v", got)
	}
	d.must("x status-page meta-holding en")
	if !s.State.IsSent("holding", "meta-holding", "status-page", "en") || len(s.State.Sent) != 2 {
		t.Fatalf("x status-page meta-holding en marked %v", sentKeys(s))
	}
	// By number: the first announcement of the step.
	first := d.f.batch.Items[0]
	d.must("x 1")
	if !s.State.IsSent("holding", first.Message, first.Channel, first.Locale) || len(s.State.Sent) != 3 {
		t.Fatalf("x 1 marked %v", sentKeys(s))
	}
	if err := d.do("x 999"); err == nil || len(s.State.Sent) != 3 {
		t.Errorf("x 999: %v, marked %v", err, sentKeys(s))
	}
}

// TestOnlySpokenLocalesMustBeSent: the X account speaks Spanish only, so
// once every Spanish text of the holding step and the English texts of
// the channels that speak English are sent, one d completes it.
func TestOnlySpokenLocalesMustBeSent(t *testing.T) {
	s, _ := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "choose 1", "a", "x")
	for _, ch := range []string{"status-page", "website-banner", "email-customers"} {
		d.must("x " + ch + " en")
	}
	if err := d.do("d"); err != nil {
		t.Fatalf("d with every must-send text sent: %v", err)
	}
	if cur := s.Current(); cur == nil || cur.ID == "holding" {
		t.Fatal("one d did not complete the holding step")
	}
	if s.State.IsSent("holding", "holding", "x", "en") {
		t.Error("the English X text was marked sent")
	}
}

// TestBackThenSkip: b shows the finished confirm step read-only; s there
// must not record it as skipped (it was done), nor may x, a or c change
// it; d goes on, unchanged. Changing it takes an explicit, journaled
// reopen.
func TestBackThenSkip(t *testing.T) {
	s, _ := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "b")
	if cur := s.Current(); cur == nil || cur.ID != "confirm" {
		t.Fatalf("b did not go back to confirm: %v", cur)
	}
	for _, cmd := range []string{"s no longer needed", "c 1", "x", "a"} {
		var ro *ReadOnlyError
		if err := d.do(cmd); !errors.As(err, &ro) {
			t.Errorf("%s on the finished step: want it refused as read-only, got %v", cmd, err)
		}
	}
	if st := s.State.Steps["confirm"]; st == nil || !st.Done || st.Skipped {
		t.Fatalf("the done confirm step is now %+v", st)
	}
	d.must("d")
	if cur := s.Current(); cur == nil || cur.ID != "scope" {
		t.Fatalf("d on the finished step did not go on to scope: %v", cur)
	}
	for _, e := range mustRead(t, s.Dir) {
		if e.Type == journal.TypeStepSkipped || (e.Type == journal.TypeStepDone && strings.Contains(string(e.Data), "holding")) {
			t.Errorf("journaled %s %s", e.Type, e.Data)
		}
	}
	if n := countType(t, s, journal.TypeStepDone); n != 1 {
		t.Errorf("%d step.done events, want the one of confirm", n)
	}
	// Reopen, then skip: now it is recorded, with the reopening before it.
	d.must("b")
	if err := d.do("o"); err == nil {
		t.Error("a reopen without a reason was accepted")
	}
	d.must("o the outage was a false alarm after all", "s false alarm")
	if st := s.State.Steps["confirm"]; st == nil || !st.Skipped || len(s.State.StepsReopened) != 1 {
		t.Fatalf("after reopen and skip: %+v, reopened %v", st, s.State.StepsReopened)
	}
	replayed, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if st := replayed.Steps["confirm"]; st == nil || !st.Skipped || replayed.Cursor != s.State.Cursor || len(replayed.StepsReopened) != 1 {
		t.Errorf("replay differs: %+v cursor %d (live %d)", st, replayed.Cursor, s.State.Cursor)
	}
}

func countType(t *testing.T, s *Session, typ string) int {
	n := 0
	for _, e := range mustRead(t, s.Dir) {
		if e.Type == typ {
			n++
		}
	}
	return n
}

// TestDoneWithUntickedChecklist: d on a step with checklist items unticked
// asks once, naming them; the second d completes it and the journal says
// which were left, for the report.
func TestDoneWithUntickedChecklist(t *testing.T) {
	s, _ := startPlaybook(t, "meta-outage", nil)
	d := drive(t, s)
	d.must("c 1 2")
	err := d.do("d")
	if err == nil || !strings.Contains(err.Error(), "Spokesperson and approver reached by phone") {
		t.Fatalf("first d: want a question naming the unticked items, got %v", err)
	}
	if s.State.Handled("confirm") {
		t.Fatal("the first d completed the step")
	}
	d.must("d")
	st := s.State.Steps["confirm"]
	if st == nil || !st.Done || !slices.Equal(st.Unticked, []int{3, 4}) {
		t.Fatalf("confirm is %+v, want done with items 3 and 4 unticked", st)
	}
}

// TestDuplicateApproval: a second approval of the same messages is not
// journaled, whoever gives it; the first holds.
func TestDuplicateApproval(t *testing.T) {
	s, _ := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "choose 1", "a")
	n := countType(t, s, journal.TypeMessageApproved)
	d.must("a", "a tomas-ferrer")
	if got := countType(t, s, journal.TypeMessageApproved); got != n {
		t.Errorf("%d approvals journaled after a and a tomas-ferrer, want %d", got, n)
	}
	if by := s.State.ApprovedBy("holding", "holding"); by != "carmen-vidal" {
		t.Errorf("approved by %q, want the first approval's carmen-vidal", by)
	}
	if w := strings.Join(d.view.warnings, "\n"); !strings.Contains(w, "already approved by Carmen Vidal") {
		t.Errorf("no message that the approval was ignored: %q", w)
	}
}

// TestApprovalAt: an approval given by phone before it was recorded
// carries its time, in the manual's zone (Madrid, UTC+1 in November);
// a time in the future or before the run started is refused.
func TestApprovalAt(t *testing.T) {
	s, clock := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	// The run started at 02:00:01 UTC, 03:00 in Madrid.
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "choose 1")
	clock.t = clock.t.Add(20 * time.Minute) // 03:20 Madrid
	for _, bad := range []string{"a carmen --at 03:25", "a carmen --at 02:59", "a carmen --at 3 pm", "a carmen --at 25:00"} {
		if err := d.do(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if countType(t, s, journal.TypeMessageApproved) != 0 {
		t.Fatal("a refused approval was journaled")
	}
	d.must("a carmen --at 03:12")
	want := time.Date(2026, 11, 23, 2, 12, 0, 0, time.UTC)
	k := MessageKey{"holding", "holding"}
	if got := s.State.ApprovedAt[k]; !got.Equal(want) {
		t.Errorf("approved at %v, want %v", got, want)
	}
	replayed, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if got := replayed.ApprovedAt[k]; !got.Equal(want) {
		t.Errorf("replayed approval at %v, want %v", got, want)
	}
}

// TestPromiseNotMovedByALaterSend: the holding texts promise the next
// update at one time; sending another text of the round a minute later
// (the customer SMS of the next step, in meta-outage) must not move the
// reminder. An update sent starts a new round with its own promise.
func TestPromiseNotMovedByALaterSend(t *testing.T) {
	s, clock := startPlaybook(t, "meta-outage", nil)
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "a", "x x")
	promised := d.f.batch.Promise
	due, ok := s.NextUpdateDue()
	if !ok || !due.Equal(promised) {
		t.Fatalf("after the first holding text, next update due %v (%v), want the promised %v", due, ok, promised)
	}
	clock.t = clock.t.Add(time.Minute)
	d.must("x status-page customers", "x all")
	if err := d.do("d"); err == nil {
		t.Fatal("d with the English texts unsent did not ask")
	}
	d.must("d")
	if cur := s.Current(); cur == nil || cur.ID != "phone-and-sms" {
		t.Fatalf("not on phone-and-sms: %v", cur)
	}
	clock.t = clock.t.Add(time.Minute)
	d.must("a", "x sms-customers")
	if due, _ := s.NextUpdateDue(); !due.Equal(promised) {
		t.Errorf("a later send moved the next update from %v to %v", promised, due)
	}
	// The SMS said the same time as the holding texts: the promise stands.
	if !d.f.batch.Promise.Equal(promised) {
		t.Errorf("the SMS was rendered promising %v, the holding texts %v", d.f.batch.Promise, promised)
	}
	clock.t = clock.t.Add(30 * time.Minute)
	d.must("u", "a", "x x")
	if due, _ := s.NextUpdateDue(); !due.Equal(clock.t.Add(s.Playbook.Cadence())) && !due.After(promised) {
		t.Errorf("an update sent did not set a new promise: due %v", due)
	}
	replayed, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if !replayed.Promise.Equal(s.State.Promise) {
		t.Errorf("replayed promise %v, live %v", replayed.Promise, s.State.Promise)
	}
}

// TestNoUpdateAfterAllClear: once the all-clear texts are sent, no update
// is due (nor offered), even before the step is completed.
func TestNoUpdateAfterAllClear(t *testing.T) {
	s, _ := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	d := drive(t, s)
	d.must("c 1 2 3 4", "d", "choose 1", "a", "x all all", "d", "s nothing in the inbox")
	if _, ok := s.NextUpdateDue(); !ok {
		t.Fatal("no update due after the holding message")
	}
	if cur := s.Current(); cur == nil || cur.Kind != manual.StepAllClear {
		t.Fatalf("not on the all-clear step: %v", cur)
	}
	d.must("a", "x all all")
	if due, ok := s.NextUpdateDue(); ok {
		t.Errorf("next update due at %v after the all-clear was sent", due)
	}
	if err := d.do("u"); err == nil || !strings.Contains(err.Error(), "no more updates") {
		t.Errorf("u after the all-clear: %v", err)
	}
}

// TestSetRerenders: a fact learned during the run is checked as every
// value is, journaled, and the step's texts not yet sent show it; a text
// already sent keeps what went out.
func TestSetRerenders(t *testing.T) {
	s, _ := startPlaybook(t, "payment-outage", map[string]string{"affected_stores": "12"})
	d := drive(t, s)
	d.must("c 1 2 3", "d", "a", "x all all", "d")
	if cur := s.Current(); cur == nil || cur.ID != "holding" {
		t.Fatalf("not on holding: %v", cur)
	}
	d.must("a", "x x")
	sentFile := filepath.Join(s.Dir, AnnouncementsDir, "holding.pay-holding.x.es.txt")
	before, err := os.ReadFile(sentFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"set affected_stores=many", "set affected_storse=3", "set next_update=10:00", "set affected_stores"} {
		if err := d.do(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	d.must("set affected_stores=15")
	if s.State.Vars["affected_stores"] != "15" {
		t.Fatalf("affected_stores = %q", s.State.Vars["affected_stores"])
	}
	uses := 0
	for _, a := range d.f.batch.Items {
		if strings.Contains(a.Text, "12") {
			t.Errorf("%s (%s) still says 12 after set: %s", a.Channel, a.Locale, a.Text)
		}
		if strings.Contains(a.Text, "15") {
			uses++
		}
	}
	if uses == 0 {
		t.Fatal("no text of the holding step shows the new value")
	}
	after, _ := os.ReadFile(sentFile)
	if string(after) != string(before) {
		t.Errorf("the file of a text already sent changed:\n%s\nwas\n%s", after, before)
	}
	replayed, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil || replayed.Vars["affected_stores"] != "15" {
		t.Errorf("replayed affected_stores %q (%v)", replayed.Vars["affected_stores"], err)
	}
}

// TestStateAndUpdateNote: the incident's state is set by a command and
// journaled; an update carries what is new, to templates that use it, and
// is measured before it is offered.
func TestStateAndUpdateNote(t *testing.T) {
	s, _ := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	// The example's update texts do not say the state: give them a
	// template that does, in Spanish.
	m := withUpdateNote(t)
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	s.Manual, s.Playbook, s.Catalog = m, m.Playbook("facebook-down").In("en"), cat
	d := drive(t, s)
	if err := d.do("state fixed"); err == nil {
		t.Error("an unknown state was accepted")
	}
	d.must("state identified")
	d.must("u Los pagos con tarjeta vuelven a funcionar.")
	var x render.Announcement
	for _, a := range d.f.batch.Items {
		if a.Channel == "x" && a.Locale == "es" {
			x = a
		}
	}
	if !strings.HasPrefix(x.Text, "Los pagos con tarjeta vuelven a funcionar. Estado: causa identificada.") {
		t.Errorf("the update does not say what is new and the state: %q", x.Text)
	}
	d.must("u " + strings.Repeat("Muy largo. ", 30))
	if w := strings.Join(d.view.warnings, "\n"); !strings.Contains(w, "too long for x (es)") {
		t.Errorf("a note too long for X was not said before sending: %q", w)
	}
	replayed, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if replayed.RunState() != "identified" || len(replayed.States) != 2 || !strings.HasPrefix(replayed.UpdateNotes["updates#1"]["es"], "Muy largo") {
		t.Errorf("replayed state %q %v, notes %v", replayed.RunState(), replayed.States, replayed.UpdateNotes)
	}
}

// withUpdateNote is the example manual with a Spanish update text on X
// that says the state too.
func withUpdateNote(t *testing.T) *manual.Manual {
	t.Helper()
	files := exampletest.Files(t)
	es := string(files["templates/es.yaml"].Data)
	old := `    other: "{{if .update_note}}{{.update_note}}{{else}}Seguimos trabajando para resolver la incidencia.{{end}} Sentimos las molestias y te seguimos`
	if !strings.Contains(es, old) {
		t.Fatal("the Spanish update text on X changed; adapt the test")
	}
	es = strings.Replace(es, old, `    other: "{{if .update_note}}{{.update_note}}{{else}}Seguimos trabajando para resolver la incidencia.{{end}} Estado: {{.state}}. Sentimos las molestias y te seguimos`, 1)
	files["templates/es.yaml"] = &fstest.MapFile{Data: []byte(es)}
	m, diags, err := manual.Load(files, ".")
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	return m
}

// TestUpdateNoteByLocale: a note is written in one language: u TEXT is for
// the on-screen locale, u en: TEXT for the English texts; the example's
// update texts start with what is new in their own language.
func TestUpdateNoteByLocale(t *testing.T) {
	s, _ := startPlaybook(t, "facebook-down", map[string]string{"platform": "Facebook"})
	d := drive(t, s)
	d.must("u Facebook vuelve a cargar en algunos móviles.", "u en: Facebook loads again on some phones.")
	want := map[string]string{"es": "Facebook vuelve a cargar en algunos móviles. Sentimos las molestias", "en": "Facebook loads again on some phones. We are sorry",
		"staff es": "Actualización interna: Facebook vuelve a cargar en algunos móviles.", "staff en": "Internal update: Facebook loads again on some phones."}
	n := 0
	for _, a := range d.f.batch.Items {
		key := a.Locale
		if a.Audience == "staff" { // staff have their own cadence and update text
			key = "staff " + a.Locale
		}
		if !strings.HasPrefix(a.Text, want[key]) {
			t.Errorf("%s (%s): %q does not start with %q", a.Channel, a.Locale, a.Text, want[key])
		}
		n++
	}
	if n == 0 {
		t.Fatal("no update rendered")
	}
}
