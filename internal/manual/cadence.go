package manual

import (
	"slices"
	"time"

	"gopkg.in/yaml.v3"
)

// decodeCadences reads updates: one mapping (1.0, still valid: a single
// cadence without an id) or, in 1.1, a list of cadences each with its id.
func (d *decoder) decodeCadences(n *yaml.Node) []Cadence {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return []Cadence{d.decodeCadence(n, false)}
	}
	if !d.since11(n, "a list of update cadences") {
		return nil
	}
	if len(n.Content) == 0 {
		d.report(n, RuleMissing, say("loader.cadence-none", nil), say("loader.cadence-none.hint", nil))
		return nil
	}
	out := make([]Cadence, 0, len(n.Content))
	seen := map[string]Pos{}
	for _, item := range n.Content {
		c := d.decodeCadence(item, true)
		if prev, dup := seen[c.ID]; dup && c.ID != "" {
			d.report(item, RuleDuplicate, say("loader.twice.cadence", args{"ID": q(c.ID)}), say("loader.declared-twice.hint", args{"Pos": prev.String()}))
			continue
		}
		seen[c.ID] = c.Pos
		out = append(out, c)
	}
	return out
}

var cadenceKeys = []string{"id", "every", "phases", "on_change", "after", "message", "audiences", "channels"}

// phaseKeys, like every list of keys whose Positions are kept, is a
// variable rather than a list written in the call: Positions refer to it,
// and a list written in the call would be copied to the heap each time.
var phaseKeys = []string{"every", "for"}

// decodeCadence reads one cadence; inList says it is an item of a 1.1 list,
// which names itself with an id.
func (d *decoder) decodeCadence(n *yaml.Node, inList bool) Cadence {
	o := d.object(n, "updates", cadenceKeys...)
	c := Cadence{
		After:     o.ref("after", false),
		Message:   o.ref("message", true),
		Audiences: o.refs("audiences", true),
		Channels:  o.refs("channels", true),
		Pos:       d.pos(n),
		At:        o.at(),
	}
	if inList {
		c.ID = o.id("id")
	} else if v := o.get("id", false); v != nil && d.since11(o.key("id"), "a cadence id") {
		c.ID = o.id("id")
	}
	if v := o.get("on_change", false); v != nil && d.since11(o.key("on_change"), "on_change") {
		c.OnChange = o.boolean("on_change")
	}
	phases := o.get("phases", false)
	switch {
	case phases == nil:
		c.Every = o.duration("every", true)
	case o.get("every", false) != nil:
		d.report(o.key("phases"), RuleType, say("loader.every-and-phases", nil), say("loader.every-and-phases.hint", nil))
	case d.since11(o.key("phases"), "phases"):
		for _, pn := range o.list("phases", true) {
			po := d.object(pn, "a phase", phaseKeys...)
			c.Phases = append(c.Phases, Phase{Every: po.duration("every", true), For: po.duration("for", false), Pos: d.pos(pn), At: po.at()})
		}
	}
	return c
}

// Interval is how long after an update the next one is due, elapsed after
// the cadence started: the phase in force then (a phase without a for lasts
// until the all-clear; past the last one, the last one's interval holds).
func (c *Cadence) Interval(elapsed time.Duration) time.Duration {
	if len(c.Phases) == 0 {
		return c.Every
	}
	for _, ph := range c.Phases {
		if ph.For <= 0 || elapsed < ph.For {
			return ph.Every
		}
		elapsed -= ph.For
	}
	return c.Phases[len(c.Phases)-1].Every
}

// IntervalSince is Interval for an update sent at t by a cadence whose
// first promise (its first text sent, usually the holding message) was
// made at first: phases are counted from there, in whole minutes as texts
// name them (the update of 12:05 after a holding message of 10:05 is two
// hours on, whatever the seconds).
func (c *Cadence) IntervalSince(first, t time.Time) time.Duration {
	return c.Interval(t.Truncate(time.Minute).Sub(first.Truncate(time.Minute)))
}

// Covers reports whether the cadence sends to channel for any of audiences.
func (c *Cadence) Covers(channel string, audiences []string) bool {
	if !slices.ContainsFunc(c.Channels, func(r Ref) bool { return r.ID == channel }) {
		return false
	}
	return slices.ContainsFunc(c.Audiences, func(r Ref) bool { return slices.Contains(audiences, r.ID) })
}

// CadenceFor is the first cadence of p that covers channel for one of
// audiences; nil when none does.
func (p *Playbook) CadenceFor(channel string, audiences []string) *Cadence {
	for i := range p.Updates {
		if p.Updates[i].Covers(channel, audiences) {
			return &p.Updates[i]
		}
	}
	return nil
}

// Name is how findings and screens name a cadence: its id, or "updates"
// for a 1.0 playbook's single one.
func (c *Cadence) Name() string {
	if c.ID == "" {
		return "updates"
	}
	return c.ID
}
