package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{ID: "CR201", Severity: diag.Warning, Scope: ScopeManual}, checkNoDeputy)
}

// checkNoDeputy reports each role some playbook names as spokesperson or
// approver that has no deputy, once, where the role is declared.
func checkNoDeputy(c *Context) {
	m := c.Manual
	leads := map[string]string{} // role id -> the message naming what a playbook makes it
	for _, p := range m.Playbooks {
		for _, l := range []struct{ ref, what string }{{p.Speaker.ID, "lint.CR201.spokesperson"}, {p.Approver.ID, "lint.CR201.approver"}} {
			if l.ref != "" && leads[l.ref] == "" {
				leads[l.ref] = l.what
			}
		}
	}
	for _, r := range m.Roles {
		if what := leads[r.ID]; what != "" && len(r.Deputies) == 0 {
			c.Report(atOr(r.At, "person", r.Pos), what, "lint.CR201.hint", args{"Role": r.ID})
		}
	}
}
