package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR102", Title: "A fallback or announcement uses a channel that is down", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "A channel named down, or in a failure domain that is down, cannot carry the message. Listing it as a fallback or posting on it wastes the first minutes of the crisis.",
		Bad:       "down:\n  domains: [meta]\nfallbacks:\n  customers: [instagram, x]\n",
		Good:      "down:\n  domains: [meta]\nfallbacks:\n  customers: [x, email-customers]\n",
	}, checkDownChannel)
}

func checkDownChannel(c *Context) {
	m, p := c.Manual, c.Playbook
	forEachUsedChannel(p, func(ref manual.Ref) {
		ch := m.Channel(ref.ID)
		if ch == nil || !m.IsDown(p, ch.ID) {
			return
		}
		why := "it is listed under down.channels"
		if m.DomainDown(p, ch.Domain.ID) {
			why = "its failure domain " + ch.Domain.ID + " is down"
		}
		c.Report(ref.Pos, "remove it here, or pick a channel that stays up in this scenario",
			"channel %s is down in this playbook: %s", ch.ID, why)
	})
}
