package lint

import "github.com/crisis-cli/crisis/internal/diag"

func init() {
	register(Meta{
		ID: RuleNoReason, Title: "A suppression has no reason", Severity: diag.Warning, Scope: ScopeEngine,
		Rationale: "A finding is suppressed because someone decided it does not apply. Without the reason, the next reader cannot tell a decision from a shortcut.",
		Bad:       "# crisis:ignore CR101\nfallbacks:\n  customers: [whatsapp-business]\n",
		Good:      "# crisis:ignore CR101 -- WhatsApp Business API is hosted by our BSP, outside Meta's outage\n",
	}, nil)
	register(Meta{
		ID: RuleUnusedIgno, Title: "A suppression suppresses nothing", Severity: diag.Warning, Scope: ScopeEngine,
		Rationale: "A suppression that matches no finding (the problem was fixed, the line moved, the rule id is misspelt) would silently hide the next real finding on that line.",
		Bad:       "# crisis:ignore CR110 -- no such rule\n",
		Good:      "# (comment removed once the finding was fixed)\n",
	}, nil)
}
