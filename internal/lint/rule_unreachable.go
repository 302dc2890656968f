package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR203", Severity: diag.Warning, Scope: ScopePlaybook}, checkUnreachable)
}

// checkUnreachable reports each holder or deputy of the playbook's
// spokesperson and approver roles whose every contact is down.
func checkUnreachable(c *Context) {
	m, p := c.Manual, c.Playbook
	seen := map[string]bool{}
	for _, l := range []struct {
		ref  manual.Ref
		what string // the message naming the lead's part
	}{{p.Speaker, "lint.CR203.spokesperson"}, {p.Approver, "lint.CR203.approver"}} {
		r := m.Role(l.ref.ID)
		if r == nil {
			continue
		}
		var buf [8]manual.Ref // a person and their deputies, on the stack
		for _, ref := range append(append(buf[:0], r.Person), r.Deputies...) {
			person := m.Person(ref.ID)
			if person == nil || len(person.Contacts) == 0 || seen[person.ID] || reachable(m, p, person) {
				continue
			}
			seen[person.ID] = true
			c.Report(l.ref.Pos, l.what, "lint.CR203.hint", args{"Person": person.ID, "Vias": vias(person)})
		}
	}
}

func reachable(m *manual.Manual, p *manual.Playbook, person *manual.Person) bool {
	for _, ct := range person.Contacts {
		if m.ContactUp(p, ct) {
			return true
		}
	}
	return false
}

func vias(p *manual.Person) string {
	var s []string
	for _, c := range p.Contacts {
		s = append(s, c.Via)
	}
	return strings.Join(s, ", ")
}
