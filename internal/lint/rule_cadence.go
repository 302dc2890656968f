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
	u := p.Updates
	if u == nil {
		return
	}
	pos := atOr(p.At, "updates", u.Pos)
	if u.Every <= 0 {
		c.Report(pos, "lint.CR704.zero", "lint.CR704.zero.hint", nil)
		return
	}
	for _, s := range p.Steps {
		if s.Kind == manual.StepAllClear && s.Deadline > 0 && u.Every >= s.Deadline {
			c.Report(pos, "lint.CR704.late", "lint.CR704.late.hint",
				args{"Every": manual.FormatDuration(u.Every), "AllClear": manual.FormatDuration(s.Deadline)})
			return
		}
	}
}
