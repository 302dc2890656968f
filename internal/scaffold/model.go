package scaffold

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// model is what the files are written from: the options resolved into
// ids, channels narrowed to the audiences chosen, and the playbooks that
// fit.
type model struct {
	o         *Options
	t         *texts   // the default locale's
	locales   []string // the default first
	audiences []string // in catalogue order
	channels  []mchannel
	scenarios []scenario

	// schemaBase is where modelines point, relative to a file in
	// playbooks/ or templates/; "" is the schemas init writes.
	schemaBase string

	people                 []person
	spokesperson, approver string // person ids
	spDeputies, apDeputies []string
}

type mchannel struct {
	*channelDef
	audiences []string
}

type person struct {
	id string
	Person
}

func newModel(o *Options) *model {
	m := &model{o: o, t: textsFor(o.Locale), locales: append([]string{o.Locale}, o.Others...)}
	for _, a := range audienceIDs {
		if slices.Contains(o.audiences(), a) {
			m.audiences = append(m.audiences, a)
		}
	}
	for _, c := range channels {
		if !slices.Contains(o.Channels, c.id) {
			continue
		}
		mc := mchannel{channelDef: &c}
		for _, a := range c.serves {
			if slices.Contains(m.audiences, a) {
				mc.audiences = append(mc.audiences, a)
			}
		}
		m.channels = append(m.channels, mc)
	}
	for _, s := range scenarios {
		if m.fits(s) {
			m.scenarios = append(m.scenarios, s)
		}
	}
	m.spokesperson = m.addPerson(o.Spokesperson)
	m.approver = m.spokesperson
	if o.Approver.Name != "" {
		m.approver = m.addPerson(o.Approver)
	}
	if !o.SpokespersonDeputy.IsZero() {
		m.spDeputies = []string{m.addPerson(o.SpokespersonDeputy)}
	}
	switch {
	case !o.ApproverDeputy.IsZero():
		m.apDeputies = []string{m.addPerson(o.ApproverDeputy)}
	case o.Approver.Name == "":
		// The spokesperson approves too: their deputy stands in for both.
		m.apDeputies = m.spDeputies
	}
	return m
}

// addPerson adds p unless a person of the same name is there, and returns
// their id.
func (m *model) addPerson(p Person) string {
	id := slug(p.Name)
	for i, q := range m.people {
		if q.id == id {
			if q.Phone == "" {
				m.people[i].Phone = p.Phone
			}
			if q.Email == "" {
				m.people[i].Email = p.Email
			}
			return id
		}
	}
	m.people = append(m.people, person{id, p})
	return id
}

func (m *model) channel(id string) *mchannel {
	i := slices.IndexFunc(m.channels, func(c mchannel) bool { return c.id == id })
	if i < 0 {
		return nil
	}
	return &m.channels[i]
}

// external are the audiences outside the organisation: the public messages'.
func (m *model) external() []string {
	return slices.DeleteFunc(slices.Clone(m.audiences), isStaff)
}

// fits reports whether the organisation has what a scenario is about.
func (m *model) fits(s scenario) bool {
	n := 0
	for _, k := range s.kinds {
		if slices.ContainsFunc(m.channels, func(c mchannel) bool { return c.kind == k }) {
			n++
		}
	}
	return n >= max(1, s.min)
}

// down is what fails in a scenario: its kinds' channels, or their whole
// failure domains.
func (m *model) down(s scenario) (channels, domains []string) {
	for _, c := range m.channels {
		if !slices.Contains(s.kinds, c.kind) {
			continue
		}
		switch {
		case !s.whole:
			channels = append(channels, c.id)
		case !slices.Contains(domains, c.domain):
			domains = append(domains, c.domain)
		}
	}
	return channels, domains
}

// downDomains are the failure domains a scenario takes down, whole or in
// part: no fallback may depend on them.
func (m *model) downDomains(s scenario) []string {
	channels, domains := m.down(s)
	for _, id := range channels {
		if c := m.channel(id); c != nil && !slices.Contains(domains, c.domain) {
			domains = append(domains, c.domain)
		}
	}
	return domains
}

