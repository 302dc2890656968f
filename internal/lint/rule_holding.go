package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR702", Title: "No holding announcement within the first response time", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "Customers expect an answer within the hour, some within minutes. The first message (we know, we are on it, here is where to follow us) must go out within the manual's first_response (15m by default): a step of kind holding, with an announcement, due in time.",
		Bad:       "steps:\n  - id: holding\n    kind: holding\n    deadline: 45m   # first_response: 15m\n",
		Good:      "steps:\n  - id: holding\n    kind: holding\n    owner: spokesperson\n    deadline: 15m\n    announce:\n      - message: holding\n        audiences: [customers]\n        channels: [x, status-page]\n",
	}, checkHolding)
}

func checkHolding(c *Context) {
	m, p := c.Manual, c.Playbook
	var holding *manual.Step
	for i := range p.Steps {
		if p.Steps[i].Kind == manual.StepHolding {
			holding = &p.Steps[i]
			break
		}
	}
	switch {
	case len(p.Steps) == 0:
		// the loader reports the missing steps
	case holding == nil:
		c.Report(atOr(p.At, "steps", p.Pos), "mark the step that sends the first message kind: holding",
			"playbook %s has no holding step", p.ID)
	case len(holding.Announce) == 0:
		c.Report(holding.Pos, "add announce: with the holding message and the channels that stay up",
			"holding step %s announces nothing", holding.ID)
	case holding.Deadline > m.FirstResponse:
		c.Report(atOr(holding.At, "deadline", holding.Pos), "bring the deadline to "+manual.FormatDuration(m.FirstResponse)+" or less",
			"holding step %s is due at %s, after the first response time of %s", holding.ID, manual.FormatDuration(holding.Deadline), manual.FormatDuration(m.FirstResponse))
	}
}
