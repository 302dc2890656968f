package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{ID: "CR405", Severity: diag.Error, Scope: ScopeManual}, checkExamples)
}

// checkExamples runs each declared example, of the manual and of every
// playbook, through render.Check, the validator every value passes.
func checkExamples(c *Context) {
	check := func(vs []manual.Variable) {
		for i := range vs {
			v := &vs[i]
			if _, err := render.Check(v, v.Name, v.Example); err != nil {
				c.Report(v.Pos, "lint.CR405", "lint.CR405.hint", args{"Variable": v.Name, "Error": err.Error()})
			}
		}
	}
	check(c.Manual.Variables)
	for _, p := range c.Manual.Playbooks {
		check(p.Variables)
	}
}
