package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR702", Severity: diag.Error, Scope: ScopePlaybook}, checkHolding)
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
		c.Report(atOr(p.At, "steps", p.Pos), "lint.CR702.none", "lint.CR702.none.hint", args{"Playbook": p.ID})
	case len(holding.Announce) == 0:
		c.Report(holding.Pos, "lint.CR702.silent", "lint.CR702.silent.hint", args{"Step": holding.ID})
	case holding.Deadline > m.FirstResponse:
		c.Report(atOr(holding.At, "deadline", holding.Pos), "lint.CR702.late", "lint.CR702.late.hint", args{"Step": holding.ID,
			"Deadline": manual.FormatDuration(holding.Deadline), "FirstResponse": manual.FormatDuration(m.FirstResponse)})
	}
}
