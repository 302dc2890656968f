package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR703", Severity: diag.Error, Scope: ScopePlaybook}, checkAllClear)
}

func checkAllClear(c *Context) {
	p := c.Playbook
	if len(p.Steps) == 0 || slices.ContainsFunc(p.Steps, func(s manual.Step) bool { return s.Kind == manual.StepAllClear }) {
		return
	}
	c.Report(atOr(p.At, "steps", p.Pos), "lint.CR703", "lint.CR703.hint", args{"Playbook": p.ID})
}
