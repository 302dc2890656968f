package runbook

import (
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// cadenceState is what the journal says about update rounds beyond their
// numbers: when the incident last changed (its state, or a note of what is
// new), when an update round last went out, and what each channel was last
// told in an update, so that a 1.1 run neither lets a change wait for the
// next interval (on_change) nor sends the same canned update twice. It is
// replayed from run.state, update.note and message.sent: resuming rebuilds
// it exactly.
type cadenceState struct {
	changedAt   time.Time // the last run.state or update.note
	roundSentAt time.Time // the last text of an update round sent
	lastOn      map[channelLocale]updateSent
	// firstAt and lastAt are when a text of any step first and last went
	// out on each channel: a cadence's first promise, from which its
	// phases are counted, and its last update (due.go).
	firstAt, lastAt map[string]time.Time
}

type channelLocale struct{ channel, locale string }

// updateSent is what an update round told one channel in one locale: the
// note it carried and the incident's state then.
type updateSent struct {
	round, note, state string
}

func (c *cadenceState) changed(at time.Time) {
	if at.After(c.changedAt) {
		c.changedAt = at
	}
}

// sent records a text of an update round marked sent.
func (c *cadenceState) sent(s *State, m Message, at time.Time) {
	if c.firstAt == nil {
		c.firstAt, c.lastAt = map[string]time.Time{}, map[string]time.Time{}
	}
	if first, ok := c.firstAt[m.Channel]; !ok || at.Before(first) {
		c.firstAt[m.Channel] = at
	}
	if at.After(c.lastAt[m.Channel]) {
		c.lastAt[m.Channel] = at
	}
	if !strings.HasPrefix(m.Step, UpdatesStep+"#") {
		return
	}
	if at.After(c.roundSentAt) {
		c.roundSentAt = at
	}
	if c.lastOn == nil {
		c.lastOn = map[channelLocale]updateSent{}
	}
	c.lastOn[channelLocale{m.Channel, m.Locale}] = updateSent{round: m.Step, note: s.UpdateNotes[m.Step][m.Locale], state: s.RunState()}
}

// repeatsUpdate refuses a text of an update round that would tell its
// channel, in its locale, nothing new since the previous round: no note,
// or the note that round carried, and the same state. A 1.1 playbook's update carries what
// is new, never the same canned sentence twice; the operator is asked for
// what is new instead. A 1.0 run is left as it always was.
func (s *Session) repeatsUpdate(step string, a render.Announcement) error {
	if s.Playbook.Format != manual.Format11 || !strings.HasPrefix(step, UpdatesStep+"#") {
		return nil
	}
	prev, ok := s.State.cad.lastOn[channelLocale{a.Channel, a.Locale}]
	if !ok || prev.round == step {
		return nil
	}
	note := s.State.UpdateNotes[step][a.Locale]
	if (note != "" && note != prev.note) || prev.state != s.State.RunState() {
		return nil
	}
	return lang.Errorf("cadence.no-news", map[string]any{
		"N": strings.TrimPrefix(step, UpdatesStep+"#"), "Prev": strings.TrimPrefix(prev.round, UpdatesStep+"#"),
		"Channel": a.Channel, "Locale": a.Locale})
}
