package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR202", Severity: diag.Error, Scope: ScopeManual}, checkSelfDeputy)
}

func checkSelfDeputy(c *Context) {
	for _, r := range c.Manual.Roles {
		for _, d := range r.Deputies {
			if d.ID != "" && d.ID == r.Person.ID {
				c.Report(d.Pos, "lint.CR202", "lint.CR202.hint", args{"Deputy": d.ID, "Role": r.ID})
			}
		}
	}
}
