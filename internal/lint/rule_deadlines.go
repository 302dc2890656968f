package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR701", Title: "Step deadlines go backwards", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "Steps are followed in the order written. A step due before the one above it is either in the wrong place or has the wrong deadline, and the comms lead finds out when it is already late.",
		Bad:       "steps:\n  - id: confirm\n    deadline: 15m\n  - id: holding\n    deadline: 10m\n",
		Good:      "steps:\n  - id: confirm\n    deadline: 5m\n  - id: holding\n    deadline: 15m\n",
	}, checkDeadlines)
}

func checkDeadlines(c *Context) {
	for _, steps := range [][]manual.Step{c.Playbook.Steps, c.Playbook.FollowUp} {
		var prev *manual.Step
		for i := range steps {
			s := &steps[i]
			if s.Deadline <= 0 {
				continue
			}
			if prev != nil && s.Deadline < prev.Deadline {
				c.Report(atOr(s.At, "deadline", s.Pos), "move the step above "+prev.ID+", or fix one of the deadlines",
					"step %s is due at %s, before step %s above it (%s)", s.ID, manual.FormatDuration(s.Deadline), prev.ID, manual.FormatDuration(prev.Deadline))
			}
			if prev == nil || s.Deadline > prev.Deadline {
				prev = s
			}
		}
	}
}
