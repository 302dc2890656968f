package lint

// Cases of CR403 in a playbook: a variable none of its messages uses,
// and one only a reply its drill drafts uses; positions and messages
// written by hand.

const ordersDecl = "variables:\n  - name: orders\n    description: Orders\n    example: \"3\"\n  - name: platform\n"

func init() {
	ruleCases = append(ruleCases,
		ruleCase{name: "cr403-playbook", rule: "CR403", fires: true,
			edits: []edit{{fPlaybook, "variables:\n  - name: platform\n", ordersDecl}},
			at:    anchor{fPlaybook, "  - name: orders", "name"},
			says:  `variable orders is declared in playbook fb-down but none of its messages uses it`},
		ruleCase{name: "cr403-playbook-reply", rule: "CR403",
			edits: []edit{{fPlaybook, "variables:\n  - name: platform\n", ordersDecl},
				{fPlaybook, "updates:\n", "drill:\n  injects:\n    - at: 3m\n      event: A customer asks\n      expect: A reply\n      respond: reply\n      message: reply-orders\nupdates:\n"},
				{fEN, "update:\n", "reply-orders:\n  default:\n    description: Reply\n    other: \"{{.orders}} orders are safe.\"\nupdate:\n"},
				{fPL, "update:\n", "reply-orders:\n  default:\n    hash: " + plHash("Reply", "{{.orders}} orders are safe.") + "\n    other: \"Zamowienia sa bezpieczne: {{.orders}}.\"\nupdate:\n"}}},
	)
}
