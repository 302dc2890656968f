package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR701", Severity: diag.Error, Scope: ScopePlaybook}, checkDeadlines)
}

func checkDeadlines(c *Context) {
	for _, steps := range [][]manual.Step{c.Playbook.Steps, c.Playbook.FollowUp} {
		var prev *manual.Step
		for i := range steps {
			s := &steps[i]
			if s.Deadline <= 0 || s.Kind == manual.StepGate {
				continue // a gate's deadline runs on its own clock (from:)
			}
			if prev != nil && s.Deadline < prev.Deadline {
				c.Report(atOr(s.At, "deadline", s.Pos), "lint.CR701", "lint.CR701.hint", args{"Step": s.ID,
					"Deadline": manual.FormatDuration(s.Deadline), "Above": prev.ID, "AboveDeadline": manual.FormatDuration(prev.Deadline)})
			}
			if prev == nil || s.Deadline > prev.Deadline {
				prev = s
			}
		}
	}
}
