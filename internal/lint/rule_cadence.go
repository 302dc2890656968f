package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR704", Title: "No working update cadence", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "After the holding message, people need updates on a cadence they can rely on, or they assume nobody is working on it. A cadence of zero, or one so long that the all-clear is due before the first update, is no cadence. (A missing updates: key is the loader's CR006.)",
		Bad:       "updates:\n  every: 8h      # the all-clear is due at 6h\n",
		Good:      "updates:\n  every: 60m\n  message: update\n  audiences: [customers]\n  channels: [x, status-page]\n",
	}, checkCadence)
}

func checkCadence(c *Context) {
	p := c.Playbook
	u := p.Updates
	if u == nil {
		return
	}
	pos := atOr(p.At, "updates", u.Pos)
	if u.Every <= 0 {
		c.Report(pos, "set updates.every, e.g. 60m", "the update cadence is zero")
		return
	}
	for _, s := range p.Steps {
		if s.Kind == manual.StepAllClear && s.Deadline > 0 && u.Every >= s.Deadline {
			c.Report(pos, "make updates.every shorter than the time to the all-clear",
				"updates every %s, but the all-clear is due at %s: no update would go out", manual.FormatDuration(u.Every), manual.FormatDuration(s.Deadline))
			return
		}
	}
}
