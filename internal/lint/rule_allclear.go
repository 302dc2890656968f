package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR703", Title: "No all-clear step", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "An incident without an all-clear never ends for customers: they keep avoiding the channel, and the follow-up (complaints, compensation, review) has no start. One step of kind all-clear closes the incident.",
		Bad:       "steps:\n  - id: holding\n    kind: holding\n  - id: inbox\n",
		Good:      "steps:\n  - id: holding\n    kind: holding\n  - id: all-clear\n    kind: all-clear\n    owner: spokesperson\n    deadline: 6h\n",
	}, checkAllClear)
}

func checkAllClear(c *Context) {
	p := c.Playbook
	if len(p.Steps) == 0 || slices.ContainsFunc(p.Steps, func(s manual.Step) bool { return s.Kind == manual.StepAllClear }) {
		return
	}
	c.Report(atOr(p.At, "steps", p.Pos), "add a step with kind: all-clear that announces the end of the incident",
		"playbook %s has no all-clear step", p.ID)
}
