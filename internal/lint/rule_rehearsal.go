package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/drillrecord"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR801", Title: "A playbook has never been rehearsed", Severity: diag.Info, Scope: ScopePlaybook,
		Rationale: "A runbook nobody has walked through fails on its first real use: a dead number, a step nobody understands. Lint reads drills/<playbook>.json, the record `crisis drill` keeps of the last drill, from the drills/ folder committed with the manual (or, with --local-drills, from this machine's records of this manual), and also reports a drill older than the manual's drill_every. A drill completed by --yes or --answers is recorded as unattended and is no rehearsal: nobody walked through it. Without a drills/ folder the rule is silent.",
		Bad:       "# drills/ has no meta-outage.json\n",
		Good:      "# drills/meta-outage.json\n{\"playbook\": \"meta-outage\", \"finished_at\": \"2026-10-02T10:30:00Z\"}\n",
	}, checkRehearsal)
}

func checkRehearsal(c *Context) {
	if c.Runs == nil {
		return
	}
	p := c.Playbook
	// The record is the one `crisis drill` writes.
	rec, ok, err := drillrecord.Read(c.Runs, p.ID)
	if err != nil {
		c.Report(p.Pos, "rehearse it again: crisis drill "+p.ID, "the drill record of %s is unreadable", p.ID)
		return
	}
	if !ok {
		c.Report(p.Pos, "rehearse it: crisis drill "+p.ID, "playbook %s has never been rehearsed", p.ID)
		return
	}
	if rec.Unattended {
		c.Report(p.Pos, "rehearse it with the people who would run it, at a terminal: crisis drill "+p.ID,
			"playbook %s was only drilled unattended (--yes or --answers), which is no rehearsal", p.ID)
		return
	}
	every := c.Manual.DrillEvery
	if every > 0 && c.Now.Sub(rec.FinishedAt) > every {
		c.Report(p.Pos, "rehearse it: crisis drill "+p.ID, "playbook %s was last rehearsed on %s, more than drill_every (%s) ago",
			p.ID, rec.FinishedAt.Format("2006-01-02"), manual.FormatDuration(every))
	}
}
