package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// staffAudiences are the audience ids that mean the organisation's own
// people.
var staffAudiences = []string{"staff", "employees", "team", "workforce"}

func init() {
	register(Meta{ID: "CR104", Severity: diag.Warning, Scope: ScopeManual}, checkStaff)
}

func checkStaff(c *Context) {
	m := c.Manual
	found := false
	for _, a := range m.Audiences {
		if !slices.Contains(staffAudiences, a.ID) {
			continue
		}
		found = true
		own := slices.ContainsFunc(m.Channels, func(ch manual.Channel) bool {
			return len(ch.Audiences) == 1 && ch.Audiences[0].ID == a.ID
		})
		if !own {
			c.Report(a.Pos, "lint.CR104.shared", "lint.CR104.shared.hint", args{"Audience": a.ID})
		}
	}
	if !found && len(m.Audiences) > 0 {
		c.Report(atOr(m.At, "audiences", diag.Pos{File: m.File, Line: 1, Col: 1}), "lint.CR104.none", "lint.CR104.none.hint", nil)
	}
}
