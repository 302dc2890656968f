package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR803", Severity: diag.Warning, Scope: ScopePlaybook}, checkInbox)
}

// checkInbox reports a playbook that reaches a public audience through its
// fallbacks and has no inbox step (a step with replies:): the public
// answers back, one person at a time, and nobody is given the job or the
// words. Only a 1.1 playbook can have an inbox step, so only those are
// checked.
func checkInbox(c *Context) {
	p := c.Playbook
	if p.Format != manual.Format11 {
		return
	}
	for _, steps := range [][]manual.Step{p.Steps, p.FollowUp} {
		for _, s := range steps {
			if len(s.Replies) > 0 {
				return
			}
		}
	}
	for _, fb := range p.Fallbacks {
		if c.Manual.Public(fb.Audience.ID) {
			c.Report(fb.Audience.Pos, "lint.CR803", "lint.CR803.hint", args{"Playbook": p.ID, "Audience": fb.Audience.ID})
			return
		}
	}
}
