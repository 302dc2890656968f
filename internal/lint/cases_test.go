package lint

import (
	"slices"
	"strings"
)

// ruleCase is a manual that must (or must not) make a rule report.
type ruleCase struct {
	name  string // unique; also the folder under testdata/lint
	rule  string
	fires bool
	edits []edit
	runs  map[string]string // files of the drill records folder; nil: none

	// For a case that fires, where the finding must point and what it must
	// say, written by hand: at finds ctx (unique) in the built file and
	// points at tok inside it; says is a fragment of the message.
	at   anchor
	says string
	// otherErrors: the case also has error findings of other rules, so lint
	// exits 1 whatever this rule's severity.
	otherErrors bool
}

// anchor names a place in a built manual file by its text, so that the
// expected line and column are computed from the manual itself, never from
// the linter's output.
type anchor struct{ file, ctx, tok string }

// fPLBook is the Polish translation of the base playbook, plBook its
// complete text.
const fPLBook = "playbooks/fb-down.pl.yaml"

const plBook = `crisis: 1
kind: translation
hash: sha1-0f452ce682ef17fcd8e76773dd849fb95500865e
title: Facebook nie działa
detection: Strona się nie ładuje
steps:
  holding:
    hash: sha1-b2d03ec393ea7cf8c38736806698669ad0d72b0f
    title: Komunikat wstępny
  all-clear:
    hash: sha1-f3bc526e439b16d0ed47b1c4c646baab35cf967f
    title: Koniec awarii
`

// fPLManual translates the manual file's variables into Polish.
const fPLManual = "playbooks/manual.pl.yaml"

const plManual = `crisis: 1.1
kind: translation
variables:
  status_url:
    hash: sha1-0b52929d72482185e2e6257cce2db3c859c99ec0
    description: Gdzie śledzić
`

// plVars translates the base playbook's variable into Polish.
const plVars = `variables:
  platform:
    hash: sha1-d24b144c941f43012f78f4a41343bdd9afc18fad
    description: Co nie działa
`

// vars11 is the base manual in format 1.1 with every text translated into
// Polish, the variables' descriptions too.
var vars11 = append(slices.Clone(varsNoManual), edit{fPLManual, "", plManual})

// varsNoManual is vars11 without playbooks/manual.pl.yaml.
var varsNoManual = []edit{{fManual, "crisis: 1\n", "crisis: 1.1\n"}, pb11, {fPLBook, "", strings.Replace(plBook, "crisis: 1\n", "crisis: 1.1\n", 1) + plVars}}

