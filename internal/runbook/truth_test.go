package runbook

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// startPlaybook begins a run of a playbook of the example manual in
// Spanish and English, its variables given.
func startPlaybook(t *testing.T, playbook string, vars map[string]string) (*Session, *fakeClock) {
	t.Helper()
	clock := &fakeClock{t: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)}
	o := options(t, t.TempDir(), clock)
	o.Playbook = o.Manual.Playbook(playbook)
	s, err := Start(o)
	if err != nil {
		t.Fatal(err)
	}
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
	d.must("d", "a")
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
	d.must("d", "a", "x")
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
