package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR101", Severity: diag.Error, Scope: ScopePlaybook}, checkCorrelated)
}

// checkCorrelated reports every channel the playbook relies on (fallbacks,
// announcements, updates) that is up but shares its failure domain with a
// channel declared down.
func checkCorrelated(c *Context) {
	m, p := c.Manual, c.Playbook
	downIn := map[string]string{} // failure domain -> a down channel in it
	for _, ref := range p.Down.Channels {
		if ch := m.Channel(ref.ID); ch != nil && downIn[ch.Domain.ID] == "" {
			downIn[ch.Domain.ID] = ch.ID
		}
	}
	if len(downIn) == 0 {
		return
	}
	forEachUsedChannel(p, func(ref manual.Ref) {
		ch := m.Channel(ref.ID)
		if ch == nil || m.IsDown(p, ch.ID) || downIn[ch.Domain.ID] == "" {
			return
		}
		c.Report(ref.Pos, "lint.CR101", "lint.CR101.hint", args{"Channel": ch.ID, "Domain": ch.Domain.ID, "Down": downIn[ch.Domain.ID]})
	})
}

// forEachUsedChannel calls fn for every channel reference a playbook relies
// on to reach people: fallbacks, announcements and updates.
func forEachUsedChannel(p *manual.Playbook, fn func(manual.Ref)) {
	for _, fb := range p.Fallbacks {
		for _, ref := range fb.Channels {
			fn(ref)
		}
	}
	for a := range announcements(p) {
		for _, ref := range a.ann.Channels {
			fn(ref)
		}
	}
}
