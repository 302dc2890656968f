package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
)

func init() {
	register(Meta{
		ID: "CR201", Title: "A spokesperson or approver has no deputy", Severity: diag.Warning, Scope: ScopeManual,
		Rationale: "Crises happen at night, on holidays, on flights. A role every public message waits for needs someone who stands in when its holder cannot be reached.",
		Bad:       "roles:\n  - id: approver\n    person: carmen-vidal\n",
		Good:      "roles:\n  - id: approver\n    person: carmen-vidal\n    deputies: [tomas-ferrer]\n",
	}, checkNoDeputy)
}

// checkNoDeputy reports each role some playbook names as spokesperson or
// approver that has no deputy, once, where the role is declared.
func checkNoDeputy(c *Context) {
	m := c.Manual
	leads := map[string]string{} // role id -> what a playbook makes it
	for _, p := range m.Playbooks {
		for _, l := range []struct{ ref, what string }{{p.Speaker.ID, "spokesperson"}, {p.Approver.ID, "approver"}} {
			if l.ref != "" && leads[l.ref] == "" {
				leads[l.ref] = l.what
			}
		}
	}
	for _, r := range m.Roles {
		if what := leads[r.ID]; what != "" && len(r.Deputies) == 0 {
			c.Report(atOr(r.At, "person", r.Pos), "add deputies: [someone] to role "+r.ID,
				"role %s is a playbook's %s and has no deputy", r.ID, what)
		}
	}
}
