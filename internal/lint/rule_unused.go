package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR403", Severity: diag.Warning, Scope: ScopeManual}, checkUnused)
}

// checkUnused reports manual variables no message uses, and playbook
// variables no message of that playbook uses.
func checkUnused(c *Context) {
	m, f := c.Manual, c.facts
	all := map[string]bool{}
	for _, vs := range f.vars {
		for _, v := range vs {
			all[v] = true
		}
	}
	for _, v := range m.Variables {
		if v.Name != "" && !all[v.Name] {
			c.Report(v.Pos, "lint.CR403.manual", "lint.CR403.manual.hint", args{"Variable": v.Name, "Ref": "{{." + v.Name + "}}"})
		}
	}
	for _, p := range m.Playbooks {
		if len(p.Variables) == 0 {
			continue
		}
		used := map[string]bool{}
		for name := range playbookMessages(p) {
			for _, v := range f.vars[name] {
				used[v] = true
			}
		}
		for _, v := range p.Variables {
			if v.Name != "" && !used[v.Name] {
				c.Report(v.Pos, "lint.CR403.playbook", "lint.CR403.playbook.hint", args{"Variable": v.Name, "Ref": "{{." + v.Name + "}}", "Playbook": p.ID})
			}
		}
	}
}

// playbookMessages is the set of message names a playbook sends or drafts.
func playbookMessages(p *manual.Playbook) map[string]bool {
	out := map[string]bool{}
	for a := range announcements(p) {
		out[a.ann.Message.ID] = true
	}
	for _, in := range p.Drill.Injects {
		if in.Message.ID != "" {
			out[in.Message.ID] = true
		}
	}
	return out
}
