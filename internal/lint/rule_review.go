package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR602", Title: "The manual is past its review date", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "Channels, people and phone numbers change. An approval holds for review_every; after that the manual may send customers to a dead number, and must be reviewed and approved again.",
		Bad:       "approval:\n  approved_on: 2024-01-10\n  review_every: 180d   # expired in July 2024\n",
		Good:      "approval:\n  approved_on: 2026-09-14\n  review_every: 180d\n",
	}, checkReview)
}

func checkReview(c *Context) {
	a := c.Manual.Approval
	if a.ApprovedOn.IsZero() || a.ReviewEvery <= 0 || !c.Now.After(a.NextReview()) {
		return
	}
	days := int(c.Now.Sub(a.NextReview()).Hours() / 24)
	c.Report(atOr(a.At, "approved_on", c.Manual.Approval.At["review_every"]),
		"review the manual with the directors, then update approved_on",
		"the approval expired on %s (%d days ago): approved %s, review every %s",
		a.NextReview().Format("2006-01-02"), days, a.ApprovedOn.Format("2006-01-02"), manual.FormatDuration(a.ReviewEvery))
}
