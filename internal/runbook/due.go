package runbook

import (
	"slices"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// CadenceDue is when one cadence's next update is due: a cadence is a
// promise to its audiences on its channels, kept one cadence at a time.
type CadenceDue struct {
	Cadence *manual.Cadence
	At      time.Time
	// Change: due at once because the state or what is new changed since
	// its last text (on_change), before its interval.
	Change bool
}

// Name is the cadence's name, as show and the run's screens give it.
func (d CadenceDue) Name() string { return d.Cadence.Name() }

// firstPromise is when cadence c first promised its audiences an update:
// the first text sent on one of its channels (the holding message, as a
// rule). Its phases are counted from there, not from the start of the run:
// "every 20m for 2h" is two hours of updates after the first promise. A
// cadence that has promised nothing yet makes its promise at t.
func (s *Session) firstPromise(c *manual.Cadence, t time.Time) time.Time {
	if first := s.State.FirstSent(c.Channels); !first.IsZero() && first.Before(t) {
		return first
	}
	return t
}

// FirstSent is when a text first went out on one of channels: the first
// promise of a cadence on them, from which its phases count (zero before
// any). The report and the status page count phases as the run does.
func (s *State) FirstSent(channels []manual.Ref) time.Time {
	var first time.Time
	for _, r := range channels {
		if at, ok := s.cad.firstAt[r.ID]; ok && (first.IsZero() || at.Before(first)) {
			first = at
		}
	}
	return first
}

// lastOn is when a text last went out on one of c's channels.
func (s *Session) lastOn(c *manual.Cadence) time.Time {
	var last time.Time
	for _, r := range c.Channels {
		if at := s.State.cad.lastAt[r.ID]; at.After(last) {
			last = at
		}
	}
	return last
}

// CadencesDue is each cadence's next due time, in the playbook's order,
// for those that have promised something: the first cadence's is the
// promise its last round published (promiseDue); another's is an interval
// (the phase in force) after a text last went out on its channels; an
// on_change cadence is due at once when the state or what is new changed
// since. None after the all-clear.
func (s *Session) CadencesDue() []CadenceDue {
	if !s.State.AllClear.IsZero() || s.State.Closed {
		return nil
	}
	var out []CadenceDue
	for i := range s.Playbook.Updates {
		c := &s.Playbook.Updates[i]
		last := s.lastOn(c)
		d := CadenceDue{Cadence: c}
		if i == 0 {
			d.At, _ = s.promiseDue()
		} else if !last.IsZero() {
			d.At = last.Add(s.interval(c, last))
		}
		if changed := s.State.cad.changedAt; c.OnChange && !last.IsZero() && changed.After(last) && (d.At.IsZero() || changed.Before(d.At)) {
			d.At, d.Change = changed, true
		}
		if !d.At.IsZero() {
			out = append(out, d)
		}
	}
	return out
}

// roundCadences are the cadences update round step renders: those of its
// texts already rendered when it is open (finished before a new one);
// else those due now, or, when none is, the one due next (offered ahead
// of its time, the screen says when it is due). Before any cadence has
// promised anything, every one.
func (s *Session) roundCadences(step string, open bool) []CadenceDue {
	ups := s.Playbook.Updates
	if open {
		var out []CadenceDue
		for i := range ups {
			c := &ups[i]
			for k := range s.State.Rendered {
				if k.Step == step && k.Message == c.Message.ID && slices.ContainsFunc(c.Channels, func(r manual.Ref) bool { return r.ID == k.Channel }) {
					out = append(out, s.dueOf(c))
					break
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	dues := s.CadencesDue()
	if len(dues) == 0 {
		out := make([]CadenceDue, len(ups))
		for i := range ups {
			out[i] = CadenceDue{Cadence: &ups[i]}
		}
		return out
	}
	// Texts name the minute: a cadence due within the next one is due now.
	soon := s.Now().Add(time.Minute)
	var due []CadenceDue
	for _, d := range dues {
		if d.At.Before(soon) {
			due = append(due, d)
		}
	}
	if len(due) > 0 {
		return due
	}
	next := slices.MinFunc(dues, func(a, b CadenceDue) int { return a.At.Compare(b.At) })
	return slices.DeleteFunc(dues, func(d CadenceDue) bool { return !d.At.Equal(next.At) })
}

// dueOf is cadence c's entry of CadencesDue; no time when it has none.
func (s *Session) dueOf(c *manual.Cadence) CadenceDue {
	for _, d := range s.CadencesDue() {
		if d.Cadence == c {
			return d
		}
	}
	return CadenceDue{Cadence: c}
}
