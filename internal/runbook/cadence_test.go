package runbook

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/message"
)

// A 1.1 manual with two cadences: customers on the status page every 20
// minutes for the first 2 hours, then hourly, and on change; staff by SMS
// hourly. Both holding texts promise the next update.
var cadenceManual = fstest.MapFS{
	"playbooks/manual.yaml": {Data: []byte(`crisis: 1.1
kind: manual
organisation: Acme
version: "1"
timezone: UTC
locales: {default: en, supported: [en]}
approval: {approved_by: [ana], approved_on: 2026-09-01, review_every: 3650d}
audiences: [{id: customers}, {id: staff}]
domains: [{id: meta}, {id: hosting}, {id: telecom}]
channels:
  - {id: fb, kind: facebook, audiences: [customers], domain: meta, owner: lead}
  - {id: status, kind: status-page, audiences: [customers], domain: hosting, owner: lead}
  - {id: sms-staff, kind: sms, audiences: [staff], domain: telecom, owner: lead}
roles:
  - {id: lead, title: Leads, person: ana, deputies: [bo]}
people:
  - {id: ana, name: Ana, contacts: [{via: phone, value: "1"}]}
  - {id: bo, name: Bo, contacts: [{via: phone, value: "2"}]}
`)},
	"playbooks/fb-down.yaml": {Data: []byte(`crisis: 1.1
kind: playbook
title: Facebook down
severity: high
detection: the page fails
down: {channels: [fb]}
fallbacks:
  customers: [status]
  staff: [sms-staff]
spokesperson: lead
approver: lead
steps:
  - id: holding
    title: Holding
    kind: holding
    owner: lead
    deadline: 10m
    announce:
      - {message: holding, audiences: [customers], channels: [status]}
      - {message: staff-brief, audiences: [staff], channels: [sms-staff]}
  - id: all-clear
    title: All clear
    kind: all-clear
    owner: lead
    deadline: 8h
    announce:
      - {message: all-clear, audiences: [customers], channels: [status]}
updates:
  - id: customers
    message: update
    audiences: [customers]
    channels: [status]
    phases:
      - {every: 20m, for: 2h}
      - {every: 60m}
    on_change: true
  - id: staff
    message: staff-update
    audiences: [staff]
    channels: [sms-staff]
    every: 60m
`)},
	"templates/en.yaml": {Data: []byte(`holding:
  default: "We know. Next update at {{.next_update}}."
staff-brief:
  sms: "Facebook is down. Next brief at {{.next_update}}."
update:
  default: "{{.update_note}} Next update at {{.next_update}}."
staff-update:
  sms: "{{.update_note}} Next brief at {{.next_update}}."
all-clear:
  default: "Back."
`)},
}

// startCadences starts a run of cadenceManual, its playbook changed by
// pairs of old and new text.
func startCadences(t *testing.T, runs string, edits ...string) (*Session, *fakeClock, Options) {
	t.Helper()
	fsys := fstest.MapFS{}
	for k, v := range cadenceManual {
		fsys[k] = v
	}
	pb := string(cadenceManual["playbooks/fb-down.yaml"].Data)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(pb, edits[i]) {
			t.Fatalf("the playbook has no %q", edits[i])
		}
		pb = strings.Replace(pb, edits[i], edits[i+1], 1)
	}
	fsys["playbooks/fb-down.yaml"] = &fstest.MapFile{Data: []byte(pb)}
	m, cat := exampletest.LoadFS(t, fsys, ".")
	clock := newClock()
	o := Options{RunsDir: runs, Manual: m, Playbook: m.Playbook("fb-down"), Catalog: cat, Locales: []string{"en"}, Now: clock.now}
	s := mustStart(t, o)
	t.Cleanup(func() { s.Close() })
	return s, clock, o
}

// text is the batch's text on a channel.
func text(t *testing.T, b Batch, channel string) string {
	t.Helper()
	for _, a := range b.Items {
		if a.Channel == channel {
			return a.Text
		}
	}
	t.Fatalf("no text on %s in %s", channel, b.Step)
	return ""
}

