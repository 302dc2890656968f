package plan_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/plan"
)

func example(t *testing.T) *manual.Manual {
	t.Helper()
	m, diags, err := manual.Load(manual.Builtin(), manual.BuiltinRoot)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load the example manual: %v %v", err, diags)
	}
	return m
}

func build(t *testing.T, m *manual.Manual, id string) plan.Plan {
	t.Helper()
	p := m.Playbook(id)
	if p == nil {
		t.Fatalf("no playbook %s", id)
	}
	return plan.Build(m, p)
}

func TestLeads(t *testing.T) {
	pl := build(t, example(t), "meta-outage")
	type lead struct {
		role, person string
		deputies     []string
	}
	want := []lead{
		{"spokesperson", "lucia-moreno", []string{"javier-ortega"}},
		{"approver", "carmen-vidal", []string{"tomas-ferrer"}},
	}
	var got []lead
	for _, l := range pl.Leads {
		var deps []string
		for _, d := range l.Deputies {
			deps = append(deps, d.ID)
			if d.Name == "" || d.Name == d.ID || len(d.Contacts) == 0 {
				t.Errorf("deputy %s has no name or contacts: %+v", d.ID, d)
			}
		}
		got = append(got, lead{l.Role, l.Person.ID, deps})
		if l.Title == "" || l.Person.Name == "" {
			t.Errorf("lead %s has no title or name: %+v", l.Role, l)
		}
	}
	if !slices.EqualFunc(got, want, func(a, b lead) bool {
		return a.role == b.role && a.person == b.person && slices.Equal(a.deputies, b.deputies)
	}) {
		t.Errorf("leads %+v, want %+v", got, want)
	}
}

// contactsUp returns person -> via -> up for every lead and deputy.
func contactsUp(pl plan.Plan) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	add := func(p plan.Person) {
		out[p.ID] = map[string]bool{}
		for _, c := range p.Contacts {
			out[p.ID][c.Via] = c.Up
		}
	}
	for _, l := range pl.Leads {
		add(l.Person)
		for _, d := range l.Deputies {
			add(d)
		}
	}
	return out
}

func TestContacts(t *testing.T) {
	m := example(t)
	tests := []struct {
		playbook string
		person   string
		want     map[string]bool // via -> up
	}{
		// Meta is down: Tomás Ferrer's WhatsApp is down with it.
		{"meta-outage", "tomas-ferrer", map[string]bool{"phone": true, "whatsapp": false, "email": true}},
		{"meta-outage", "carmen-vidal", map[string]bool{"phone": true, "signal": true, "email": true}},
		{"meta-outage", "lucia-moreno", map[string]bool{"phone": true, "telegram": true, "email": true}},
		{"meta-outage", "javier-ortega", map[string]bool{"phone": true, "sms": true, "slack": true}},
		// Only the Facebook page is down: WhatsApp still works.
		{"facebook-down", "tomas-ferrer", map[string]bool{"phone": true, "whatsapp": true, "email": true}},
		// Google is down: e-mail contacts are too.
		{"email-down", "carmen-vidal", map[string]bool{"phone": true, "signal": true, "email": false}},
		{"email-down", "tomas-ferrer", map[string]bool{"phone": true, "whatsapp": true, "email": false}},
	}
	for _, tt := range tests {
		t.Run(tt.playbook+"/"+tt.person, func(t *testing.T) {
			got, ok := contactsUp(build(t, m, tt.playbook))[tt.person]
			if !ok {
				t.Fatalf("%s is not among the leads and deputies", tt.person)
			}
			if len(got) != len(tt.want) {
				t.Errorf("contacts %v, want %v", got, tt.want)
			}
			for via, up := range tt.want {
				if got[via] != up {
					t.Errorf("%s by %s: up %t, want %t", tt.person, via, got[via], up)
				}
			}
		})
	}
}

