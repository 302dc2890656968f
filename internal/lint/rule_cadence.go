package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR704", Severity: diag.Error, Scope: ScopePlaybook}, checkCadence)
}

func checkCadence(c *Context) {
	p := c.Playbook
	for i := range p.Updates {
		u := &p.Updates[i]
		pos := u.Pos
		if u.ID == "" {
			pos = atOr(p.At, "updates", u.Pos)
		}
		every := u.Interval(0)
		if len(u.Phases) > 0 {
			if every <= 0 {
				continue // a phase of zero is CR706's
			}
		} else if every <= 0 {
			c.Report(pos, "lint.CR704.zero", "lint.CR704.zero.hint", nil)
			continue
		}
		for _, s := range p.Steps {
			if s.Kind == manual.StepAllClear && s.Deadline > 0 && every >= s.Deadline {
				c.Report(pos, "lint.CR704.late", "lint.CR704.late.hint",
					args{"Every": manual.FormatDuration(every), "AllClear": manual.FormatDuration(s.Deadline)})
				break
			}
		}
	}
}