// Each text promises the time of the cadence that covers its channel and
// audience, in the phase in force: customers every 20m for the first 2h,
// then hourly; staff hourly throughout.
func TestNextUpdatePerCadence(t *testing.T) {
	s, clock, _ := startCadences(t, t.TempDir())
	d := drive(t, s)
	at := func(h, m int) string { return message.FormatClock(time.Date(2026, 11, 23, h, m, 0, 0, time.UTC), "en") }
	if got, want := text(t, d.f.batch, "status"), "We know. Next update at "+at(2, 20)+"."; got != want {
		t.Errorf("customers' holding text %q, want %q", got, want)
	}
	if got, want := text(t, d.f.batch, "sms-staff"), "Facebook is down. Next brief at "+at(3, 0)+"."; got != want {
		t.Errorf("staff's holding text %q, want %q", got, want)
	}
	d.must("x all", "d")
	clock.t = time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)
	d.must("u Cause found.")
	if got, want := text(t, d.f.batch, "status"), "Cause found. Next update at "+at(3, 20)+"."; got != want {
		t.Errorf("customers' update in the first phase %q, want %q", got, want)
	}
	if got, want := text(t, d.f.batch, "sms-staff"), "Cause found. Next brief at "+at(4, 0)+"."; got != want {
		t.Errorf("staff's update %q, want %q", got, want)
	}
	d.must("x all")
	clock.t = time.Date(2026, 11, 23, 4, 30, 0, 0, time.UTC)
	d.must("u Fix deployed.")
	if got, want := text(t, d.f.batch, "status"), "Fix deployed. Next update at "+at(5, 30)+"."; got != want {
		t.Errorf("customers' update after 2h %q, want %q", got, want)
	}
}

// An update that would tell a channel what the previous round did, with no
// new note and no change of state, is refused, asking for what is new; a
// note or a state change lets it go. Resuming keeps the refusal.
func TestUpdateNeverRepeats(t *testing.T) {
	s, clock, o := startCadences(t, t.TempDir())
	d := drive(t, s)
	d.must("x all", "d")
	clock.t = clock.t.Add(20 * time.Minute)
	d.must("u Cause found.", "x all")
	clock.t = clock.t.Add(20 * time.Minute)
	d.must("u")
	err := d.do("x all")
	if err == nil || !strings.Contains(err.Error(), "update 2 would tell status (en) nothing update 1 did not: type what is new first (u TEXT)") {
		t.Fatalf("the same update again: %v", err)
	}
	if s.State.IsSent("updates#2", "update", "status", "en") {
		t.Fatal("the repeated update was marked sent")
	}
	// After a resume the state is replayed: still refused.
	r := reopen(t, s, o)
	d = drive(t, r)
	d.must("u")
	if err := d.do("x all"); err == nil {
		t.Fatal("after a resume, the same update again was not refused")
	}
	d.must("state identified", "x all")
	if !r.State.IsSent("updates#2", "update", "status", "en") {
		t.Fatal("an update with the state changed was not marked sent")
	}
	clock.t = clock.t.Add(20 * time.Minute)
	d.must("u")
	if err := d.do("x status"); err == nil {
		t.Fatal("update 3, the same as 2, was not refused")
	}
	d.must("u Fix deployed.", "x status")
}

// on_change: a change of state makes an update due at once, rung once;
// the round sent, the cadence's promise is due again.
func TestOnChangeMakesUpdateDue(t *testing.T) {
	s, clock, _ := startCadences(t, t.TempDir())
	d := drive(t, s)
	d.must("x all", "d")
	promise, ok := s.NextUpdateDue()
	if !ok {
		t.Fatal("no update due after the holding texts")
	}
	clock.t = clock.t.Add(5 * time.Minute)
	d.must("state identified")
	changed := s.State.States[len(s.State.States)-1].At
	if due, _ := s.NextUpdateDue(); !due.Equal(changed) {
		t.Fatalf("after a change of state, due %v, want the change's %v", due, changed)
	}
	d.must("u", "x all") // the customers' update alone: the staff's is not due
	if due, _ := s.NextUpdateDue(); !due.After(promise) {
		t.Errorf("after the round, due %v, want a new promise after %v", due, promise)
	}
	replayed, err := Replay(s.steps, mustRead(t, s.Dir))
	if err != nil {
		t.Fatal(err)
	}
	if !replayed.cad.changedAt.Equal(s.State.cad.changedAt) || !replayed.cad.roundSentAt.Equal(s.State.cad.roundSentAt) || len(replayed.cad.lastOn) != 1 {
		t.Errorf("replayed %+v, live %+v", replayed.cad, s.State.cad)
	}
}

// A cadence faster than the first falls due on its own: staff every 10
// minutes while customers hear every 20. The customers' texts still promise
// their own time.
func TestEachCadenceFallsDueOnItsOwn(t *testing.T) {
	s, clock, _ := startCadences(t, t.TempDir(), "    channels: [sms-staff]\n    every: 60m", "    channels: [sms-staff]\n    every: 10m")
	d := drive(t, s)
	d.must("x all")
	sent := clock.t
	due, ok := s.NextUpdateDue()
	if !ok || due.Before(sent.Add(9*time.Minute)) || due.After(sent.Add(10*time.Minute)) {
		t.Errorf("next update due %v, want the staff's, 10m after %v", due, sent)
	}
	if err := d.f.showStep(); err != nil {
		t.Fatal(err)
	}
	at := message.FormatClock(time.Date(2026, 11, 23, 2, 20, 0, 0, time.UTC), "en")
	if got, want := text(t, d.f.batch, "status"), "We know. Next update at "+at+"."; got != want {
		t.Errorf("the customers' text shown again says %q, want %q", got, want)
	}
}
