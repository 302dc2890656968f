package lint

import (
	"cmp"
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
)

// Scope says what one run of a rule looks at.
type Scope int

// Scopes. Loader rules are reported by manual.Load and never run here; they
// are registered so that every id can be explained and configured.
const (
	ScopeLoader   Scope = iota // reported by the loader
	ScopeManual                // runs once over the whole manual
	ScopePlaybook              // runs once per playbook, in parallel
	ScopeEngine                // reported by the engine itself (suppressions)
)

// Meta describes a rule: everything but the check itself. Its texts are
// in the interface catalogue (see text.go): Title (one line, sentence case,
// no final period), Rationale (why the rule exists: what fails during a
// crisis), and a Bad and a Good YAML example.
type Meta struct {
	ID       string
	Severity diag.Severity
	Scope    Scope
}

// Rule is one check. Check appends findings through the context, which
// knows the rule's id and configured severity.
type Rule interface {
	Meta() Meta
	Check(c *Context)
}

// rule is the Rule every file in this package registers: metadata and a
// function.
type rule struct {
	meta  Meta
	check func(c *Context)
}

func (r rule) Meta() Meta { return r.meta }

func (r rule) Check(c *Context) {
	if r.check != nil {
		r.check(c)
	}
}

var registry []Rule

// register adds a rule at init time; ids must be unique.
func register(m Meta, check func(c *Context)) {
	if Lookup(m.ID) != nil {
		panic("lint: rule " + m.ID + " registered twice")
	}
	registry = append(registry, rule{meta: m, check: check})
	slices.SortFunc(registry, func(a, b Rule) int { return cmp.Compare(a.Meta().ID, b.Meta().ID) })
}

// Rules returns every registered rule, sorted by id.
func Rules() []Rule { return slices.Clone(registry) }

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) Rule {
	for _, r := range registry {
		if r.Meta().ID == id {
			return r
		}
	}
	return nil
}

// IDs lists every rule id, sorted, for did-you-mean suggestions.
func IDs() []string {
	ids := make([]string, len(registry))
	for i, r := range registry {
		ids[i] = r.Meta().ID
	}
	return ids
}
