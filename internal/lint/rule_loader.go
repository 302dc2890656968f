package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The loader's rules: manual.Load reports them, lint only explains them.
func init() {
	loader := func(id, bad, good string) {
		register(Meta{ID: id, Severity: diag.Error, Bad: bad, Good: good, Scope: ScopeLoader}, nil)
	}
	loader(manual.RuleSyntax, "title: Facebook: down for everyone\n", "title: \"Facebook: down for everyone\"\n")
	loader(manual.RuleUnknownKey, "steps:\n  - id: confirm\n    ownr: community-manager\n", "steps:\n  - id: confirm\n    owner: community-manager\n")
	loader(manual.RuleType, "deadline: soon\n", "deadline: 15m\n")
	loader(manual.RuleDuplicate, "steps:\n  - id: holding\n  - id: holding\n", "steps:\n  - id: holding\n  - id: holding-staff\n")
	loader(manual.RuleDangling, "fallbacks:\n  customers: [emial-customers]\n", "fallbacks:\n  customers: [email-customers]\n")
	loader(manual.RuleMissing, "steps:\n  - id: holding\n    title: Send the holding message\n    deadline: 15m\n",
		"steps:\n  - id: holding\n    title: Send the holding message\n    owner: spokesperson\n    deadline: 15m\n")
	loader(manual.RuleFile, "contacts: *board-contacts\n", "contacts:\n  - {via: phone, value: \"+34 600 100 001\"}\n")
	loader(manual.RuleControl, "other: \"\\e]0;all clear\\a Facebook is down\"\n", "other: \"Facebook is down\"\n")
	loader(manual.RuleVersion, "crisis: 2\n", "crisis: 1\n")
}
