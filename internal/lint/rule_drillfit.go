package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR503", Severity: diag.Warning, Scope: ScopePlaybook}, checkDrillFit)
}

// checkDrillFit reports a text that fits its channel but no longer does
// once marked as a drill exercise: the mark counts in the channel's unit,
// and a non-GSM letter in it ([ĆWICZENIA]) turns a whole SMS into UCS-2. A
// drill would fail where the real incident would not, and trainees learn
// to trim texts that are right. Texts that do not fit at all are CR501's.
// A warning, not an error: the real incident's text fits and can be sent;
// it is the rehearsal that breaks (--strict makes it fail CI).
func checkDrillFit(c *Context) {
	eachFit(c, func(ref manual.Ref, name string, ch *manual.Channel, loc string, r *fitResult) {
		if r.ok && r.fits && !r.drillFits {
			c.Report(ref.Pos, "lint.CR503", "lint.CR503.hint",
				args{"Message": name, "Channel": ch.ID, "Kind": ch.Kind, "Locale": loc, "Mark": c.Manual.DrillMarkFor(loc, ch.Kind, ch.ID), "Problem": r.drillProblem})
		}
	})
}
