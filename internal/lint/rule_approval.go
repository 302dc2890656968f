package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR601", Severity: diag.Error, Scope: ScopeManual}, checkApproval)
}

func checkApproval(c *Context) {
	a := c.Manual.Approval
	if pos, ok := a.At["approved_by"]; ok && len(a.ApprovedBy) == 0 {
		c.Report(pos, "lint.CR601.nobody", "lint.CR601.nobody.hint", nil)
	}
	if pos, ok := a.At["approved_on"]; ok && !a.ApprovedOn.IsZero() && a.ApprovedOn.After(c.Now) {
		c.Report(pos, "lint.CR601.future", "lint.CR601.future.hint", args{"Date": a.ApprovedOn.Format("2006-01-02")})
	}
}
