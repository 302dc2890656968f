package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/drillrecord"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR801", Severity: diag.Info, Scope: ScopePlaybook}, checkRehearsal)
}

func checkRehearsal(c *Context) {
	if c.Runs == nil {
		return
	}
	p := c.Playbook
	// The record is the one `crisis drill` writes.
	rec, ok, err := drillrecord.Read(c.Runs, p.ID)
	if err != nil {
		c.Report(p.Pos, "lint.CR801.unreadable", "lint.CR801.again.hint", args{"Playbook": p.ID})
		return
	}
	if !ok {
		c.Report(p.Pos, "lint.CR801.never", "lint.CR801.hint", args{"Playbook": p.ID})
		return
	}
	if rec.Unattended {
		c.Report(p.Pos, "lint.CR801.unattended", "lint.CR801.unattended.hint", args{"Playbook": p.ID})
		return
	}
	every := c.Manual.DrillEvery
	if every > 0 && c.Now.Sub(rec.FinishedAt) > every {
		c.Report(p.Pos, "lint.CR801.old", "lint.CR801.hint",
			args{"Playbook": p.ID, "Date": rec.FinishedAt.Format("2006-01-02"), "Every": manual.FormatDuration(every)})
	}
}
