// Package plan derives the at-a-glance view of a playbook: who is in charge
// and how to reach them on channels that are up, what is down, which channels
// replace it per audience, and the steps with owners and deadlines. `show`
// prints it and `run` opens with it, so both say the same thing.
package plan

import (
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// Plan is one playbook resolved against its manual.
type Plan struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Severity  string     `json:"severity"`
	Detection string     `json:"detection"`
	Down      []Down     `json:"down"`
	Leads     []Lead     `json:"leads"`
	Fallbacks []Fallback `json:"fallbacks"`
	Steps     []Step     `json:"steps"`
	// Updates is the first cadence, as a 1.0 playbook's single one always
	// read in JSON; Cadences are all of them, the first included.
	Updates  *Updates  `json:"updates,omitempty"`
	Cadences []Updates `json:"cadences,omitempty"`
	FollowUp []Step    `json:"follow_up,omitempty"`
}

// Down is a channel that cannot be used, and why.
type Down struct {
	Channel string `json:"channel"`
	Name    string `json:"name"`
	Domain  string `json:"domain"`
}

// Lead is a role in charge (spokesperson, approver) and who holds it.
type Lead struct {
	Role     string   `json:"role"`
	Title    string   `json:"title"`
	Person   Person   `json:"person"`
	Deputies []Person `json:"deputies"`
}

// Person with the contacts that work in this scenario.
type Person struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Contacts []Contact `json:"contacts"`
}

// Contact is one way to reach a person, flagged when it is down.
type Contact struct {
	Via   string `json:"via"`
	Value string `json:"value"`
	Up    bool   `json:"up"`
}

// Fallback lists the channels for one audience, best first.
type Fallback struct {
	Audience string    `json:"audience"`
	Channels []Channel `json:"channels"`
}

// Channel as shown in a plan.
type Channel struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	Up   bool   `json:"up"`
}

// Step as shown in a plan.
type Step struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Kind      string         `json:"kind"`
	Owner     string         `json:"owner"`
	OwnerName string         `json:"owner_name"`
	Deadline  time.Duration  `json:"-"`
	DeadlineS string         `json:"deadline"`
	Announce  []Announcement `json:"announce,omitempty"`
	Checklist []string       `json:"checklist,omitempty"`
	Options   []Option       `json:"options,omitempty"` // a decision's (decision.go)
}

// Announcement as shown in a plan.
type Announcement struct {
	Message   string   `json:"message"`
	Audiences []string `json:"audiences"`
	Channels  []string `json:"channels"`
}

// Updates is the cadence of updates.
type Updates struct {
	ID       string   `json:"id,omitempty"`
	Every    string   `json:"every"`
	Phases   []Phase  `json:"phases,omitempty"`
	OnChange bool     `json:"on_change,omitempty"`
	Message  string   `json:"message"`
	Channels []string `json:"channels"`
}

// Phase is one stretch of a cadence with phases; For is empty on the last.
type Phase struct {
	Every string `json:"every"`
	For   string `json:"for,omitempty"`
}

// Build resolves p against m.
func Build(m *manual.Manual, p *manual.Playbook) Plan {
	pl := Plan{ID: p.ID, Title: p.Title, Severity: p.Severity, Detection: p.Detection}
	for _, c := range m.DownChannels(p) {
		pl.Down = append(pl.Down, Down{Channel: c.ID, Name: c.Name, Domain: c.Domain.ID})
	}
	for _, r := range []manual.Ref{p.Speaker, p.Approver} {
		if role := m.Role(r.ID); role != nil {
			pl.Leads = append(pl.Leads, lead(m, p, role))
		}
	}
	for _, f := range p.Fallbacks {
		fb := Fallback{Audience: f.Audience.ID}
		for _, r := range f.Channels {
			fb.Channels = append(fb.Channels, channel(m, p, r.ID))
		}
		pl.Fallbacks = append(pl.Fallbacks, fb)
	}
	for _, s := range p.Steps {
		pl.Steps = append(pl.Steps, step(m, s))
	}
	addOptions(&pl, p)
	for _, s := range p.FollowUp {
		pl.FollowUp = append(pl.FollowUp, step(m, s))
	}
	for _, u := range p.Updates {
		v := Updates{ID: u.ID, Every: manual.FormatDuration(u.Interval(0)), OnChange: u.OnChange, Message: u.Message.ID, Channels: ids(u.Channels)}
		for _, ph := range u.Phases {
			f := ""
			if ph.For > 0 {
				f = manual.FormatDuration(ph.For)
			}
			v.Phases = append(v.Phases, Phase{Every: manual.FormatDuration(ph.Every), For: f})
		}
		pl.Cadences = append(pl.Cadences, v)
	}
	if len(pl.Cadences) > 0 {
		pl.Updates = &pl.Cadences[0]
	}
	return pl
}

func lead(m *manual.Manual, p *manual.Playbook, r *manual.Role) Lead {
	l := Lead{Role: r.ID, Title: r.Title, Person: person(m, p, r.Person.ID)}
	for _, d := range r.Deputies {
		l.Deputies = append(l.Deputies, person(m, p, d.ID))
	}
	return l
}

func person(m *manual.Manual, p *manual.Playbook, id string) Person {
	pe := m.Person(id)
	if pe == nil {
		return Person{ID: id, Name: id}
	}
	out := Person{ID: pe.ID, Name: pe.Label()}
	for _, c := range pe.Contacts {
		out.Contacts = append(out.Contacts, Contact{Via: c.Via, Value: c.Value, Up: m.ContactUp(p, c)})
	}
	return out
}

func channel(m *manual.Manual, p *manual.Playbook, id string) Channel {
	c := m.Channel(id)
	if c == nil {
		return Channel{ID: id, Name: id}
	}
	return Channel{ID: c.ID, Name: c.Name, Kind: c.Kind, Up: !m.IsDown(p, c.ID)}
}

func step(m *manual.Manual, s manual.Step) Step {
	st := Step{ID: s.ID, Title: s.Title, Kind: s.Kind, Owner: s.Owner.ID, Deadline: s.Deadline,
		DeadlineS: manual.FormatDuration(s.Deadline), Checklist: s.Checklist}
	if r := m.Role(s.Owner.ID); r != nil {
		if pe := m.Person(r.Person.ID); pe != nil {
			st.OwnerName = pe.Label()
		}
	}
	for _, a := range s.Announce {
		st.Announce = append(st.Announce, Announcement{Message: a.Message.ID, Audiences: ids(a.Audiences), Channels: ids(a.Channels)})
	}
	return st
}

func ids(refs []manual.Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ID
	}
	return out
}