// pb11 makes the base playbook a format 1.1 file.
var pb11 = edit{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"}

var longSMS = strings.Repeat("Go to the back office and wait for instructions. ", 4)

// ruleCases has, for every rule, a manual that triggers it and one that
// does not (the base manual, or a near miss).
var ruleCases = []ruleCase{
	{name: "cr001-bad", rule: "CR001", fires: true, edits: []edit{{fManual, "version: \"1\"", "version: [1"}}, at: anchor{fManual, "version: [1", "["}, says: `is not closed`},
	{name: "cr002-bad", rule: "CR002", fires: true, edits: []edit{{fPlaybook, "    owner: spokesperson\n    deadline: 2h", "    ownr: spokesperson\n    deadline: 2h"}}, at: anchor{fPlaybook, "ownr: spokesperson", "ownr"}, says: `unknown key "ownr"`},
	{name: "cr003-bad", rule: "CR003", fires: true, edits: []edit{{fPlaybook, "deadline: 2h", "deadline: soon"}}, at: anchor{fPlaybook, "deadline: soon", "soon"}, says: `"soon" is not a duration`},
	{name: "cr004-bad", rule: "CR004", fires: true, edits: []edit{{fPlaybook, "  - id: all-clear", "  - id: holding"}}, at: anchor{fPlaybook, "id: holding\n    title: All clear", "id"}, says: `step "holding" is declared twice`},
	{name: "cr005-bad", rule: "CR005", fires: true, edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-pgae]"}}, at: anchor{fPlaybook, "[status-pgae]", "status-pgae"}, says: `unknown channel "status-pgae"`},
	{name: "cr006-bad", rule: "CR006", fires: true, edits: []edit{{fPlaybook, "    owner: spokesperson\n    deadline: 2h", "    deadline: 2h"}}, at: anchor{fPlaybook, "- id: all-clear", "id"}, says: `missing required key "owner"`},
	{name: "cr007-bad", rule: "CR007", fires: true, edits: []edit{{fManual, "approved_by: [ceo]", "approved_by: &board [ceo]\n  review_by: *board"}}, at: anchor{fManual, "review_by: *board", "*board"}, says: `aliases`},
	{name: "cr008-bad", rule: "CR008", fires: true, edits: []edit{{fPlaybook, "crisis: 1", "crisis: 2"}}, at: anchor{fPlaybook, "crisis: 2", "2"}, says: `format version "2"`},

	{name: "cr003-max-length", rule: "CR003", fires: true, edits: []edit{{fManual, "max_length: 20", "max_length: 2000000000"}}, at: anchor{fManual, "max_length: 2000000000", "2000000000"}, says: `max_length 2000000000 is more than 2000 characters`},
	{name: "cr009-bad", rule: "CR009", fires: true, edits: []edit{{fEN, "{{.platform}} works again.\"", "{{.platform}} works again.\\e]0;all clear\\a\""}}, at: anchor{fEN, `other: "{{.platform}} works again.\e]0`, `"`}, says: `U+001B (escape) at character 27`},

	{name: "cr101-bad", rule: "CR101", fires: true, edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-page, whatsapp]"}}, at: anchor{fPlaybook, "[status-page, whatsapp]", "whatsapp"}, says: `whatsapp shares failure domain "meta" with facebook-page`},
	{name: "cr101-good", rule: "CR101", edits: []edit{{fPlaybook, "  channels: [facebook-page]", "  domains: [meta]"}}},
	{name: "cr102-bad", rule: "CR102", fires: true, edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-page, facebook-page]"}}, at: anchor{fPlaybook, "[status-page, facebook-page]", "facebook-page"}, says: `facebook-page is down`},
	{name: "cr103-bad", rule: "CR103", fires: true, edits: []edit{{fPlaybook, "  customers: [status-page]\n", ""}}, at: anchor{fPlaybook, "fallbacks:\n  staff", "staff"}, says: `audience customers loses facebook-page`},
	{name: "cr103-good", rule: "CR103", edits: []edit{{fPlaybook, "  customers: [status-page]\n  staff: [sms-staff]\n", "  customers: [status-page]\n"}}},
	{name: "cr104-bad", rule: "CR104", fires: true, edits: []edit{{fManual, "audiences: [staff]", "audiences: [staff, customers]"}}, at: anchor{fManual, "- id: staff\n    description: Employees", "id"}, says: `audience staff has no channel of its own`},
	{name: "cr105-bad", rule: "CR105", fires: true, edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: twillio, secret: {env: TWILIO_AUTH_TOKEN}, recipients: {path: /srv/staff.csv}}\nroles:"}}, at: anchor{fManual, "provider: twillio", "twillio"}, says: `unknown provider "twillio"`},
	{name: "cr105-drill", rule: "CR105", fires: true, edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: twilio, secret: {env: TWILIO_AUTH_TOKEN}, recipients: {path: /srv/staff.csv}, drill: {provider: webhok, url: https://drill.example, secret: {env: K}}}\nroles:"}}, at: anchor{fManual, "provider: webhok", "webhok"}, says: `drill target of channel sms-staff names unknown provider "webhok"`},
	{name: "cr105-good", rule: "CR105", edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: twilio, secret: {env: TWILIO_AUTH_TOKEN}, recipients: {path: /srv/staff.csv}}\nroles:"}}},
	{name: "cr106-bad", rule: "CR106", fires: true, edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: twilio, recipients: {path: /srv/staff.csv}}\nroles:"}}, at: anchor{fManual, "provider: twilio", "twilio"}, says: `has no secret reference`},
	{name: "cr106-no-list", rule: "CR106", fires: true, edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: twilio, secret: {file: /etc/crisis/twilio}}\nroles:"}}, at: anchor{fManual, "provider: twilio", "twilio"}, says: `to a recipient list, and names none`},
	{name: "cr106-whatsapp-template", rule: "CR106", fires: true, edits: []edit{{fManual, "roles:\n", "  - id: whatsapp-bsp\n    kind: whatsapp\n    audiences: [customers]\n    domain: telecom\n    owner: spokesperson\n    target: {provider: whatsapp, secret: {env: WA_TOKEN}, options: {phone_number_id: \"1\"}, recipients: {path: /srv/c.csv}}\nroles:\n"}}, at: anchor{fManual, "provider: whatsapp", "whatsapp"}, says: `names no approved template`},
	{name: "cr107-bad", rule: "CR107", fires: true, edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: slack, secret: {env: SLACK_WEBHOOK}}\nroles:"}}, at: anchor{fManual, "provider: slack", "slack"}, says: `slack, which cannot serve channels of kind sms`},
	{name: "cr107-webhook", rule: "CR107", edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: webhook, url: https://status.example/hook, secret: {env: HOOK_KEY}}\nroles:"}}},
	{name: "cr108-bad", rule: "CR108", fires: true, edits: []edit{{fPlaybook, "  channels: [facebook-page]", "  domains: [meta]"}, {fPlaybook, "customers: [status-page]", "customers: [status-page, whatsapp-bsp]"}, {fManual, "roles:\n", "  - id: whatsapp-bsp\n    kind: whatsapp\n    audiences: [customers]\n    domain: telecom\n    owner: spokesperson\n    target: {provider: whatsapp, secret: {env: WA_TOKEN}, options: {phone_number_id: \"1\", template: crisis_notice}, recipients: {path: /srv/c.csv}}\nroles:\n"}}, at: anchor{fPlaybook, "[status-page, whatsapp-bsp]", "whatsapp-bsp"}, says: `WhatsApp is down in this playbook`},
	{name: "cr108-good", rule: "CR108", edits: []edit{{fPlaybook, "customers: [status-page]", "customers: [status-page, whatsapp-bsp]"}, {fManual, "roles:\n", "  - id: whatsapp-bsp\n    kind: whatsapp\n    audiences: [customers]\n    domain: telecom\n    owner: spokesperson\n    target: {provider: whatsapp, secret: {env: WA_TOKEN}, options: {phone_number_id: \"1\", template: crisis_notice}, recipients: {path: /srv/c.csv}}\nroles:\n"}}},
	{name: "cr109-bad", rule: "CR109", fires: true, edits: []edit{{fPlaybook, "  channels: [facebook-page]", "  domains: [meta, hosting]"}, {fManual, "    kind: status-page\n    audiences: [customers]\n    domain: hosting\n", "    kind: status-page\n    audiences: [customers]\n    domain: telecom\n    target: {provider: statussite, url: \"file:///srv/status\", options: {domain: hosting}}\n"}}, at: anchor{fPlaybook, "customers: [status-page]", "status-page"}, says: `channel status-page publishes the status page to a store in failure domain hosting, which is down in this playbook`},
	{name: "cr109-good", rule: "CR109", edits: []edit{{fPlaybook, "  channels: [facebook-page]", "  domains: [meta]"}, {fManual, "    kind: status-page\n    audiences: [customers]\n    domain: hosting\n", "    kind: status-page\n    audiences: [customers]\n    domain: telecom\n    target: {provider: statussite, url: \"file:///srv/status\", options: {domain: hosting}}\n"}}},
	// Format 1.1: approval gates and facts known later.
	{name: "cr206-bad", rule: "CR206", fires: true, edits: []edit{pb11, {fPlaybook, "    deadline: 10m\n    announce:", "    deadline: 10m\n    approval: {roles: [spokesperson], two_person: true}\n    announce:"}}, at: anchor{fPlaybook, "two_person: true", "true"}, says: `the approval of step holding needs two people, and only 1 other than the sender`},
	{name: "cr206-good", rule: "CR206", edits: []edit{pb11, {fPlaybook, "    deadline: 10m\n    announce:", "    deadline: 10m\n    approval: {roles: [approver], two_person: true}\n    announce:"}}},
	{name: "cr207-bad", rule: "CR207", fires: true, edits: []edit{pb11, {fManual, "people:\n", "  - id: legal\n    title: Legal\n    person: ceo\npeople:\n"}, {fPlaybook, "    deadline: 10m\n    announce:", "    deadline: 10m\n    approval: {roles: [legal], escalate_after: 10m}\n    announce:"}}, at: anchor{fPlaybook, "escalate_after: 10m", "10m"}, says: `the approval of step holding escalates after a while, and none of its roles has a deputy`},
	{name: "cr207-good", rule: "CR207", edits: []edit{pb11, {fPlaybook, "    deadline: 10m\n    announce:", "    deadline: 10m\n    approval: {roles: [approver], escalate_after: 10m}\n    announce:"}}},
	{name: "cr208-bad", rule: "CR208", fires: true, edits: []edit{pb11, {fPlaybook, "  - id: all-clear\n", "  - id: notify\n    title: Notify the authority\n    kind: gate\n    owner: spokesperson\n    deadline: 72h\n    from: all-clear\n  - id: all-clear\n"}}, at: anchor{fPlaybook, "from: all-clear", "all-clear"}, says: `gate notify counts its deadline from all-clear, which is no step before it`},
	{name: "cr208-good", rule: "CR208", edits: []edit{pb11, {fPlaybook, "  - id: all-clear\n", "  - id: notify\n    title: Notify the authority\n    kind: gate\n    owner: spokesperson\n    deadline: 72h\n    from: holding\n  - id: all-clear\n"}}},
	{name: "cr420-bad", rule: "CR420", fires: true, edits: []edit{{fManual, "crisis: 1\n", "crisis: 1.1\n"}}, at: anchor{fEN, `other: "{{.platform}} is down. Follow`, `"`}, says: `holding.default prints the optional status_url outside {{if}} or {{with}}`},
	{name: "cr420-good", rule: "CR420", edits: []edit{{fManual, "crisis: 1\n", "crisis: 1.1\n"}, {fManual, "max_length: 20\n", "max_length: 20\n    required: true\n"}}},
	{name: "cr421-bad", rule: "CR421", fires: true, edits: []edit{pb11, {fPlaybook, "max_length: 10\n", "max_length: 10\n    known: later\n    by: holdng\n"}}, at: anchor{fPlaybook, "by: holdng", "holdng"}, says: `platform must be set by step holdng, and playbook fb-down has no such step`},
	{name: "cr421-good", rule: "CR421", edits: []edit{pb11, {fPlaybook, "max_length: 10\n", "max_length: 10\n    known: later\n    by: holding\n"}}},
	{name: "cr422-bad", rule: "CR422", fires: true, edits: []edit{pb11, {fPlaybook, "max_length: 10\n", "max_length: 10\n    known: later\n    by: all-clear\n"}}, at: anchor{fPlaybook, "- message: holding", "holding"}, says: `holding is announced in step holding and needs platform, which is set only by step all-clear`},
	{name: "cr422-good", rule: "CR422", edits: []edit{pb11, {fPlaybook, "max_length: 10\n", "max_length: 10\n    known: later\n    by: holding\n"}}},
	{name: "cr003-target-secret", rule: "CR003", fires: true, edits: []edit{{fManual, "    limit: 1\nroles:", "    limit: 1\n    target: {provider: twilio, secret: {env: T, file: /etc/t}, recipients: {path: /srv/staff.csv}}\nroles:"}}, at: anchor{fManual, "secret: {env: T,", "{"}, says: `names both an environment variable and a file`},
	{name: "cr201-bad", rule: "CR201", fires: true, edits: []edit{{fManual, "    person: ceo\n    deputies: [ben]\n", "    person: ceo\n"}}, at: anchor{fManual, "id: approver\n    title: Approves\n    person: ceo", "ceo"}, says: `role approver`},
	{name: "cr202-bad", rule: "CR202", fires: true, edits: []edit{{fManual, "    person: ceo\n    deputies: [ben]", "    person: ceo\n    deputies: [ceo, ben]"}}, at: anchor{fManual, "deputies: [ceo, ben]", "ceo"}, says: `deputy of their own role`},
	{name: "cr203-bad", rule: "CR203", fires: true, edits: []edit{{fManual, `{via: phone, value: "3"}`, `{via: facebook, value: "3"}`}}, at: anchor{fPlaybook, "approver: approver", "approver"}, says: `cannot be reached`},
	{name: "cr203-good", rule: "CR203", edits: []edit{{fManual, `{via: phone, value: "3"}`, `{via: whatsapp, value: "3"}`}}},
	{name: "cr301-bad", rule: "CR301", fires: true, edits: []edit{{fPL, "all-clear:\n  default:\n", "all-clear-old:\n  default:\n"}}, at: anchor{fEN, "all-clear:\n  default", "default"}, says: `has no pl text`},
	{name: "cr302-bad", rule: "CR302", fires: true, edits: []edit{{fEN, "holding:\n  default:", "holding:\n  x:"}}, at: anchor{fPlaybook, "message: holding\n        audiences: [customers]\n        channels: [status-page]", "status-page"}, says: `no status-page variant`},
	{name: "cr303-bad", rule: "CR303", fires: true, edits: []edit{{fEN, "Follow {{.status_url}}.", "Follow us at {{.status_url}}."}}, at: anchor{fPL, "holding:\n  default", "default"}, says: `is stale`},
	{name: "cr303-nohash", rule: "CR303", fires: true, edits: []edit{{fPL, "  sms:\n    hash: ", "  sms:\n    x-hash: "}, {fPL, "x-hash: sha1-", "#"}}, at: anchor{fPL, "staff-brief:\n  sms", "sms"}, says: `has no hash`},
	// Playbook translations: the base manual translates none, so CR306 is
	// silent on it; these cases add fb-down.pl.yaml (hashes by hand:
	// printf 'Facebook is down\0The page does not load\0' | sha1sum).
	{name: "cr306-good", rule: "CR306", edits: []edit{{fPLBook, "", plBook}}},
	{name: "cr306-step", rule: "CR306", fires: true, edits: []edit{{fPLBook, "", plBook}, {fPLBook, "  all-clear:\n    hash: sha1-f3bc526e439b16d0ed47b1c4c646baab35cf967f\n    title: Koniec awarii\n", ""}}, at: anchor{fPlaybook, "- id: all-clear", "id"}, says: `step all-clear has no pl text in playbooks/fb-down.pl.yaml`},
	{name: "cr306-file", rule: "CR306", fires: true, edits: []edit{{fPLBook, "", plBook}, {"playbooks/ig-down.yaml", "", strings.Replace(basePlaybook, "Facebook is down", "Instagram is down", 1)}}, at: anchor{"playbooks/ig-down.yaml", "title: Instagram", "Instagram"}, says: `playbook ig-down has no pl translation`},
	{name: "cr306-checklist", rule: "CR306", fires: true, edits: []edit{{fPLBook, "", plBook}, {fPlaybook, "    deadline: 10m\n", "    deadline: 10m\n    checklist: [Approver called]\n"}}, at: anchor{fPlaybook, "checklist: [Approver called]", "["}, says: `the checklist of step holding has 1 item, its pl text in playbooks/fb-down.pl.yaml has 0`},
	{name: "cr307-good", rule: "CR307", edits: []edit{{fPLBook, "", plBook}}},
	// Variables' descriptions (format 1.1): the playbook's in its
	// translation, the manual's in playbooks/manual.pl.yaml. Hashes by hand:
	// printf 'What is down\0' | sha1sum.
	{name: "cr306-vars-good", rule: "CR306", edits: vars11},
	{name: "cr306-vars-10", rule: "CR306", edits: []edit{{fPLBook, "", plBook}}}, // a 1.0 source: not asked
	{name: "cr306-variable", rule: "CR306", fires: true, edits: append(slices.Clone(vars11), edit{fPLBook, plVars, ""}), at: anchor{fPlaybook, "- name: platform", "name"}, says: `the description of variable platform has no pl text in playbooks/fb-down.pl.yaml`},
	{name: "cr306-manualfile", rule: "CR306", fires: true, edits: varsNoManual, at: anchor{fManual, "variables:\n  - name: status_url", "-"}, says: `variables have no pl descriptions: playbooks/manual.pl.yaml does not exist`},
	{name: "cr306-manualvar", rule: "CR306", fires: true, edits: append(slices.Clone(vars11), edit{fPLManual, "    description: Gdzie śledzić\n", ""}), at: anchor{fManual, "- name: status_url", "name"}, says: `the description of variable status_url has no pl text in playbooks/manual.pl.yaml`},
	{name: "cr307-vars-good", rule: "CR307", edits: vars11},
	{name: "cr307-variable", rule: "CR307", fires: true, edits: append(slices.Clone(vars11), edit{fPlaybook, "description: What is down", "description: What is not working"}), at: anchor{fPLBook, "  platform:", "platform"}, says: `the translation of the description of variable platform (pl) is stale`},
	{name: "cr307-manualvar", rule: "CR307", fires: true, edits: append(slices.Clone(vars11), edit{fPLManual, "    hash: sha1-0b52929d72482185e2e6257cce2db3c859c99ec0\n", ""}), at: anchor{fPLManual, "  status_url:", "status_url"}, says: `the translation of the description of variable status_url (pl) has no hash`},
	{name: "cr307-bad", rule: "CR307", fires: true, edits: []edit{{fPLBook, "", plBook}, {fPlaybook, "title: Holding message", "title: Holding msg"}}, at: anchor{fPLBook, "  holding:\n", "holding"}, says: `the translation of step holding (pl) is stale`},
	{name: "cr307-nohash", rule: "CR307", fires: true, edits: []edit{{fPLBook, "", plBook}, {fPLBook, "hash: sha1-0f452ce682ef17fcd8e76773dd849fb95500865e\n", ""}}, at: anchor{fPLBook, "title: Facebook nie", "Facebook"}, says: `the translation of the title and detection of fb-down (pl) has no hash`},
	{name: "cr304-bad", rule: "CR304", fires: true, edits: []edit{{fPL, "    few: \"Kolejna informacja za {{.update_minutes}} minuty.\"\n", ""}}, at: anchor{fPL, "update:\n  default", "default"}, says: `lacks plural forms few`},
	{name: "cr305-bad", rule: "CR305", fires: true, edits: []edit{{fManual, "  - id: status-page\n    kind: status-page\n    audiences: [customers]\n    domain: hosting\n    owner: spokesperson\n", "  - id: status-page\n    kind: status-page\n    audiences: [customers]\n    domain: hosting\n    owner: spokesperson\n    locales: [en, pt]\n"}}, at: anchor{fManual, "locales: [en, pt]", "pt"}, says: `channel status-page speaks "pt", which is not in locales.supported`},
	{name: "cr305-good", rule: "CR305", edits: []edit{{fManual, "  - id: status-page\n    kind: status-page\n    audiences: [customers]\n    domain: hosting\n    owner: spokesperson\n", "  - id: status-page\n    kind: status-page\n    audiences: [customers]\n    domain: hosting\n    owner: spokesperson\n    locales: [en, pl]\n"}}},
	// Markets (format 1.1): the manual says crisis: 1.1 and status_url is
	// a per-market fact.
	{name: "cr310-bad", rule: "CR310", fires: true, edits: markets11("  - id: es-es\n    name: España\n    locale: es-ES\n    timezone: Europe/Madrid\n    values: {status_url: status.example}\n"),
		at: anchor{fManual, "locale: es-ES", "es-ES"}, says: `market es-es reads "es-ES", and locales.supported has no es texts`},
	{name: "cr310-good", rule: "CR310", edits: markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: pl-pl\n    name: Polska\n    locale: pl\n    timezone: Europe/Warsaw\n    values: {status_url: status.example}\n")},
	{name: "cr311-bad", rule: "CR311", fires: true, edits: markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: pl-pl\n    name: Polska\n    locale: pl-PL\n    timezone: Europe/Warsaw\n    values: {status-url: status.example/pl}\n"),
		at: anchor{fManual, "values: {status-url", "{"}, says: `market pl-pl gives no value for status_url, which each market must give (per_market)`, otherErrors: true},
	{name: "cr311-no-values", rule: "CR311", fires: true, edits: markets11("  - id: pl-pl\n    name: Polska\n    locale: pl-PL\n    timezone: Europe/Warsaw\n"),
		at: anchor{fManual, "- id: pl-pl", "id"}, says: `market pl-pl gives no value for status_url`},
	{name: "cr311-good", rule: "CR311", edits: markets11("  - id: pl-pl\n    name: Polska\n    locale: pl-PL\n    timezone: Europe/Warsaw\n    values: {status_url: status.example/pl}\n")},
	{name: "cr312-bad", rule: "CR312", fires: true, edits: markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: ie\n    name: Ireland\n    locale: en-IE\n    timezone: Europe/Dublin\n    values: {status_url: status.example/ie}\n"),
		at: anchor{fManual, "- id: status-page", "id"}, says: `channel status-page reaches uk, ie in en, which differ in status_url, used by message holding`},
	// The same facts as cr312-bad, each market on a channel of its own.
	{name: "cr312-split", rule: "CR312", edits: append(markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: ie\n    name: Ireland\n    locale: en-IE\n    timezone: Europe/Dublin\n    values: {status_url: status.example/ie}\n"),
		edit{fManual, "    domain: hosting\n    owner: spokesperson\n", "    domain: hosting\n    owner: spokesperson\n    markets: [uk]\n"})},
	// Markets that differ but read different languages: each reads its own text.
	{name: "cr312-good", rule: "CR312", edits: markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: pl-pl\n    name: Polska\n    locale: pl-PL\n    timezone: Europe/Warsaw\n    values: {status_url: status.example/pl}\n")},
	{name: "cr401-bad", rule: "CR401", fires: true, edits: []edit{{fEN, "{{.platform}} is down. Follow", "{{uper .platform}} is down. Follow"}}, at: anchor{fEN, `other: "{{uper`, `{{uper`}, says: `function "uper" is not available in messages: did you mean "upper"?`},
	{name: "cr401-range", rule: "CR401", fires: true, edits: []edit{{fEN, "works again.\"", "works again.{{range 1000000000}}!{{end}}\""}}, at: anchor{fEN, "again.{{range", "{{range"}, says: `{{range}} is not available`},
	{name: "cr401-template", rule: "CR401", fires: true, edits: []edit{{fEN, "works again.\"", "works again.{{template \\\"nope\\\"}}\""}}, at: anchor{fEN, "again.{{template", "{{template"}, says: `{{template "nope"}} is not available`},
	{name: "cr402-bad", rule: "CR402", fires: true, edits: []edit{{fEN, "works again.\"", "works again at {{.shop_url}}.\""}}, at: anchor{fPlaybook, "- message: all-clear", "all-clear"}, says: `{{.shop_url}}`},
	{name: "cr403-bad", rule: "CR403", fires: true, edits: []edit{{fManual, "    max_length: 20\n", "    max_length: 20\n  - name: support_phone\n    description: Phone line\n    example: 900 100 200\n"}}, at: anchor{fManual, "name: support_phone", "name"}, says: `support_phone is declared`},
	{name: "cr404-bad", rule: "CR404", fires: true, edits: []edit{{fEN, "in {{.update_minutes}} minutes.", "in {{upper .update_minutes}} minutes."}}, at: anchor{fEN, "in {{upper .update_minutes}}", "{{upper"}, says: `.update_minutes is a count, a number, not text: write {{.update_minutes}} without a function`},
	{name: "cr405-bad", rule: "CR405", fires: true, edits: []edit{{fPlaybook, "example: Facebook\n    max_length: 10", "example: Facebook Messenger\n    max_length: 10"}}, at: anchor{fPlaybook, "- name: platform", "name"}, says: `the example of variable platform is not a value it accepts: platform="Facebook Messenger": 18 characters, but at most 10`},
	{name: "cr405-datetime", rule: "CR405", fires: true, edits: []edit{{fPlaybook, "example: Facebook\n    max_length: 10", "example: \"3/12 2:00\"\n    type: datetime"}}, at: anchor{fPlaybook, "- name: platform", "name"}, says: `the example of variable platform is not a value it accepts: platform="3/12 2:00": a datetime is a day and a clock time such as 2026-12-03 02:00`},
	{name: "cr501-bad", rule: "CR501", fires: true, edits: []edit{{fEN, "is down. Use SMS.", "is down. " + longSMS}}, at: anchor{fPlaybook, "channels: [sms-staff]", "sms-staff"}, says: `does not fit`},
	// holding cannot be measured (status_url's example is not a count), staff-brief still is.
	// A text read in two markets names both values: it fits with every
	// value at its longest, and not as the markets read it.
	{name: "cr501-market-bad", rule: "CR501", fires: true, edits: append(markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: ie\n    name: Ireland\n    locale: en-IE\n    timezone: Europe/Dublin\n    values: {status_url: status.example/ie}\n"),
		edit{fManual, "    domain: hosting\n    owner: spokesperson\n", "    domain: hosting\n    owner: spokesperson\n    limit: 60\n"}),
		at: anchor{fPlaybook, "message: holding\n        audiences: [customers]\n        channels: [status-page]", "status-page"}, says: `holding on status-page in en does not fit: 89 characters, limit 60, as read in uk, ie`},
	{name: "cr501-market-good", rule: "CR501", edits: append(markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n"),
		edit{fManual, "    domain: hosting\n    owner: spokesperson\n", "    domain: hosting\n    owner: spokesperson\n    limit: 60\n"})},
	{name: "cr501-other-value-bad", rule: "CR501", fires: true, otherErrors: true, edits: []edit{{fEN, "is down. Use SMS.", "is down. " + longSMS}, {fManual, "    example: status.example\n", "    type: count\n    example: status.example\n"}}, at: anchor{fPlaybook, "channels: [sms-staff]", "sms-staff"}, says: `staff-brief on sms-staff in en does not fit`},
	{name: "cr502-bad", rule: "CR502", fires: true, edits: []edit{{fEN, "is down. Use SMS.", "is down… Use SMS."}}, at: anchor{fEN, "down… Use", "…"}, says: `forces the whole SMS into UCS-2`},
	{name: "cr502-good", rule: "CR502", edits: []edit{{fPL, "nie dziala. SMS.", "nie działa. SMS."}}},
	{name: "cr601-bad", rule: "CR601", fires: true, edits: []edit{{fManual, "approved_by: [ceo]", "approved_by: []"}}, at: anchor{fManual, "approved_by: []", "["}, says: `approved by nobody`},
	{name: "cr602-bad", rule: "CR602", fires: true, edits: []edit{{fManual, "approved_on: 2026-09-01", "approved_on: 2015-01-01"}}, at: anchor{fManual, "approved_on: 2015-01-01", "2015"}, says: `expired`},
	{name: "cr701-bad", rule: "CR701", fires: true, edits: []edit{{fPlaybook, "deadline: 2h", "deadline: 5m"}}, at: anchor{fPlaybook, "deadline: 5m", "5m"}, says: `before step holding`},
	{name: "cr702-bad", rule: "CR702", fires: true, edits: []edit{{fPlaybook, "deadline: 10m", "deadline: 20m"}}, at: anchor{fPlaybook, "deadline: 20m", "20m"}, says: `after the first response time`},
	{name: "cr702-good", rule: "CR702", edits: []edit{{fPlaybook, "deadline: 10m", "deadline: 20m"}, {fManual, "audiences:\n", "first_response: 30m\naudiences:\n"}}},
	{name: "cr703-bad", rule: "CR703", fires: true, edits: []edit{{fPlaybook, "kind: all-clear", "kind: action"}}, at: anchor{fPlaybook, "steps:\n  - id", "-"}, says: `no all-clear step`},
	{name: "cr704-bad", rule: "CR704", fires: true, edits: []edit{{fPlaybook, "every: 30m", "every: 3h"}}, at: anchor{fPlaybook, "every: 3h", "every"}, says: `no update would go out`},
	{name: "cr801-bad", rule: "CR801", fires: true, runs: map[string]string{"other.json": `{"playbook": "other", "finished_at": "2026-10-01T10:00:00Z"}`}, at: anchor{fPlaybook, "crisis: 1", "crisis"}, says: `never been rehearsed`},
	{name: "cr802-bad", rule: "CR802", fires: true, edits: []edit{{fPlaybook, "updates:\n", "drill:\n  injects:\n    - at: 3m\n      event: A customer asks\n      expect: A reply\n      respond: reply\n      message: staff-brief\nupdates:\n"}}, at: anchor{fPlaybook, "message: staff-brief\nupdates", "staff-brief"}, says: `inject at 3m: staff-brief has no default text in en`},
	{name: "cr801-unattended", rule: "CR801", fires: true, runs: map[string]string{"fb-down.json": `{"playbook": "fb-down", "finished_at": "2026-10-01T10:00:00Z", "unattended": true}`}, at: anchor{fPlaybook, "crisis: 1", "crisis"}, says: `only drilled unattended`},
	{name: "cr801-good", rule: "CR801", runs: map[string]string{"fb-down.json": `{"playbook": "fb-down", "finished_at": "2026-10-01T10:00:00Z"}`}},
	{name: "cr901-bad", rule: "CR901", fires: true, edits: []edit{{fPlaybook, "  customers: [status-page]", "  # crisis:ignore CR101\n  customers: [status-page, whatsapp]"}}, at: anchor{fPlaybook, "# crisis:ignore CR101\n", "#"}, says: `without a reason`},
	{name: "cr902-bad", rule: "CR902", fires: true, edits: []edit{{fPlaybook, "  staff: [sms-staff]", "  staff: [sms-staff] # crisis:ignore CR101 -- nothing to hide"}}, at: anchor{fPlaybook, "# crisis:ignore CR101 -- nothing", "#"}, says: `suppresses nothing`},
	{name: "cr902-unknown", rule: "CR902", fires: true, edits: []edit{{fPlaybook, "  customers: [status-page]", "  # crisis:ignore CR1O1 -- typo\n  customers: [status-page, whatsapp]"}}, at: anchor{fPlaybook, "# crisis:ignore CR1O1", "#"}, says: `unknown rule CR1O1`, otherErrors: true},
	{name: "suppressed", rule: "CR101", edits: []edit{{fPlaybook, "  customers: [status-page]", "  # crisis:ignore CR101 -- BSP-hosted, outside Meta\n  customers: [status-page, whatsapp]"}}},
	{name: "suppressed-same-line", rule: "CR101", edits: []edit{{fPlaybook, "  customers: [status-page]", "  customers: [status-page, whatsapp] # crisis:ignore CR101 -- BSP-hosted"}}},
}

// markets11 are the edits making the base manual format 1.1 with status_url
// a per-market fact and the markets given, as YAML list items.
func markets11(markets string) []edit {
	return []edit{
		{fManual, "crisis: 1\nkind: manual", "crisis: 1.1\nkind: manual"},
		{fManual, "    max_length: 20\n", "    max_length: 20\n    per_market: true\nmarkets:\n" + markets},
	}
}