func TestDownAndFallbacksOfTheExample(t *testing.T) {
	m := example(t)
	pl := build(t, m, "meta-outage")
	var down []string
	for _, d := range pl.Down {
		down = append(down, d.Channel)
		if d.Domain != "meta" || d.Name == "" {
			t.Errorf("down %+v, want a named channel of domain meta", d)
		}
	}
	if want := []string{"facebook-page", "instagram", "whatsapp-business"}; !slices.Equal(down, want) {
		t.Errorf("down %v, want %v", down, want)
	}
	if len(pl.Fallbacks) != 4 || pl.Fallbacks[0].Audience != "customers" || pl.Fallbacks[0].Channels[0].ID != "status-page" {
		t.Errorf("fallbacks %+v, want four audiences, customers first with status-page first", pl.Fallbacks)
	}
	for _, f := range pl.Fallbacks {
		for _, c := range f.Channels {
			if !c.Up {
				t.Errorf("%s: fallback %s is flagged down; the example's fallbacks all work", f.Audience, c.ID)
			}
		}
	}
}

func TestSteps(t *testing.T) {
	pl := build(t, example(t), "meta-outage")
	type step struct{ id, owner, ownerName, deadline string }
	want := []step{
		{"confirm", "customer-care", "Marta Silva (atención al cliente)", "5m"},
		{"holding", "spokesperson", "Lucía Moreno (directora de comunicación)", "15m"},
		{"phone-and-sms", "customer-care", "Marta Silva (atención al cliente)", "30m"},
		{"press", "spokesperson", "Lucía Moreno (directora de comunicación)", "45m"},
		{"all-clear", "spokesperson", "Lucía Moreno (directora de comunicación)", "8h"},
	}
	var got []step
	for _, s := range pl.Steps {
		got = append(got, step{s.ID, s.Owner, s.OwnerName, s.DeadlineS})
	}
	if !slices.Equal(got, want) {
		t.Errorf("steps\n got %v\nwant %v", got, want)
	}
	if h := pl.Steps[1]; len(h.Announce) != 4 || h.Announce[2].Message != "staff-shifts" || !slices.Equal(h.Announce[2].Channels, []string{"slack-staff", "sms-staff"}) {
		t.Errorf("holding announcements %+v", h.Announce)
	}
	if len(pl.FollowUp) != 3 || pl.FollowUp[2].DeadlineS != "7d" {
		t.Errorf("follow-up %+v", pl.FollowUp)
	}
	if len(pl.Cadences) != 2 || pl.Updates != &pl.Cadences[0] { // customers, staff
		t.Fatalf("updates %+v, cadences %+v", pl.Updates, pl.Cadences)
	}
	if u := pl.Updates; u.Every != "20m" || len(u.Phases) != 2 || u.Message != "update" || len(u.Channels) != 5 {
		t.Errorf("updates %+v", pl.Updates)
	}
}

const smallManual = `crisis: 1
kind: manual
organisation: Test S.L.
version: "1"
timezone: UTC
locales: {default: en, supported: [en]}
approval: {approved_by: [ana], approved_on: 2026-01-10, review_every: 180d}
audiences: [{id: customers}, {id: staff}]
domains: [{id: meta}, {id: telecom}, {id: google}, {id: own}]
channels:
  - {id: fb, kind: facebook, audiences: [customers], domain: meta, owner: speaker}
  - {id: sms, kind: sms, audiences: [customers, staff], domain: telecom, owner: speaker}
  - {id: mail, kind: email, audiences: [customers, staff], domain: google, owner: speaker}
  - {id: status, kind: status-page, audiences: [customers], domain: own, owner: speaker}
roles:
  - {id: speaker, person: ana, deputies: [bo]}
people:
  - id: ana
    name: Ana
    contacts:
      - {via: phone, value: "1"}
      - {via: sms, value: "1"}
      - {via: email, value: ana@example.com}
  - id: bo
    name: Bo
    contacts:
      - {via: signal, value: "2"}
      - {via: email, value: bo@own.example, domain: own}
`

