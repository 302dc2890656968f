package lint

import "strings"

// ruleCase is a manual that must (or must not) make a rule report.
type ruleCase struct {
	name  string // unique; also the folder under testdata/lint
	rule  string
	fires bool
	edits []edit
	runs  map[string]string // files of the runs folder; nil: no runs folder
}

var longSMS = strings.Repeat("Go to the back office and wait for instructions. ", 4)

// ruleCases has, for every rule, a manual that triggers it and one that
// does not (the base manual, or a near miss).
var ruleCases = []ruleCase{
	{name: "cr001-bad", rule: "CR001", fires: true, edits: []edit{{fManual, "version: \"1\"", "version: [1"}}},
	{name: "cr002-bad", rule: "CR002", fires: true, edits: []edit{{fPlaybook, "    owner: spokesperson\n    deadline: 2h", "    ownr: spokesperson\n    deadline: 2h"}}},
	{name: "cr003-bad", rule: "CR003", fires: true, edits: []edit{{fPlaybook, "deadline: 2h", "deadline: soon"}}},
	{name: "cr004-bad", rule: "CR004", fires: true, edits: []edit{{fPlaybook, "  - id: all-clear", "  - id: holding"}}},
	{name: "cr005-bad", rule: "CR005", fires: true, edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-pgae]"}}},
	{name: "cr006-bad", rule: "CR006", fires: true, edits: []edit{{fPlaybook, "    owner: spokesperson\n    deadline: 2h", "    deadline: 2h"}}},
	{name: "cr007-bad", rule: "CR007", fires: true, edits: []edit{{fManual, "approved_by: [ceo]", "approved_by: &board [ceo]\n  review_by: *board"}}},
	{name: "cr008-bad", rule: "CR008", fires: true, edits: []edit{{fPlaybook, "crisis: 1", "crisis: 2"}}},

	{name: "cr101-bad", rule: "CR101", fires: true, edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-page, whatsapp]"}}},
	{name: "cr101-good", rule: "CR101", edits: []edit{{fPlaybook, "  channels: [facebook-page]", "  domains: [meta]"}}},
	{name: "cr102-bad", rule: "CR102", fires: true, edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-page, facebook-page]"}}},
	{name: "cr103-bad", rule: "CR103", fires: true, edits: []edit{{fPlaybook, "  customers: [status-page]\n", ""}}},
	{name: "cr103-good", rule: "CR103", edits: []edit{{fPlaybook, "  customers: [status-page]\n  staff: [sms-staff]\n", "  customers: [status-page]\n"}}},
	{name: "cr104-bad", rule: "CR104", fires: true, edits: []edit{{fManual, "audiences: [staff]", "audiences: [staff, customers]"}}},
	{name: "cr201-bad", rule: "CR201", fires: true, edits: []edit{{fManual, "    person: ceo\n    deputies: [ben]\n", "    person: ceo\n"}}},
	{name: "cr202-bad", rule: "CR202", fires: true, edits: []edit{{fManual, "    person: ceo\n    deputies: [ben]", "    person: ceo\n    deputies: [ceo, ben]"}}},
	{name: "cr203-bad", rule: "CR203", fires: true, edits: []edit{{fManual, `{via: phone, value: "3"}`, `{via: facebook, value: "3"}`}}},
	{name: "cr203-good", rule: "CR203", edits: []edit{{fManual, `{via: phone, value: "3"}`, `{via: whatsapp, value: "3"}`}}},
	{name: "cr301-bad", rule: "CR301", fires: true, edits: []edit{{fPL, "all-clear:\n  default:\n", "all-clear-old:\n  default:\n"}}},
	{name: "cr302-bad", rule: "CR302", fires: true, edits: []edit{{fEN, "holding:\n  default:", "holding:\n  x:"}}},
	{name: "cr303-bad", rule: "CR303", fires: true, edits: []edit{{fEN, "Follow {{.status_url}}.", "Follow us at {{.status_url}}."}}},
	{name: "cr303-nohash", rule: "CR303", fires: true, edits: []edit{{fPL, "  sms:\n    hash: ", "  sms:\n    x-hash: "}, {fPL, "x-hash: sha1-", "#"}}},
	{name: "cr304-bad", rule: "CR304", fires: true, edits: []edit{{fPL, "    few: \"Kolejna informacja za {{.update_minutes}} minuty.\"\n", ""}}},
	{name: "cr401-bad", rule: "CR401", fires: true, edits: []edit{{fEN, "{{.platform}} is down. Follow", "{{uper .platform}} is down. Follow"}}},
	{name: "cr402-bad", rule: "CR402", fires: true, edits: []edit{{fEN, "works again.\"", "works again at {{.shop_url}}.\""}}},
	{name: "cr403-bad", rule: "CR403", fires: true, edits: []edit{{fManual, "    max_length: 20\n", "    max_length: 20\n  - name: support_phone\n    description: Phone line\n    example: 900 100 200\n"}}},
	{name: "cr501-bad", rule: "CR501", fires: true, edits: []edit{{fEN, "is down. Use SMS.", "is down. " + longSMS}}},
	{name: "cr502-bad", rule: "CR502", fires: true, edits: []edit{{fEN, "is down. Use SMS.", "is down… Use SMS."}}},
	{name: "cr502-good", rule: "CR502", edits: []edit{{fPL, "nie dziala. SMS.", "nie działa. SMS."}}},
	{name: "cr601-bad", rule: "CR601", fires: true, edits: []edit{{fManual, "approved_by: [ceo]", "approved_by: []"}}},
	{name: "cr602-bad", rule: "CR602", fires: true, edits: []edit{{fManual, "approved_on: 2026-09-01", "approved_on: 2015-01-01"}}},
	{name: "cr701-bad", rule: "CR701", fires: true, edits: []edit{{fPlaybook, "deadline: 2h", "deadline: 5m"}}},
	{name: "cr702-bad", rule: "CR702", fires: true, edits: []edit{{fPlaybook, "deadline: 10m", "deadline: 20m"}}},
	{name: "cr702-good", rule: "CR702", edits: []edit{{fPlaybook, "deadline: 10m", "deadline: 20m"}, {fManual, "audiences:\n", "first_response: 30m\naudiences:\n"}}},
	{name: "cr703-bad", rule: "CR703", fires: true, edits: []edit{{fPlaybook, "kind: all-clear", "kind: action"}}},
	{name: "cr704-bad", rule: "CR704", fires: true, edits: []edit{{fPlaybook, "every: 30m", "every: 3h"}}},
	{name: "cr801-bad", rule: "CR801", fires: true, runs: map[string]string{"drills/other.json": `{"playbook": "other", "finished_at": "2026-10-01T10:00:00Z"}`}},
	{name: "cr801-good", rule: "CR801", runs: map[string]string{"drills/fb-down.json": `{"playbook": "fb-down", "finished_at": "2026-10-01T10:00:00Z"}`}},
	{name: "cr901-bad", rule: "CR901", fires: true, edits: []edit{{fPlaybook, "  customers: [status-page]", "  # crisis:ignore CR101\n  customers: [status-page, whatsapp]"}}},
	{name: "cr902-bad", rule: "CR902", fires: true, edits: []edit{{fPlaybook, "  staff: [sms-staff]", "  staff: [sms-staff] # crisis:ignore CR101 -- nothing to hide"}}},
	{name: "cr902-unknown", rule: "CR902", fires: true, edits: []edit{{fPlaybook, "  customers: [status-page]", "  # crisis:ignore CR1O1 -- typo\n  customers: [status-page, whatsapp]"}}},
	{name: "suppressed", rule: "CR101", edits: []edit{{fPlaybook, "  customers: [status-page]", "  # crisis:ignore CR101 -- BSP-hosted, outside Meta\n  customers: [status-page, whatsapp]"}}},
	{name: "suppressed-same-line", rule: "CR101", edits: []edit{{fPlaybook, "  customers: [status-page]", "  customers: [status-page, whatsapp] # crisis:ignore CR101 -- BSP-hosted"}}},
}
