package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR602", Severity: diag.Error, Scope: ScopeManual}, checkReview)
}

func checkReview(c *Context) {
	a := c.Manual.Approval
	if a.ApprovedOn.IsZero() || a.ReviewEvery <= 0 || !c.Now.After(a.NextReview()) {
		return
	}
	days := int(c.Now.Sub(a.NextReview()).Hours() / 24)
	c.Report(atOr(a.At, "approved_on", c.Manual.Approval.At.Get("review_every")), "lint.CR602", "lint.CR602.hint",
		args{"Expired": a.NextReview().Format("2006-01-02"), "Count": days, "Approved": a.ApprovedOn.Format("2006-01-02"),
			"Every": manual.FormatDuration(a.ReviewEvery)})
}
