package lint

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// Cases of the rules on audience visibility, e-mail subjects, drill marks
// and replies; positions and messages written by hand.

// to11 makes the base manual format 1.1 with staff an internal audience.
var to11 = []edit{
	{fManual, "crisis: 1\n", "crisis: 1.1\n"},
	{fManual, "  - id: staff\n    description: Employees\n", "  - id: staff\n    description: Employees\n    visibility: internal\n"},
}

const emailChannel = "  - id: email-customers\n    kind: email\n    audiences: [customers]\n    domain: hosting\n    owner: spokesperson\nroles:\n"

const replyOrderEN = "Your order is safe. Next update at {{.next_update}}."

// plHash is the hash a pl translation carries of its en source.
func plHash(desc, other string) string {
	return fmt.Sprintf("sha1-%x", sha1.Sum([]byte(desc+other)))
}

// inboxWithReply makes the base manual and playbook 1.1 with an inbox
// step whose reply, apology, says en in English (and something short in
// Polish), on the playbook's one public channel, status-page (1000
// characters): staff are internal, so their SMS list is not one.
func inboxWithReply(en string) []edit {
	return []edit{to11[0], to11[1],
		{fManual, "variables:\n", "replies:\n  - {id: apology, message: reply-apology}\nvariables:\n"},
		{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"}, {fPlaybook, "    deadline: 2h\n", "    deadline: 2h\n    replies: [apology]\n"},
		{fEN, "update:\n", "reply-apology:\n  default:\n    description: Sorry\n    other: \"" + en + "\"\nupdate:\n"},
		{fPL, "update:\n", "reply-apology:\n  default:\n    hash: " + plHash("Sorry", en) + "\n    other: \"Przepraszamy.\"\nupdate:\n"}}
}

func init() {
	ruleCases = append(ruleCases,
		ruleCase{name: "cr110-kind", rule: "CR110", fires: true, otherErrors: true,
			edits: append(to11[:2:2], edit{fPlaybook, "        channels: [sms-staff]", "        channels: [sms-staff, status-page]"}),
			at:    anchor{fPlaybook, "[sms-staff, status-page]", "status-page"},
			says:  `staff-brief is for internal audience staff and is announced on status-page, a status-page channel anyone can read`},
		ruleCase{name: "cr110-audience", rule: "CR110", fires: true,
			edits: append(to11[:2:2], edit{fManual, "    audiences: [staff]\n", "    audiences: [staff, customers]\n"}),
			at:    anchor{fPlaybook, "channels: [sms-staff]", "sms-staff"},
			says:  `staff-brief is for internal audience staff and is announced on sms-staff, which also reaches public audience customers`},
		// staff internal, its brief on its own SMS list only.
		ruleCase{name: "cr110-good", rule: "CR110", edits: to11},
		// A 1.0 audience is public: staff sharing a channel with customers
		// is CR104's, not this rule's.
		ruleCase{name: "cr110-public", rule: "CR110",
			edits: []edit{{fManual, "    audiences: [staff]\n", "    audiences: [staff, customers]\n"}}},

		ruleCase{name: "cr406-variant", rule: "CR406", fires: true, otherErrors: true,
			edits: []edit{{fEN, "holding:\n  default:", "holding:\n  email:\n    other: \"Mail\"\n  default:"}},
			at:    anchor{fEN, "holding:\n  email:", "email"},
			says:  `the email text of holding in en has no subject`},
		ruleCase{name: "cr406-generic", rule: "CR406", fires: true,
			edits: []edit{{fManual, "roles:\n", emailChannel},
				{fPlaybook, "customers: [status-page]", "customers: [status-page, email-customers]"},
				{fPlaybook, "        channels: [status-page]\n      - message: staff-brief", "        channels: [status-page, email-customers]\n      - message: staff-brief"}},
			at:   anchor{fPlaybook, "        channels: [status-page, email-customers]", "email-customers"},
			says: `holding is sent on e-mail channel email-customers with no email variant in en: it goes out without a subject`},
		ruleCase{name: "cr406-good", rule: "CR406", otherErrors: true,
			edits: []edit{{fManual, "roles:\n", emailChannel},
				{fPlaybook, "customers: [status-page]", "customers: [status-page, email-customers]"},
				{fPlaybook, "        channels: [status-page]\n      - message: staff-brief", "        channels: [status-page, email-customers]\n      - message: staff-brief"},
				{fEN, "holding:\n  default:", "holding:\n  email:\n    subject:\n      other: \"Facebook is down\"\n    body:\n      other: \"Mail\"\n  default:"}}},

		// 75 GSM-7 characters (platform at its 10) fit one segment of 160;
		// with "[ĆWICZENIA] " (12) the SMS is UCS-2: 87 units, 70 a segment.
		ruleCase{name: "cr503-bad", rule: "CR503", fires: true,
			edits: []edit{{fPL, "nie dziala. SMS.", "nie dziala. Idzcie na zaplecze i czekajcie na kierownika zmiany."}},
			at:    anchor{fPlaybook, "channels: [sms-staff]", "sms-staff"},
			says:  `staff-brief on sms-staff in pl fits, but not with the drill mark [ĆWICZENIA]: 87 UTF-16 units, limit 70 (2 segments in UCS-2, 1 allowed)`},
		// The same text with two segments allowed: 87 UTF-16 units fit 134.
		ruleCase{name: "cr503-good", rule: "CR503",
			edits: []edit{{fPL, "nie dziala. SMS.", "nie dziala. Idzcie na zaplecze i czekajcie na kierownika zmiany."},
				{fManual, "    limit: 1\n", "    limit: 2\n"}}},

		ruleCase{name: "cr803-bad", rule: "CR803", fires: true,
			edits: []edit{{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"}},
			at:    anchor{fPlaybook, "fallbacks:\n  customers", "customers"},
			says:  `playbook fb-down reaches public audience customers and has no inbox step`},
		ruleCase{name: "cr803-good", rule: "CR803",
			edits: []edit{{fManual, "crisis: 1\n", "crisis: 1.1\n"}, {fManual, "variables:\n", "replies:\n  - {id: apology, message: holding, description: Sorry}\nvariables:\n"},
				{fPlaybook, "crisis: 1\n", "crisis: 1.1\n"}, {fPlaybook, "    deadline: 2h\n", "    deadline: 2h\n    replies: [apology]\n"}}},

		ruleCase{name: "cr804-bad", rule: "CR804", fires: true, edits: inboxWithReply(strings.Repeat("We are sorry. ", 80)),
			at:   anchor{fPlaybook, "replies: [apology]", "apology"},
			says: `reply apology (reply-apology) does not fit status-page in en: 1120 characters, limit 1000`},
		ruleCase{name: "cr804-good", rule: "CR804", edits: inboxWithReply("We are sorry: {{.platform}} is down. We write again at {{.next_update}}.")},

		// A reply inject promising the next update renders as the drill
		// drafts it: next_update is filled in, so CR802 stays silent.
		ruleCase{name: "cr802-next-update", rule: "CR802",
			edits: []edit{{fPlaybook, "updates:\n", "drill:\n  injects:\n    - at: 3m\n      event: A customer asks\n      expect: A reply\n      respond: reply\n      message: reply-order\nupdates:\n"},
				{fEN, "update:\n", "reply-order:\n  default:\n    description: Reply\n    other: \"" + replyOrderEN + "\"\nupdate:\n"},
				{fPL, "update:\n", "reply-order:\n  default:\n    hash: " + plHash("Reply", replyOrderEN) + "\n    other: \"Zamowienie jest bezpieczne. Kolejna informacja o {{.next_update}}.\"\nupdate:\n"}}},
	)
}

// TestRepliesFindingsInTheReadersLanguage: findings of these rules as a
// Spanish, Polish and Portuguese reader gets them, written by hand.
func TestRepliesFindingsInTheReadersLanguage(t *testing.T) {
	checkInReadersLanguage(t, []readerFinding{
		{"cr110-kind", language.Spanish, "staff-brief es para el público interno staff y se anuncia en status-page, un canal status-page que cualquiera puede leer",
			"anunciar staff-brief en un canal que solo lea staff, o escribir un mensaje público para el canal público"},
		{"cr110-audience", language.Polish, "wiadomość staff-brief jest dla odbiorców wewnętrznych staff, a ogłaszana jest w kanale sms-staff, który dociera też do odbiorców publicznych customers",
			"ogłoś staff-brief w kanale, który czytają tylko staff, albo napisz publiczny komunikat dla kanału publicznego"},
		{"cr406-variant", language.Portuguese, "o texto email de holding em en não tem assunto",
			"escreva-o como email: {subject: ..., body: ...} no ficheiro de mensagens de en"},
		{"cr503-bad", language.Polish, "staff-brief mieści się w sms-staff (pl), ale nie z oznaczeniem ćwiczeń [ĆWICZENIA]: 87 UTF-16 units, limit 70 (2 segments in UCS-2, 1 allowed)",
			"skróć tekst pl wiadomości staff-brief (lub jej wariant sms), aby zmieściło się [ĆWICZENIA], albo zwiększ limit kanału"},
		{"cr804-bad", language.Portuguese, "a resposta apology (reply-apology) não cabe em status-page em en: 1120 characters, limit 1000",
			"encurte o texto en de reply-apology ou dê-lhe uma variante status-page que caiba"},
		{"cr803-bad", language.Spanish, "el protocolo fb-down llega al público customers y no tiene paso de bandeja de entrada",
			"añadir un paso con replies: [...] de la biblioteca de respuestas del manual, a cargo de quien atiende a los clientes"},
	})
}
