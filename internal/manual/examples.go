package manual

import "github.com/crisis-cli/crisis/internal/lang"

// examples is a short, valid value for each required key, shown by the
// hint of a missing key so that the author sees the shape to write, not
// just the key's name. A key whose shape depends on where it stands is
// given as "what/key" (what as the decoder names the mapping); the plain
// key covers every other place. Ids are placeholders: they must name what
// the manual declares. TestMissingKeyExamples decodes each in place.
var examples = map[string]string{
	"crisis":               "1",
	"the manual/kind":      "manual",
	"a playbook/kind":      "playbook",
	"a channel/kind":       "whatsapp",
	"organisation":         `"Your company"`,
	"version":              `"1.0"`,
	"timezone":             "Europe/Madrid",
	"locales":              "{default: en, supported: [en, es]}",
	"default":              "en",
	"approval":             "{approved_by: [owner], approved_on: 2026-01-15, review_every: 180d}",
	"approved_by":          "[owner]",
	"approved_on":          "2026-01-15",
	"review_every":         "180d",
	"the manual/audiences": "[{id: customers, description: People who buy from us}]",
	"audiences":            "[customers]",
	"the manual/domains":   `[{id: meta, description: "Meta: Facebook, Instagram and WhatsApp"}]`,
	"the manual/channels":  "[{id: whatsapp, kind: whatsapp, name: WhatsApp, audiences: [customers], domain: meta}]",
	"channels":             "[status-page]",
	"roles":                "[{id: owner, title: Owner, person: ana-garcia}]",
	"people":               `[{id: ana-garcia, name: Ana García, contacts: [{via: phone, value: "+34 600 000 000"}]}]`,
	"id":                   "store-closure",
	"domain":               "meta",
	"person":               "ana-garcia",
	"name":                 "Ana García",
	"contacts":             `[{via: phone, value: "+34 600 000 000"}]`,
	"via":                  "phone",
	"value":                `"+34 600 000 000"`,
	"a variable/name":      "platform",
	"description":          "The platform that is down, as customers call it",
	"example":              "Facebook",
	"title":                "Facebook is down",
	"a step/title":         "Confirm the outage",
	"severity":             "high",
	"detection":            "Our page does not load for 10 minutes and the platform's status page confirms an outage",
	"down":                 "{channels: [facebook-page]}",
	"fallbacks":            "{customers: [email-customers, status-page]}",
	"spokesperson":         "ROLE-ID",
	"approver":             "ROLE-ID",
	"owner":                "ROLE-ID",
	"steps":                "[{id: confirm, title: Confirm the outage, owner: ROLE-ID, deadline: 5m}]",
	"deadline":             "15m",
	"message":              "MESSAGE-ID",
	"updates":              "{every: 60m, message: update, audiences: [customers], channels: [status-page]}",
	"every":                "60m",
	"at":                   "10m",
	"event":                "A customer asks on the phone whether orders still ship",
	"expect":               "The answer follows the holding statement",
}

// missingHint is the hint of a missing required key: the key with a value
// of the right shape.
func missingHint(what, key string) *lang.Error {
	ex, ok := examples[what+"/"+key]
	if !ok {
		ex, ok = examples[key]
	}
	if !ok {
		ex = "..."
	}
	return say("loader.missing-key.hint", args{"Key": key, "Example": ex})
}