// isDown reports whether a channel is down in a scenario itself (not merely
// in a domain that is partly down).
func (m *model) isDown(s scenario, c mchannel) bool {
	channels, domains := m.down(s)
	return slices.Contains(channels, c.id) || slices.Contains(domains, c.domain)
}

// fallbacks are, for an audience, its channels outside every domain the
// scenario touches, in catalogue order (public and immediate first).
func (m *model) fallbacks(s scenario, audience string) []string {
	down := m.downDomains(s)
	var out []string
	for _, c := range m.channels {
		if slices.Contains(c.audiences, audience) && !slices.Contains(down, c.domain) {
			out = append(out, c.id)
		}
	}
	return out
}

// union is the fallbacks of several audiences, each channel once.
func (m *model) union(s scenario, audiences []string) []string {
	var out []string
	for _, c := range m.channels {
		for _, a := range audiences {
			if slices.Contains(m.fallbacks(s, a), c.id) {
				out = append(out, c.id)
				break
			}
		}
	}
	return out
}

// domains lists the failure domains the chosen channels depend on.
func (m *model) domains() []string {
	var out []string
	for _, c := range m.channels {
		if !slices.Contains(out, c.domain) {
			out = append(out, c.domain)
		}
	}
	return out
}

// checkReach refuses choices that leave someone unreachable: a channel
// that reaches no audience chosen, an audience no channel reaches, or an
// outage after which an audience has no channel left.
func (m *model) checkReach() error {
	var errs []error
	if len(m.external()) == 0 {
		errs = append(errs, errors.New("choose at least one audience outside the organisation: customers, suppliers or press"))
	}
	for _, c := range m.channels {
		if len(c.audiences) == 0 {
			errs = append(errs, fmt.Errorf("channel %s reaches none of the audiences chosen (it reaches %s): add one of them or drop the channel",
				c.id, strings.Join(c.serves, ", ")))
		}
	}
	for _, a := range m.audiences {
		if !slices.ContainsFunc(m.channels, func(c mchannel) bool { return slices.Contains(c.audiences, a) }) {
			errs = append(errs, fmt.Errorf("no channel reaches %s: add one of %s", a, strings.Join(channelsServing(a), ", ")))
		}
	}
	if len(m.scenarios) == 0 && len(m.channels) > 0 {
		errs = append(errs, fmt.Errorf("no playbook fits these channels yet: init writes %s; add a channel one of them is about",
			strings.Join(ScenarioIDs(), ", ")))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, s := range m.scenarios {
		errs = append(errs, m.checkScenario(s))
	}
	return errors.Join(errs...)
}

// checkScenario refuses a scenario after which an audience that loses a
// channel has none left.
func (m *model) checkScenario(s scenario) error {
	var errs []error
	for _, a := range m.audiences {
		lost := slices.ContainsFunc(m.channels, func(c mchannel) bool { return m.isDown(s, c) && slices.Contains(c.audiences, a) })
		if lost && len(m.fallbacks(s, a)) == 0 {
			errs = append(errs, fmt.Errorf("when %s happens, %s have no channel left that does not fail with it (%s): add one of %s",
				s.id, a, strings.Join(m.downDomains(s), ", "), strings.Join(m.otherChannels(s, a), ", ")))
		}
	}
	return errors.Join(errs...)
}

// otherChannels are the catalogue's channels for an audience that would
// survive a scenario.
func (m *model) otherChannels(s scenario, audience string) []string {
	down := m.downDomains(s)
	var out []string
	for _, c := range channels {
		if slices.Contains(c.serves, audience) && !slices.Contains(down, c.domain) {
			out = append(out, c.id)
		}
	}
	return out
}

func channelsServing(audience string) []string {
	var out []string
	for _, c := range channels {
		if slices.Contains(c.serves, audience) {
			out = append(out, c.id)
		}
	}
	return out
}
