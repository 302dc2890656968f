package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The loader's rules: manual.Load reports them, lint only explains them.
func init() {
	for _, id := range []string{manual.RuleSyntax, manual.RuleUnknownKey, manual.RuleType, manual.RuleDuplicate,
		manual.RuleDangling, manual.RuleMissing, manual.RuleFile, manual.RuleControl, manual.RuleVersion} {
		register(Meta{ID: id, Severity: diag.Error, Scope: ScopeLoader}, nil)
	}
}
