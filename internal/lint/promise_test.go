package lint

import (
	"crypto/sha1"
	"fmt"
)

// promising makes the base manual's holding message promise the next update
// (in en and, with its hash kept current, pl) in a 1.1 playbook, plus more
// edits. The base cadence sends to customers on status-page, where the
// holding message goes: the promise is kept.
func promising(more ...edit) []edit {
	const was = "{{.platform}} is down. Follow {{.status_url}}."
	const now = "{{.platform}} is down. Next update at {{.next_update}}."
	hash := func(other string) string { return fmt.Sprintf("sha1-%x", sha1.Sum([]byte("First message"+other))) }
	const upWas, upNow = "Still down. Next update in {{.update_minutes}} minutes.", "{{.update_note}} Next update in {{.update_minutes}} minutes."
	hashUp := func(other string) string { return fmt.Sprintf("sha1-%x", sha1.Sum([]byte("Update"+other))) }
	return append([]edit{
		{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"},
		{fEN, was, now},
		{fPL, hash(was), hash(now)},
		{fPL, "Śledź {{.status_url}}.", "Kolejna informacja o {{.next_update}}."},
		// The update carries what is new (CR708).
		{fEN, upWas, upNow},
		{fEN, "Still down. Next update in {{.update_minutes}} minute.", "{{.update_note}} Next update in {{.update_minutes}} minute."},
		{fPL, hashUp(upWas), hashUp(upNow)},
		{fPL, "few: \"Kolejna", "few: \"{{.update_note}} Kolejna"},
	}, more...)
}

const (
	cadenceOne = "updates:\n  every: 30m\n  message: update\n  audiences: [customers]\n  channels: [status-page]\n"
	// holdingChannels is where the base holding message goes to customers.
	holdingChannels = "        channels: [status-page]\n      - message: staff-brief"
	followUp        = "follow_up:\n  - id: review\n    title: Review\n    owner: spokesperson\n    deadline: 24h\n    announce:\n      - message: holding\n        audiences: [customers]\n        channels: [status-page]\n"
	twoCadences     = "updates:\n  - id: customers\n    every: 30m\n    message: update\n    audiences: [customers]\n    channels: [status-page]\n  - id: staff\n    every: 60m\n    message: update\n    audiences: [staff]\n    channels: [sms-staff]\n"
	staffOnly       = "updates:\n  - id: staff\n    every: 60m\n    message: update\n    audiences: [staff]\n    channels: [sms-staff]\n"
	phased          = "updates:\n  - id: customers\n    phases:\n      - {every: 20m, for: 1h}\n      - {every: 30m}\n    message: update\n    audiences: [customers]\n    channels: [status-page]\n"
)

func init() {
	ruleCases = append(ruleCases,
		ruleCase{name: "cr705-none", rule: "CR705", fires: true, edits: promising(edit{fPlaybook, cadenceOne, staffOnly}),
			at: anchor{fPlaybook, holdingChannels, "status-page"}, says: `holding at step holding promises customers the next update on status-page, and no cadence sends it there`},
		ruleCase{name: "cr705-late", rule: "CR705", fires: true, edits: promising(edit{fPlaybook, "updates:\n  every: 30m", "updates:\n  after: all-clear\n  every: 30m"}),
			at: anchor{fPlaybook, holdingChannels, "status-page"}, says: `holding at step holding promises customers the next update on status-page, but cadence updates starts only after step all-clear`},
		ruleCase{name: "cr705-follow-up", rule: "CR705", fires: true, edits: promising(edit{fPlaybook, cadenceOne, cadenceOne + followUp}),
			at: anchor{fPlaybook, "deadline: 24h\n    announce:\n      - message: holding\n        audiences: [customers]\n        channels: [status-page]", "status-page"}, says: `holding at follow-up step review promises customers the next update on status-page, but updates stop at the all-clear`},
		ruleCase{name: "cr705-good", rule: "CR705", edits: promising(edit{fPlaybook, cadenceOne, twoCadences})},
		// A 1.0 playbook, which can say one cadence only, is not checked.
		ruleCase{name: "cr705-format-10", rule: "CR705", edits: promising(edit{fPlaybook, "crisis: 1.1\n", "crisis: 1\n"}, edit{fPlaybook, "updates:\n  every: 30m", "updates:\n  after: all-clear\n  every: 30m"})},
		// The staff SMS does not promise: no finding on sms-staff though no cadence sends there.
		ruleCase{name: "cr705-no-promise", rule: "CR705", edits: promising()},

		ruleCase{name: "cr706-endless", rule: "CR706", fires: true, edits: promising(edit{fPlaybook, cadenceOne, phased}, edit{fPlaybook, "{every: 20m, for: 1h}", "{every: 20m}"}),
			at: anchor{fPlaybook, "      - {every: 20m}", "{"}, says: `phase 1 of cadence customers has no for, so the phases after it never start`},
		ruleCase{name: "cr706-last-for", rule: "CR706", fires: true, edits: promising(edit{fPlaybook, cadenceOne, phased}, edit{fPlaybook, "{every: 30m}", "{every: 30m, for: 4h}"}),
			at: anchor{fPlaybook, "{every: 30m, for: 4h}", "4h"}, says: `the last phase of cadence customers ends (for), leaving no cadence until the all-clear`},
		ruleCase{name: "cr706-zero", rule: "CR706", fires: true, edits: promising(edit{fPlaybook, cadenceOne, phased}, edit{fPlaybook, "{every: 30m}", "{every: 0m}"}),
			at: anchor{fPlaybook, "{every: 0m}", "0m"}, says: `phase 2 of cadence customers sends every 0m`},
		ruleCase{name: "cr706-zero-for", rule: "CR706", fires: true, edits: promising(edit{fPlaybook, cadenceOne, phased}, edit{fPlaybook, "for: 1h", "for: 0m"}),
			at: anchor{fPlaybook, "{every: 20m, for: 0m}", "0m"}, says: `phase 1 of cadence customers lasts 0m`},
		ruleCase{name: "cr706-good", rule: "CR706", edits: promising(edit{fPlaybook, cadenceOne, phased})},

		ruleCase{name: "cr707-overlap", rule: "CR707", fires: true, edits: promising(edit{fPlaybook, cadenceOne, twoCadences}, edit{fPlaybook, "    audiences: [staff]\n    channels: [sms-staff]", "    audiences: [staff, customers]\n    channels: [sms-staff, status-page]"}),
			at: anchor{fPlaybook, "channels: [sms-staff, status-page]", "status-page"}, says: `cadences customers and staff both send to customers on status-page`},
		ruleCase{name: "cr707-good", rule: "CR707", edits: promising(edit{fPlaybook, cadenceOne, twoCadences})},

		ruleCase{name: "cr708-canned", rule: "CR708", fires: true, edits: []edit{{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"}},
			at: anchor{fPlaybook, "  message: update", "update"}, says: `update, the message of cadence updates, has no place for what is new in en: every round would say the same`},
		// Polish alone lacks it: reported for pl.
		ruleCase{name: "cr708-one-locale", rule: "CR708", fires: true, edits: promising(edit{fPL, "few: \"{{.update_note}} Kolejna", "few: \"Kolejna"}),
			at: anchor{fPlaybook, "  message: update", "update"}, says: `has no place for what is new in pl`},
		ruleCase{name: "cr708-good", rule: "CR708", edits: promising()},
	)
}
