package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR102", Severity: diag.Error, Scope: ScopePlaybook}, checkDownChannel)
}

func checkDownChannel(c *Context) {
	m, p := c.Manual, c.Playbook
	for _, u := range c.usedChannels() {
		if u.ch == nil || !u.down {
			continue
		}
		msg := "lint.CR102.listed"
		if m.DomainDown(p, u.ch.Domain.ID) {
			msg = "lint.CR102.domain"
		}
		c.Report(u.ref.Pos, msg, "lint.CR102.hint", args{"Channel": u.ch.ID, "Domain": u.ch.Domain.ID})
	}
}
