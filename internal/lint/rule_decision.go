package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The paths of a playbook with decision steps (format 1.1): from the first
// step, each step goes on at the next one written, a decision at the step
// its chosen option names, and an all-clear ends its path. Every path must
// end at an all-clear (or escalate to another playbook, which has its own)
// having passed a holding step, and every step must be on some path.
// Options whose next step does not exist are the loader's (CR005).

func init() {
	register(Meta{ID: "CR715", Severity: diag.Error, Scope: ScopePlaybook}, checkStepOnNoPath)
	register(Meta{ID: "CR716", Severity: diag.Error, Scope: ScopePlaybook}, checkPathWithoutAllClear)
	register(Meta{ID: "CR717", Severity: diag.Error, Scope: ScopePlaybook}, checkPathWithoutHolding)
	register(Meta{ID: "CR718", Severity: diag.Error, Scope: ScopePlaybook}, checkEscalationTarget)
	register(Meta{ID: "CR719", Severity: diag.Error, Scope: ScopePlaybook}, checkEscalationLoop)
}

// successors are the steps a path can go on with after step i: the next
// one written, or each option's; "" stands for the end of the main steps.
// escalates reports an option that leaves for another playbook.
func successors(p *manual.Playbook, i int) (next []string, escalates bool) {
	st := &p.Steps[i]
	if st.Kind != manual.StepDecision || len(st.Options) == 0 {
		return []string{p.After(i, nil)}, false
	}
	for k := range st.Options {
		o := &st.Options[k]
		if o.Escalate.ID != "" {
			escalates = true
			continue
		}
		next = append(next, p.After(i, o))
	}
	return next, escalates
}

// reached is the set of step indexes some path from the first step goes
// through.
func reached(p *manual.Playbook) map[int]bool {
	seen := map[int]bool{}
	todo := []int{0}
	for len(todo) > 0 {
		i := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if i < 0 || seen[i] {
			continue
		}
		seen[i] = true
		next, _ := successors(p, i)
		for _, id := range next {
			todo = append(todo, p.StepIndex(id))
		}
	}
	return seen
}

// pathed reports whether p has paths to check: decisions, and steps the
// loader could place (an option naming no step is CR005's).
func pathed(p *manual.Playbook) bool {
	if !p.HasDecisions() {
		return false
	}
	for _, s := range p.Steps {
		for _, o := range s.Options {
			if o.Next.ID != "" && p.StepIndex(o.Next.ID) < 0 {
				return false
			}
		}
	}
	return true
}

// checkStepOnNoPath reports each main step that no path reaches: neither
// the step before it goes on there nor any option names it.
func checkStepOnNoPath(c *Context) {
	p := c.Playbook
	if !pathed(p) {
		return
	}
	on := reached(p)
	for i, s := range p.Steps {
		if !on[i] {
			c.Report(atOr(s.At, "id", s.Pos), "lint.CR715", "lint.CR715.hint", args{"Step": s.ID})
		}
	}
}

// ending tells, for each step, whether every way on from it can still
// reach an all-clear (or an escalation): a fixed point over the steps.
func ending(p *manual.Playbook) map[int]bool {
	ok := map[int]bool{}
	for changed := true; changed; {
		changed = false
		for i, s := range p.Steps {
			if ok[i] {
				continue
			}
			next, escalates := successors(p, i)
			good := escalates
			for _, id := range next {
				switch {
				case id == "" && s.Kind == manual.StepAllClear:
					good = true
				case id != "" && ok[p.StepIndex(id)]:
					good = true
				}
			}
			if good {
				ok[i], changed = true, true
			}
		}
	}
	return ok
}

// checkPathWithoutAllClear reports each way on (the first step, or an
// option of a decision) from which the path can never reach an all-clear:
// it ends after a step that closes nothing, or turns in a loop.
func checkPathWithoutAllClear(c *Context) {
	p := c.Playbook
	if !pathed(p) {
		return
	}
	on, ok := reached(p), ending(p)
	if !ok[0] {
		c.Report(atOr(p.At, "steps", p.Pos), "lint.CR716.start", "lint.CR716.hint", args{"End": deadEnd(p, 0)})
		return
	}
	for i, s := range p.Steps {
		if !on[i] || s.Kind != manual.StepDecision {
			continue
		}
		for _, o := range s.Options {
			if o.Escalate.ID != "" {
				continue
			}
			j := p.StepIndex(p.After(i, &o))
			if j >= 0 && ok[j] {
				continue
			}
			c.Report(atOr(o.At, "next", o.Pos), "lint.CR716", "lint.CR716.hint", args{"Option": o.ID, "Step": s.ID, "End": deadEnd(p, j)})
		}
	}
}

