package manual_test

import (
	"strings"
	"testing"
)

// TestSchemaAgreesOnCadences checks the schema and the loader agree on the
// shapes of updates in a 1.1 playbook: a list of cadences, phases and
// on_change (the loader alone refuses them in a 1.0 file, which a schema
// cannot tell apart, see TestCadenceProblems).
func TestSchemaAgreesOnCadences(t *testing.T) {
	s := compileSchemas(t)
	const pb = "playbooks/facebook-down.yaml"
	base := validManual(t)
	const one = "updates:\n  every: 30m\n  message: holding\n  audiences: [customers]\n  channels: [sms-customers]\n"
	const list = "updates:\n  - id: customers\n    every: 30m\n    message: holding\n    audiences: [customers]\n    channels: [sms-customers]\n"
	const phases = "updates:\n  - id: customers\n    phases:\n      - {every: 20m, for: 2h}\n      - {every: 60m}\n    on_change: yes\n    message: holding\n    audiences: [customers]\n    channels: [sms-customers]\n"
	for _, c := range []struct {
		name, updates string
		ok            bool
	}{
		{"mapping", one, true},
		{"mapping with phases", strings.Replace(one, "every: 30m", "phases: [{every: 30m}]", 1), true},
		{"mapping on_change", one + "  on_change: true\n", true},
		{"mapping on_change maybe", one + "  on_change: maybe\n", false},
		{"list", list, true},
		{"list of two", list + strings.Replace(list[len("updates:\n"):], "id: customers", "id: staff", 1), true},
		{"phases", phases, true},
		{"list without id", strings.Replace(list, "- id: customers\n    every", "- every", 1), false},
		{"list empty", "updates: []\n", false},
		{"list of scalars", "updates: [customers]\n", false},
		{"every and phases", strings.Replace(phases, "    phases:", "    every: 20m\n    phases:", 1), false},
		{"neither every nor phases", strings.Replace(list, "    every: 30m\n", "", 1), false},
		{"phases empty", strings.Replace(phases, "    phases:\n      - {every: 20m, for: 2h}\n      - {every: 60m}\n", "    phases: []\n", 1), false},
		{"phase without every", strings.Replace(phases, "{every: 60m}", "{for: 60m}", 1), false},
		{"phase unknown key", strings.Replace(phases, "{every: 60m}", "{every: 60m, until: 3h}", 1), false},
		{"phase bad duration", strings.Replace(phases, "for: 2h", "for: 2 hours", 1), false},
		{"cadence unknown key", strings.Replace(list, "every: 30m", "evry: 30m", 1), false},
		{"cadence id uppercase", strings.Replace(list, "id: customers", "id: Customers", 1), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := string(base[pb].Data)
			if !strings.Contains(data, one) {
				t.Fatalf("%s holds no %q", pb, one)
			}
			data = strings.Replace(strings.Replace(data, one, c.updates, 1), "crisis: 1\n", "crisis: 1.1\n", 1)
			checkAgreement(t, s, withFile(base, pb, data), pb, c.ok)
		})
	}
}
