package lint

import "github.com/crisis-cli/crisis/internal/diag"

func init() {
	register(Meta{
		ID: RuleNoReason, Severity: diag.Warning, Scope: ScopeEngine,
		Bad:  "# crisis:ignore CR101\nfallbacks:\n  customers: [whatsapp-business]\n",
		Good: "# crisis:ignore CR101 -- WhatsApp Business API is hosted by our BSP, outside Meta's outage\n",
	}, nil)
	register(Meta{
		ID: RuleUnusedIgno, Severity: diag.Warning, Scope: ScopeEngine,
		Bad:  "# crisis:ignore CR110 -- no such rule\n",
		Good: "# (comment removed once the finding was fixed)\n",
	}, nil)
}
