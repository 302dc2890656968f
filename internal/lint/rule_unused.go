package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
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
	for i, p := range m.Playbooks {
		for _, v := range p.Variables {
			if v.Name != "" && !f.sendsVariable(i, v.Name) {
				c.Report(v.Pos, "lint.CR403.playbook", "lint.CR403.playbook.hint", args{"Variable": v.Name, "Ref": "{{." + v.Name + "}}", "Playbook": p.ID})
			}
		}
	}
}

// sendsVariable reports whether a message the playbook at place sends or
// drafts uses the variable name.
func (f *facts) sendsVariable(place int, name string) bool {
	for _, msg := range f.sends[place] {
		if _, found := slices.BinarySearch(f.vars[msg], name); found {
			return true
		}
	}
	return false
}
