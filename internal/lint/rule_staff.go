package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// staffAudiences are the audience ids that mean the organisation's own
// people.
var staffAudiences = []string{"staff", "employees", "team", "workforce"}

func init() {
	register(Meta{
		ID: "CR104", Title: "Staff have no channel of their own", Severity: diag.Warning, Scope: ScopeManual,
		Rationale: "Staff need a channel customers do not read: shift changes, a security incident, what to say at the till. A channel shared with customers cannot carry that.",
		Bad:       "channels:\n  - id: x\n    kind: x\n    audiences: [customers, staff]\n",
		Good:      "channels:\n  - id: sms-staff\n    kind: sms\n    audiences: [staff]\n",
	}, checkStaff)
}

func checkStaff(c *Context) {
	m := c.Manual
	found := false
	for _, a := range m.Audiences {
		if !slices.Contains(staffAudiences, a.ID) {
			continue
		}
		found = true
		own := slices.ContainsFunc(m.Channels, func(ch manual.Channel) bool {
			return len(ch.Audiences) == 1 && ch.Audiences[0].ID == a.ID
		})
		if !own {
			c.Report(a.Pos, "add a channel whose only audience is "+a.ID+" (an SMS list, Slack, a staff app)",
				"audience %s has no channel of its own", a.ID)
		}
	}
	if !found && len(m.Audiences) > 0 {
		c.Report(atOr(m.At, "audiences", diag.Pos{File: m.File, Line: 1, Col: 1}), "add an audience with id: staff and a channel for it",
			"the manual has no staff audience")
	}
}