// deadEnd names the step where a path from step i stops without an
// all-clear: the first such step found going on from i, or the step at
// which it loops back.
func deadEnd(p *manual.Playbook, i int) string {
	seen := map[int]bool{}
	for i >= 0 && !seen[i] {
		seen[i] = true
		next, _ := successors(p, i)
		j := -1
		for _, id := range next {
			if id == "" && p.Steps[i].Kind != manual.StepAllClear {
				return p.Steps[i].ID
			}
			if k := p.StepIndex(id); k >= 0 && j < 0 {
				j = k
			}
		}
		if j < 0 {
			return p.Steps[i].ID
		}
		i = j
	}
	if i >= 0 {
		return p.Steps[i].ID
	}
	return ""
}

// checkPathWithoutHolding reports each all-clear that a path from the
// first step reaches without having passed a holding step: on that path
// the public hears nothing until the incident is over.
func checkPathWithoutHolding(c *Context) {
	p := c.Playbook
	if !pathed(p) {
		return
	}
	type state struct {
		i       int
		holding bool
	}
	seen := map[state]bool{}
	reported := map[int]bool{}
	todo := []state{{0, false}}
	for len(todo) > 0 {
		st := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if st.i < 0 || seen[st] {
			continue
		}
		seen[st] = true
		s := &p.Steps[st.i]
		held := st.holding || s.Kind == manual.StepHolding
		next, _ := successors(p, st.i)
		for _, id := range next {
			if id == "" && s.Kind == manual.StepAllClear && !held && !reported[st.i] {
				reported[st.i] = true
				c.Report(atOr(s.At, "id", s.Pos), "lint.CR717", "lint.CR717.hint", args{"Step": s.ID})
			}
			if id != "" {
				todo = append(todo, state{p.StepIndex(id), held})
			}
		}
	}
}

// checkEscalationTarget reports an option escalating to a playbook the
// manual does not have (or to its own playbook: CR719).
func checkEscalationTarget(c *Context) {
	m, p := c.Manual, c.Playbook
	for _, s := range p.Steps {
		for _, o := range s.Options {
			if o.Escalate.ID == "" || o.Escalate.ID == p.ID || m.Playbook(o.Escalate.ID) != nil {
				continue
			}
			var ids []string
			for _, q := range m.Playbooks {
				ids = append(ids, q.ID)
			}
			hint, data := "lint.CR718.hint", args{"Playbook": o.Escalate.ID, "Option": o.ID, "Playbooks": strings.Join(ids, ", ")}
			if near := closest(o.Escalate.ID, ids); near != "" {
				hint, data["Suggestion"] = "lint.CR718.suggest", near
			}
			c.Report(o.Escalate.Pos, "lint.CR718", hint, data)
		}
	}
}

// checkEscalationLoop reports an option escalating to a playbook from
// which escalations lead back to this one: the run would go round without
// end, and each round would carry the texts back where they were sent.
func checkEscalationLoop(c *Context) {
	m, p := c.Manual, c.Playbook
	for _, s := range p.Steps {
		for _, o := range s.Options {
			if o.Escalate.ID == "" {
				continue
			}
			if via := escalationPath(m, o.Escalate.ID, p.ID); via != nil {
				c.Report(o.Escalate.Pos, "lint.CR719", "lint.CR719.hint",
					args{"Option": o.ID, "Playbook": o.Escalate.ID, "Loop": strings.Join(append([]string{p.ID}, via...), " → ")})
			}
		}
	}
}

// escalationPath is the chain of playbooks escalations lead through from
// playbook from to playbook to (both included), nil when they never do.
func escalationPath(m *manual.Manual, from, to string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if id == to {
			var chain []string
			for x := id; x != ""; x = prev[x] {
				chain = append(chain, x)
			}
			slices.Reverse(chain)
			return chain
		}
		q := m.Playbook(id)
		if q == nil {
			continue
		}
		for _, s := range q.Steps {
			for _, o := range s.Options {
				if t := o.Escalate.ID; t != "" {
					if _, ok := prev[t]; !ok {
						prev[t] = id
						queue = append(queue, t)
					}
				}
			}
		}
	}
	return nil
}
