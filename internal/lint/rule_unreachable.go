package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR203", Title: "Every contact of a lead is on a channel that is down", Severity: diag.Warning, Scope: ScopePlaybook,
		Rationale: "The spokesperson and the approver (and their deputies) must be reachable while the usual channels are dead. A person reachable only on WhatsApp and Messenger is unreachable in a Meta outage.",
		Bad:       "people:\n  - id: diego-santos\n    contacts:\n      - {via: whatsapp, value: \"+34 600 100 005\"}\n# meta-outage.yaml: down: {domains: [meta]}\n",
		Good:      "people:\n  - id: diego-santos\n    contacts:\n      - {via: whatsapp, value: \"+34 600 100 005\"}\n      - {via: phone, value: \"+34 600 100 005\"}\n",
	}, checkUnreachable)
}

// checkUnreachable reports each holder or deputy of the playbook's
// spokesperson and approver roles whose every contact is down.
func checkUnreachable(c *Context) {
	m, p := c.Manual, c.Playbook
	seen := map[string]bool{}
	for _, l := range []struct {
		ref  manual.Ref
		what string
	}{{p.Speaker, "spokesperson"}, {p.Approver, "approver"}} {
		r := m.Role(l.ref.ID)
		if r == nil {
			continue
		}
		for _, ref := range append([]manual.Ref{r.Person}, r.Deputies...) {
			person := m.Person(ref.ID)
			if person == nil || len(person.Contacts) == 0 || seen[person.ID] || reachable(m, p, person) {
				continue
			}
			seen[person.ID] = true
			c.Report(l.ref.Pos, "give "+person.ID+" a contact in a failure domain that stays up, such as a phone number",
				"%s (%s) cannot be reached in this playbook: every contact (%s) is down", person.ID, l.what, vias(person))
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
