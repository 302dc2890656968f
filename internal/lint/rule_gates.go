package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Approval gates and facts known later (format 1.1): a gate that nobody can
// satisfy, an escalation with nobody to escalate to, a gate deadline from a
// step that is not before it; a fact due by a step the playbook lacks, or
// needed by a text announced before that step; an optional fact printed
// where an empty value would leave a hole.

func init() {
	register(Meta{ID: "CR206", Severity: diag.Error, Scope: ScopePlaybook}, checkTwoPerson)
	register(Meta{ID: "CR207", Severity: diag.Warning, Scope: ScopePlaybook}, checkEscalation)
	register(Meta{ID: "CR208", Severity: diag.Error, Scope: ScopePlaybook}, checkGateFrom)
	register(Meta{ID: "CR420", Severity: diag.Warning, Scope: ScopeManual}, checkOptionalUnguarded)
	register(Meta{ID: "CR421", Severity: diag.Error, Scope: ScopePlaybook}, checkLaterBy)
	register(Meta{ID: "CR422", Severity: diag.Error, Scope: ScopePlaybook}, checkLaterBefore)
}

// gates yields every approval gate of a playbook with the step it is on.
func gates(p *manual.Playbook, yield func(st *manual.Step, g *manual.Gate)) {
	for _, steps := range [][]manual.Step{p.Steps, p.FollowUp} {
		for i := range steps {
			st := &steps[i]
			if st.Approval != nil {
				yield(st, st.Approval)
			}
			for _, a := range st.Announce {
				if a.Approval != nil {
					yield(st, a.Approval)
				}
			}
		}
	}
}

// checkTwoPerson reports a two-person gate that fewer than two people can
// satisfy: the holders and deputies of its roles, the sender (the holder
// of the step's owner role) not counted.
func checkTwoPerson(c *Context) {
	m := c.Manual
	gates(c.Playbook, func(st *manual.Step, g *manual.Gate) {
		if !g.TwoPerson {
			return
		}
		sender := ""
		if r := m.Role(st.Owner.ID); r != nil {
			sender = r.Person.ID
		}
		var people []string
		for _, ref := range g.Roles {
			r := m.Role(ref.ID)
			if r == nil {
				return // the loader reported it (CR005)
			}
			for _, p := range append([]manual.Ref{r.Person}, r.Deputies...) {
				if p.ID != sender && !slices.Contains(people, p.ID) {
					people = append(people, p.ID)
				}
			}
		}
		if len(people) < 2 {
			c.Report(atOr(g.At, "two_person", g.Pos), "lint.CR206", "lint.CR206.hint", args{"Step": st.ID, "Count": len(people)})
		}
	})
}

// checkEscalation reports an escalate_after on a gate none of whose roles
// has a deputy to escalate to.
func checkEscalation(c *Context) {
	gates(c.Playbook, func(st *manual.Step, g *manual.Gate) {
		if g.EscalateAfter <= 0 {
			return
		}
		for _, ref := range g.Roles {
			if r := c.Manual.Role(ref.ID); r == nil || len(r.Deputies) > 0 {
				return
			}
		}
		c.Report(atOr(g.At, "escalate_after", g.Pos), "lint.CR207", "lint.CR207.hint", args{"Step": st.ID})
	})
}

// checkGateFrom reports a gate step whose from names no step before it.
func checkGateFrom(c *Context) {
	steps := c.Playbook.Steps
	for i, st := range steps {
		if st.From.ID != "" && !slices.ContainsFunc(steps[:i], func(b manual.Step) bool { return b.ID == st.From.ID }) {
			c.Report(st.From.Pos, "lint.CR208", "lint.CR208.hint", args{"Step": st.ID, "From": st.From.ID})
		}
	}
}

// laterVars yields the facts known later that a playbook can use: its
// own and the manual's, a playbook's own first.
func laterVars(m *manual.Manual, p *manual.Playbook, yield func(v *manual.Variable)) {
	for _, group := range [][]manual.Variable{p.Variables, m.Variables} {
		for i := range group {
			if v := &group[i]; v.Later && m.Variable(p, v.Name) == v {
				yield(v)
			}
		}
	}
}

// uses reports whether a message uses variable name in any locale.
func (c *Context) uses(msg, name string) bool { return slices.Contains(c.facts.vars[msg], name) }

// checkLaterBy reports a fact known later due by a step the playbook does
// not have, for a playbook whose texts use it (or that declares it).
func checkLaterBy(c *Context) {
	p := c.Playbook
	laterVars(c.Manual, p, func(v *manual.Variable) {
		if v.By.ID == "" || stepIndex(p, v.By.ID) >= 0 {
			return
		}
		used := slices.ContainsFunc(p.Variables, func(d manual.Variable) bool { return d.Name == v.Name })
		for a := range announcements(p) {
			used = used || c.uses(a.ann.Message.ID, v.Name)
		}
		if used {
			c.Report(v.By.Pos, "lint.CR421", "lint.CR421.hint", args{"Variable": v.Name, "Step": v.By.ID, "Playbook": p.ID})
		}
	})
}

// checkLaterBefore reports a text announced in a step before the step by
// which a fact it needs is set: it would wait, unsent, past its own step.
func checkLaterBefore(c *Context) {
	p := c.Playbook
	laterVars(c.Manual, p, func(v *manual.Variable) {
		by := stepIndex(p, v.By.ID)
		if by < 0 {
			return
		}
		for i, st := range p.Steps[:by] {
			for _, a := range st.Announce {
				if c.uses(a.Message.ID, v.Name) {
					c.Report(a.Message.Pos, "lint.CR422", "lint.CR422.hint", args{"Message": a.Message.ID, "Variable": v.Name, "Step": p.Steps[i].ID, "By": v.By.ID})
				}
			}
		}
	})
}

func stepIndex(p *manual.Playbook, id string) int {
	return slices.IndexFunc(p.Steps, func(st manual.Step) bool { return st.ID == id })
}

// checkOptionalUnguarded reports a message text printing an optional
// variable of a 1.1 file outside {{if}} or {{with}}: in a run an optional
// fact without a value is empty, never its example, and the text would
// read "call  for help". Once per text and variable.
func checkOptionalUnguarded(c *Context) {
	m := c.Manual
	for _, t := range m.Templates {
		for _, msg := range t.Messages {
			name, _, _ := manual.SplitID(msg.ID)
			if !slices.ContainsFunc(c.facts.msgVars[msg], func(v string) bool { return optional11(m, c.facts.announcers[name], v) }) {
				continue // parsed again only where it matters: never in a 1.0 manual
			}
			for _, form := range manual.PluralForms {
				text, ok := msg.Forms[form]
				if !ok {
					continue
				}
				vs, err := message.Unguarded(text)
				if err != nil {
					continue // CR401 reports it
				}
				for _, v := range vs {
					if optional11(m, c.facts.announcers[name], v) {
						c.Report(msg.FormPos[form], "lint.CR420", "lint.CR420.hint", args{"Message": msg.ID, "Variable": v, "Ref": "{{with ." + v + "}}...{{end}}"})
					}
				}
			}
		}
	}
}

// optional11 reports whether a variable is, for one of the playbooks
// announcing a message, optional and declared in a 1.1 file (in 1.0 its
// example stands for its value).
func optional11(m *manual.Manual, playbooks []*manual.Playbook, name string) bool {
	if manual.IsBuiltinVariable(name) {
		return false
	}
	for _, p := range playbooks {
		if v := m.Variable(p, name); v != nil && !v.Required && !v.Later && v.Format == manual.Format11 {
			return true
		}
	}
	return false
}
