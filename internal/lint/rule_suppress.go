package lint

import "github.com/crisis-cli/crisis/internal/diag"

func init() {
	register(Meta{ID: RuleNoReason, Severity: diag.Warning, Scope: ScopeEngine}, nil)
	register(Meta{ID: RuleUnusedIgno, Severity: diag.Warning, Scope: ScopeEngine}, nil)
}
