package lint

import (
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR601", Severity: diag.Error, Scope: ScopeManual}, checkApproval)
}

func checkApproval(c *Context) {
	a := c.Manual.Approval
	if pos, ok := a.At.Lookup("approved_by"); ok && len(a.ApprovedBy) == 0 {
		c.Report(pos, "lint.CR601.nobody", "lint.CR601.nobody.hint", nil)
	}
	if pos, ok := a.At.Lookup("approved_on"); ok && !a.ApprovedOn.IsZero() && notBegunAnywhere(a.ApprovedOn, c.Now) {
		c.Report(pos, "lint.CR601.future", "lint.CR601.future.hint", args{"Date": a.ApprovedOn.Format("2006-01-02")})
	}
}

// earliestZone is the furthest ahead of UTC any place on Earth is (Kiribati's
// Line Islands, UTC+14): a calendar date has begun somewhere once it has
// begun there.
const earliestZone = 14 * time.Hour

// notBegunAnywhere reports whether a calendar date (parsed as midnight UTC)
// has not yet begun in any time zone. An approval written in Warsaw at half
// past midnight carries a date that is still tomorrow in UTC, where CI runs:
// it is not in the future for the person who wrote it.
func notBegunAnywhere(date, now time.Time) bool {
	return date.Add(-earliestZone).After(now)
}
