package lint

import "github.com/crisis-cli/crisis/internal/manual"

// usedChannels are the channel references a playbook relies on to reach
// people (fallbacks, announcements and updates), each with its channel
// and whether it is down there. CR101, CR102, CR108 and CR109 each walked
// them and looked every channel up twice (manual.Manual.Channel, IsDown):
// each worker now does it once per playbook, and the list is reused from
// one playbook to the next.
type usedChannels struct {
	playbook *manual.Playbook
	list     []usedChannel
}

type usedChannel struct {
	ref  manual.Ref
	ch   *manual.Channel // nil: no such channel (the loader reports it)
	down bool
}

// usedChannels lists the playbook's channel references in order:
// fallbacks, then announcements and updates.
func (c *Context) usedChannels() []usedChannel {
	u := c.used
	if u == nil {
		u = &usedChannels{}
	}
	if u.playbook == c.Playbook {
		return u.list
	}
	m, p := c.Manual, c.Playbook
	u.playbook, u.list = p, u.list[:0]
	add := func(ref manual.Ref) {
		ch := m.Channel(ref.ID)
		u.list = append(u.list, usedChannel{ref: ref, ch: ch, down: ch != nil && m.IsDown(p, ch.ID)})
	}
	for _, fb := range p.Fallbacks {
		for _, ref := range fb.Channels {
			add(ref)
		}
	}
	for a := range announcements(p) {
		for _, ref := range a.ann.Channels {
			add(ref)
		}
	}
	return u.list
}
