package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{
		ID: "CR601", Title: "The manual is not approved", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "People act by the manual because the directors approved it. A manual nobody approved, or approved on a date still to come, carries no authority when someone at 3 a.m. must decide whether to follow it.",
		Bad:       "approval:\n  approved_by: []\n  approved_on: 2026-09-14\n  review_every: 180d\n",
		Good:      "approval:\n  approved_by: [carmen-vidal, tomas-ferrer]\n  approved_on: 2026-09-14\n  review_every: 180d\n",
	}, checkApproval)
}

func checkApproval(c *Context) {
	a := c.Manual.Approval
	if pos, ok := a.At["approved_by"]; ok && len(a.ApprovedBy) == 0 {
		c.Report(pos, "list the directors who approved it", "the manual is approved by nobody")
	}
	if pos, ok := a.At["approved_on"]; ok && !a.ApprovedOn.IsZero() && a.ApprovedOn.After(c.Now) {
		c.Report(pos, "write the date the directors approved it", "the manual's approval date %s is in the future", a.ApprovedOn.Format("2006-01-02"))
	}
}
