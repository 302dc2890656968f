package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{
		ID: "CR405", Title: "A variable's example is not a value it accepts", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "Every value a variable gets, typed at the prompt, given with --var or read from an answers file, is checked against its declaration: type, max_length, one line of plain text. The example is shown to the person typing it, fills previews (render --examples) and drill reply drafts, and stands in for optional values: an example the declaration refuses teaches the wrong value and stops those renders.",
		Bad:       "- name: affected_stores\n  type: count\n  example: twelve\n",
		Good:      "- name: affected_stores\n  type: count\n  example: \"12\"\n",
	}, checkExamples)
}

// checkExamples runs each declared example, of the manual and of every
// playbook, through render.Check, the validator every value passes.
func checkExamples(c *Context) {
	check := func(vs []manual.Variable) {
		for i := range vs {
			v := &vs[i]
			if _, err := render.Check(v, v.Name, v.Example); err != nil {
				c.Report(v.Pos, "give an example that the declaration accepts, as a person would type it",
					"the example of variable %s is not a value it accepts: %v", v.Name, err)
			}
		}
	}
	check(c.Manual.Variables)
	for _, p := range c.Manual.Playbooks {
		check(p.Variables)
	}
}
