package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR102", Severity: diag.Error, Scope: ScopePlaybook}, checkDownChannel)
}

func checkDownChannel(c *Context) {
	m, p := c.Manual, c.Playbook
	forEachUsedChannel(p, func(ref manual.Ref) {
		ch := m.Channel(ref.ID)
		if ch == nil || !m.IsDown(p, ch.ID) {
			return
		}
		msg := "lint.CR102.listed"
		if m.DomainDown(p, ch.Domain.ID) {
			msg = "lint.CR102.domain"
		}
		c.Report(ref.Pos, msg, "lint.CR102.hint", args{"Channel": ch.ID, "Domain": ch.Domain.ID})
	})
}
