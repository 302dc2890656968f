package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{
		ID: "CR202", Title: "A deputy is the same person as the one they stand in for", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "A deputy exists for when the role's holder cannot be reached. Naming the holder as their own deputy looks like cover and is none.",
		Bad:       "roles:\n  - id: spokesperson\n    person: lucia-moreno\n    deputies: [lucia-moreno]\n",
		Good:      "roles:\n  - id: spokesperson\n    person: lucia-moreno\n    deputies: [javier-ortega]\n",
	}, checkSelfDeputy)
}

func checkSelfDeputy(c *Context) {
	for _, r := range c.Manual.Roles {
		for _, d := range r.Deputies {
			if d.ID != "" && d.ID == r.Person.ID {
				c.Report(d.Pos, "name someone else as deputy", "%s is the deputy of their own role %s", d.ID, r.ID)
			}
		}
	}
}
