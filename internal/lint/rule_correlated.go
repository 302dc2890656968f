package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
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
	for _, u := range c.usedChannels() {
		if u.ch == nil || u.down || downIn[u.ch.Domain.ID] == "" {
			continue
		}
		c.Report(u.ref.Pos, "lint.CR101", "lint.CR101.hint", args{"Channel": u.ch.ID, "Domain": u.ch.Domain.ID, "Down": downIn[u.ch.Domain.ID]})
	}
}
