package manual_test

import (
	"strings"
	"testing"
)

// TestSchemaAgreesOnRepliesAndVisibility: the loader and the schemas accept
// and refuse the same audience visibilities, reply libraries and step
// replies (format 1.1).
func TestSchemaAgreesOnRepliesAndVisibility(t *testing.T) {
	s := compileSchemas(t)
	const pb, mf = "playbooks/facebook-down.yaml", "playbooks/manual.yaml"
	base := validManual(t)
	for _, f := range []string{mf, pb} {
		base = withFile(base, f, strings.Replace(string(base[f].Data), "crisis: 1\n", "crisis: 1.1\n", 1))
	}
	const lib = "\nreplies:\n  - id: apology\n    message: holding\n    description: Sorry\n"
	cases := []editAgreement{
		{"visibility internal", mf, "  - id: customers\n", "  - id: customers\n    visibility: internal\n", true},
		{"visibility public", mf, "  - id: customers\n", "  - id: customers\n    visibility: public\n", true},
		{"visibility private", mf, "  - id: customers\n", "  - id: customers\n    visibility: private\n", false},
		{"visibility capitalised", mf, "  - id: customers\n", "  - id: customers\n    visibility: Public\n", false},
		{"visibility list", mf, "  - id: customers\n", "  - id: customers\n    visibility: [public]\n", false},
		{"replies", mf, "\nroles:", lib + "roles:", true},
		{"replies empty", mf, "\nroles:", "\nreplies:\nroles:", true},
		{"reply without message", mf, "\nroles:", "\nreplies:\n  - id: apology\nroles:", false},
		{"reply id uppercase", mf, "\nroles:", "\nreplies:\n  - {id: Apology, message: holding}\nroles:", false},
		{"reply unknown key", mf, "\nroles:", "\nreplies:\n  - {id: apology, message: holding, channel: sms}\nroles:", false},
		{"reply scalar", mf, "\nroles:", "\nreplies: apology\nroles:", false},
		{"step replies", pb, "    checklist:\n", "    replies: []\n    checklist:\n", true},
		{"step replies scalar", pb, "    checklist:\n", "    replies: apology\n    checklist:\n", false},
		{"step replies bad id", pb, "    checklist:\n", "    replies: [Apology]\n    checklist:\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, s, base)
		})
	}
}
