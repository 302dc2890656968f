package manual

import (
	"slices"
	"time"
)

// Channel returns the channel with the given id, or nil.
func (m *Manual) Channel(id string) *Channel {
	return first(m.Channels, func(v *Channel) bool { return v.ID == id })
}

// Role returns the role with the given id, or nil.
func (m *Manual) Role(id string) *Role {
	return first(m.Roles, func(v *Role) bool { return v.ID == id })
}

// Person returns the person with the given id, or nil.
func (m *Manual) Person(id string) *Person {
	return first(m.People, func(v *Person) bool { return v.ID == id })
}

// Playbook returns the playbook with the given id, or nil.
func (m *Manual) Playbook(id string) *Playbook {
	return firstOf(m.Playbooks, func(p *Playbook) bool { return p.ID == id })
}

// TemplatesFor returns the message file of a locale, or nil.
func (m *Manual) TemplatesFor(locale string) *TemplateFile {
	return firstOf(m.Templates, func(t *TemplateFile) bool { return t.Locale == locale })
}

// first returns the first element of list that match accepts, or nil: the
// manual's lookups by id, which give a pointer into the manual itself.
func first[T any](list []T, match func(*T) bool) *T {
	for i := range list {
		if match(&list[i]) {
			return &list[i]
		}
	}
	return nil
}

// firstOf is first for a list of pointers.
func firstOf[T any](list []*T, match func(*T) bool) *T {
	if i := slices.IndexFunc(list, match); i >= 0 {
		return list[i]
	}
	return nil
}

// IsDown reports whether a channel is unusable in p: named as down, or
// depending on a failure domain that is down.
func (m *Manual) IsDown(p *Playbook, channelID string) bool {
	for _, c := range p.Down.Channels {
		if c.ID == channelID {
			return true
		}
	}
	c := m.Channel(channelID)
	return c != nil && m.DomainDown(p, c.Domain.ID)
}

// DomainDown reports whether a whole failure domain is down in p.
func (m *Manual) DomainDown(p *Playbook, domain string) bool {
	return slices.ContainsFunc(p.Down.Domains, func(r Ref) bool { return r.ID == domain })
}

// DownChannels lists every channel unusable in p, in manual order.
func (m *Manual) DownChannels(p *Playbook) []*Channel {
	var out []*Channel
	for i := range m.Channels {
		if m.IsDown(p, m.Channels[i].ID) {
			out = append(out, &m.Channels[i])
		}
	}
	return out
}

// ContactDomain is the failure domain a contact depends on: its own, else
// that of the manual's first channel of the same kind ("" when unknown).
func (m *Manual) ContactDomain(c Contact) string {
	if c.Domain.ID != "" {
		return c.Domain.ID
	}
	for _, ch := range m.Channels {
		if ch.Kind == c.Via {
			return ch.Domain.ID
		}
	}
	return ""
}

// ContactUp reports whether a contact can be used in p: its channel kind is
// not named down and its failure domain is not down.
func (m *Manual) ContactUp(p *Playbook, c Contact) bool {
	for _, ref := range p.Down.Channels {
		if ch := m.Channel(ref.ID); ch != nil && ch.Kind == c.Via && ch.Domain.ID == m.ContactDomain(c) {
			return false
		}
	}
	d := m.ContactDomain(c)
	return d == "" || !m.DomainDown(p, d)
}

// Variable finds a variable declared by the playbook or the manual.
func (m *Manual) Variable(p *Playbook, name string) *Variable {
	if p != nil {
		for i := range p.Variables {
			if p.Variables[i].Name == name {
				return &p.Variables[i]
			}
		}
	}
	for i := range m.Variables {
		if m.Variables[i].Name == name {
			return &m.Variables[i]
		}
	}
	return nil
}

// StepIDs lists the ids of the playbook's steps, in order (not follow-up).
func (p *Playbook) StepIDs() []string {
	ids := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		ids[i] = s.ID
	}
	return ids
}

// DefaultCadence is how often updates go out when a playbook does not say.
const DefaultCadence = time.Hour

// Cadence is how often updates go out after the holding message: the
// first cadence's interval at its start.
func (p *Playbook) Cadence() time.Duration {
	if len(p.Updates) > 0 {
		if d := p.Updates[0].Interval(0); d > 0 {
			return d
		}
	}
	return DefaultCadence
}

// KindDown reports whether any channel of a kind is unusable in p: the
// WhatsApp Cloud API is Meta's whichever channel reaches it, so a WhatsApp
// target is not offered while any WhatsApp channel is down.
func (m *Manual) KindDown(p *Playbook, kind string) bool {
	for i := range m.Channels {
		if m.Channels[i].Kind == kind && m.IsDown(p, m.Channels[i].ID) {
			return true
		}
	}
	return false
}

// ChannelLocales are the languages a channel speaks: its own locales when
// the manual says them, else the manual's default locale. Texts in these
// locales must be sent on it during a run; texts in the others stay
// available but optional. (A later model of markets, each with a locale,
// would add its default here, between the channel's own and the manual's.)
func (m *Manual) ChannelLocales(ch *Channel) []string {
	if len(ch.Locales) > 0 {
		return ch.Locales
	}
	if m.Locales.Default != "" {
		return []string{m.Locales.Default}
	}
	return nil
}

// Speaks reports whether a channel speaks a locale (see ChannelLocales).
func (m *Manual) Speaks(ch *Channel, locale string) bool {
	return slices.Contains(m.ChannelLocales(ch), locale)
}