// A phone outage at the telecom: the SMS fallback is in the down domain.
const telecomDown = `crisis: 1
kind: playbook
title: Phones down
severity: high
detection: calls fail
down: {domains: [telecom]}
fallbacks:
  customers: [sms, status, mail]
  staff: [mail, sms]
spokesperson: speaker
approver: speaker
steps:
  - {id: hold, title: Hold, kind: holding, owner: speaker, deadline: 10m, announce: [{message: holding, audiences: [customers], channels: [status]}]}
updates: {every: 30m, message: holding, audiences: [customers], channels: [status]}
`

// Only the e-mail channel is named down, not its whole domain.
const mailDown = `crisis: 1
kind: playbook
title: Mail down
severity: high
detection: mail bounces
down: {channels: [mail]}
fallbacks:
  customers: [status, mail]
spokesperson: speaker
approver: speaker
steps:
  - {id: hold, title: Hold, kind: holding, owner: speaker, deadline: 10m, announce: [{message: holding, audiences: [customers], channels: [status]}]}
updates: {every: 30m, message: holding, audiences: [customers], channels: [status]}
`

func TestSmallManual(t *testing.T) {
	fsys := fstest.MapFS{
		manual.ManualFile:             {Data: []byte(smallManual)},
		"playbooks/telecom-down.yaml": {Data: []byte(telecomDown)},
		"playbooks/mail-down.yaml":    {Data: []byte(mailDown)},
		"templates/en.yaml":           {Data: []byte("holding:\n  default:\n    other: \"We know.\"\n")},
	}
	m, diags, err := manual.Load(fsys, "test")
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	tests := []struct {
		playbook  string
		down      []string
		fallbacks map[string]map[string]bool // audience -> channel -> up
		contacts  map[string]map[string]bool // person -> via -> up
	}{
		{"telecom-down", []string{"sms"},
			map[string]map[string]bool{"customers": {"sms": false, "status": true, "mail": true}, "staff": {"mail": true, "sms": false}},
			map[string]map[string]bool{"ana": {"phone": true, "sms": false, "email": true}, "bo": {"signal": true, "email": true}}},
		{"mail-down", []string{"mail"},
			map[string]map[string]bool{"customers": {"status": true, "mail": false}},
			// Bo's address is on the own domain, not the down mail channel's.
			map[string]map[string]bool{"ana": {"phone": true, "sms": true, "email": false}, "bo": {"signal": true, "email": true}}},
	}
	for _, tt := range tests {
		t.Run(tt.playbook, func(t *testing.T) {
			pl := build(t, m, tt.playbook)
			var down []string
			for _, d := range pl.Down {
				down = append(down, d.Channel)
			}
			if !slices.Equal(down, tt.down) {
				t.Errorf("down %v, want %v", down, tt.down)
			}
			if len(pl.Fallbacks) != len(tt.fallbacks) {
				t.Errorf("fallbacks %+v, want %d audiences", pl.Fallbacks, len(tt.fallbacks))
			}
			for _, f := range pl.Fallbacks {
				want := tt.fallbacks[f.Audience]
				if len(f.Channels) != len(want) {
					t.Errorf("%s: %+v, want %v", f.Audience, f.Channels, want)
				}
				for _, c := range f.Channels {
					if up, ok := want[c.ID]; !ok || c.Up != up {
						t.Errorf("%s: fallback %s up %t, want %t", f.Audience, c.ID, c.Up, up)
					}
				}
			}
			got := contactsUp(pl)
			for person, vias := range tt.contacts {
				for via, up := range vias {
					if g, ok := got[person][via]; !ok || g != up {
						t.Errorf("%s by %s: up %t (present %t), want %t", person, via, g, ok, up)
					}
				}
			}
		})
	}
}

// TestDanglingReferences: a plan of a manual with broken references still
// builds, naming what it cannot resolve by its id.
func TestDanglingReferences(t *testing.T) {
	m := example(t)
	p := *m.Playbook("facebook-down")
	p.Fallbacks = []manual.Fallback{{Audience: manual.Ref{ID: "customers"}, Channels: []manual.Ref{{ID: "pigeon"}}}}
	pl := plan.Build(m, &p)
	if c := pl.Fallbacks[0].Channels[0]; c.ID != "pigeon" || c.Name != "pigeon" {
		t.Errorf("unknown channel shown as %+v", c)
	}
}
