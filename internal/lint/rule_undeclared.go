package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR402", Severity: diag.Error, Scope: ScopePlaybook}, checkUndeclared)
}

// checkUndeclared reports, once per variable, at the first announcement of
// a message using it.
func checkUndeclared(c *Context) {
	m, p := c.Manual, c.Playbook
	reported := map[string]bool{}
	check := func(ref manual.Ref) {
		for _, v := range c.facts.vars[ref.ID] {
			if reported[v] || manual.IsBuiltinVariable(v) || m.Variable(p, v) != nil {
				continue
			}
			reported[v] = true
			c.Report(ref.Pos, "lint.CR402", "lint.CR402.hint", args{"Message": ref.ID, "Variable": v, "Ref": "{{." + v + "}}", "ManualFile": manual.ManualFile})
		}
	}
	for a := range announcements(p) {
		check(a.ann.Message)
	}
	for _, in := range p.Drill.Injects {
		check(in.Message)
	}
}
