package lint

// Regional catalogues (format 1.1 markets): templates/en-GB.yaml holds the
// texts that differ for the United Kingdom's readers; every other text is
// en's.
const fGB = "templates/en-GB.yaml"

// ukMarket is the base manual with one market, the United Kingdom, reading
// en-GB.
var ukMarket = markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n")

// withGB is ukMarket with en-GB.yaml holding text.
func withGB(text string) []edit {
	return append(append([]edit{}, ukMarket...), edit{fGB, "", text})
}

// gbHolding replaces en's holding text for the United Kingdom, with no hash:
// a regional text is not a translation.
const gbHolding = "holding:\n  default:\n    other: \"{{.platform}} is down. Follow {{.status_url}} for updates.\"\n"

// enEmail gives en's all-clear an e-mail with a subject and a body.
var enEmail = edit{fEN, "all-clear:\n  default:\n", "all-clear:\n  email:\n    subject:\n      other: \"{{.platform}} works again\"\n    body:\n      other: \"{{.platform}} works again.\"\n  default:\n"}

func init() {
	ruleCases = append(ruleCases,
		ruleCase{name: "cr320-bad", rule: "CR320", fires: true, edits: withGB("holdin:\n  default:\n    other: \"{{.platform}} is down.\"\n"),
			at: anchor{fGB, "holdin:\n  default", "default"}, says: `regional text holdin.default (en-GB) replaces no en text: the en messages have no holdin.default`},
		// A variant the base file lacks for that message: en has
		// staff-brief.sms alone.
		ruleCase{name: "cr320-variant", rule: "CR320", fires: true, edits: withGB("staff-brief:\n  default:\n    other: \"{{.platform}} is down.\"\n"),
			at: anchor{fGB, "staff-brief:\n  default", "default"}, says: `regional text staff-brief.default (en-GB) replaces no en text`},
		ruleCase{name: "cr320-good", rule: "CR320", edits: withGB(gbHolding)},
		ruleCase{name: "cr321-bad", rule: "CR321", fires: true, edits: append(append([]edit{}, ukMarket...), edit{"templates/en-IE.yaml", "", gbHolding}),
			at: anchor{"templates/en-IE.yaml", "holding:", "holding"}, says: `templates/en-IE.yaml holds regional texts for en-IE, which no market reads`},
		// A manual without markets: no reader reads under any full tag.
		ruleCase{name: "cr321-no-markets", rule: "CR321", fires: true, edits: []edit{{fGB, "", gbHolding}},
			at: anchor{fGB, "holding:", "holding"}, says: `templates/en-GB.yaml holds regional texts for en-GB, which no market reads`},
		ruleCase{name: "cr321-good", rule: "CR321", edits: withGB(gbHolding)},
		// The status page reaches the United Kingdom and Ireland: one text
		// for both, en's.
		ruleCase{name: "cr322-bad", rule: "CR322", fires: true,
			edits: append(markets11("  - id: uk\n    name: United Kingdom\n    locale: en-GB\n    timezone: Europe/London\n    values: {status_url: status.example}\n  - id: ie\n    name: Ireland\n    locale: en-IE\n    timezone: Europe/Dublin\n    values: {status_url: status.example}\n"),
				edit{fGB, "", gbHolding}),
			at: anchor{fGB, "holding:\n  default", "default"}, says: `no reader takes regional text holding.default (en-GB): no channel gives it to uk`},
		// en's sms text comes before en-GB's generic one on the staff SMS.
		ruleCase{name: "cr322-shadowed", rule: "CR322", fires: true,
			edits: append(withGB("staff-brief:\n  default:\n    other: \"{{.platform}} is down.\"\n"),
				edit{fEN, "staff-brief:\n  sms:\n", "staff-brief:\n  default:\n    other: \"{{.platform}} is down.\"\n  sms:\n"}),
			at: anchor{fGB, "staff-brief:\n  default", "default"}, says: `no reader takes regional text staff-brief.default (en-GB): no channel gives it to uk`},
		ruleCase{name: "cr322-good", rule: "CR322", edits: withGB(gbHolding)},
		// A regional text needs no hash (CR303), no variant for every
		// channel (CR302), nor a place in locales.supported (CR005).
		ruleCase{name: "cr303-regional-good", rule: "CR303", edits: withGB(gbHolding)},
		ruleCase{name: "cr302-regional-good", rule: "CR302", edits: withGB(gbHolding)},
		ruleCase{name: "cr005-regional-good", rule: "CR005", edits: withGB(gbHolding)},
		// It keeps every text's rules: the plural forms of its own tag,
		// the declared variables, the channel's limit as its market
		// reads it.
		ruleCase{name: "cr304-regional-bad", rule: "CR304", fires: true, edits: withGB("update:\n  default:\n    other: \"Still down. Next update in {{.update_minutes}} minutes.\"\n"),
			at: anchor{fGB, "update:\n  default", "default"}, says: `update.default (en-GB) lacks plural forms one`},
		// en's update is plural: en-GB's, though it names no count, is
		// given the same and needs the same forms.
		ruleCase{name: "cr304-regional-base", rule: "CR304", fires: true, edits: withGB("update:\n  default:\n    other: \"Still down. We post again soon.\"\n"),
			at: anchor{fGB, "update:\n  default", "default"}, says: `update.default (en-GB) lacks plural forms one`},
		ruleCase{name: "cr304-regional-good", rule: "CR304", edits: withGB("update:\n  default:\n    one: \"Still down. We post again soon.\"\n    other: \"Still down. We post again soon.\"\n")},
		ruleCase{name: "cr402-regional-bad", rule: "CR402", fires: true, edits: withGB("holding:\n  default:\n    other: \"{{.platform}} is down. Call {{.uk_phone}}.\"\n"),
			at: anchor{fPlaybook, "- message: holding", "holding"}, says: `{{.uk_phone}}`},
		// 92 characters as the United Kingdom reads it: platform at its
		// longest (10), " is down. Follow " (17), uk's status_url (14) and
		// the 51 after it; en's own text fits.
		ruleCase{name: "cr501-regional-bad", rule: "CR501", fires: true,
			edits: append(withGB("holding:\n  default:\n    other: \"{{.platform}} is down. Follow {{.status_url}}, where we post every update as soon as we have it.\"\n"),
				edit{fManual, "    domain: hosting\n    owner: spokesperson\n", "    domain: hosting\n    owner: spokesperson\n    limit: 60\n"}),
			at:   anchor{fPlaybook, "message: holding\n        audiences: [customers]\n        channels: [status-page]", "status-page"},
			says: `holding on status-page in en does not fit: 92 characters, limit 60, as read in uk`},
		// The staff SMS as the United Kingdom reads it: platform at its
		// longest (10) and 144 more, 154 of the segment's 160 septets;
		// "[DRILL] " adds 10 (the brackets are GSM-7 escapes, two septets
		// each): 164, two segments where one is allowed.
		ruleCase{name: "cr503-regional-bad", rule: "CR503", fires: true, edits: withGB("staff-brief:\n  sms:\n    other: \"{{.platform}} is down. Staff: use this SMS list and the office phone; customers go to the status page. Tell nobody outside; press calls go to the office now!\"\n"),
			at: anchor{fPlaybook, "channels: [sms-staff]", "sms-staff"}, says: `staff-brief on sms-staff in en fits, but not with the drill mark [DRILL]: 164 GSM-7 septets, limit 160 (2 segments in GSM-7, 1 allowed), as read in uk`},
		ruleCase{name: "cr503-regional-good", rule: "CR503", edits: withGB("staff-brief:\n  sms:\n    other: \"{{.platform}} is down. Staff: use this SMS list and the office phone.\"\n")},
		// A regional e-mail body takes its base's subject; a regional
		// e-mail in one text has none.
		ruleCase{name: "cr406-regional-good", rule: "CR406", edits: append(withGB("all-clear:\n  email:\n    body:\n      other: \"{{.platform}} is working again.\"\n"), enEmail)},
		ruleCase{name: "cr406-regional-bad", rule: "CR406", fires: true, otherErrors: true, edits: append(withGB("all-clear:\n  email:\n    other: \"{{.platform}} is working again.\"\n"), enEmail),
			at: anchor{fGB, "all-clear:\n  email", "email"}, says: `the email text of all-clear in en-GB has no subject`},
		// en-GB's generic staff brief, with a non-GSM "…": the staff SMS
		// take en's sms text, which comes first, so it is no SMS text; one
		// of en-GB's own sms texts is.
		ruleCase{name: "cr502-regional-good", rule: "CR502", edits: append(withGB("staff-brief:\n  default:\n    other: \"{{.platform}} is down… Use SMS.\"\n"),
			edit{fEN, "staff-brief:\n  sms:\n", "staff-brief:\n  default:\n    other: \"{{.platform}} is down.\"\n  sms:\n"})},
		ruleCase{name: "cr502-regional-bad", rule: "CR502", fires: true, edits: withGB("staff-brief:\n  sms:\n    other: \"{{.platform}} is down… Use SMS.\"\n"),
			at: anchor{fGB, "down… Use", "…"}, says: `forces the whole SMS into UCS-2`},
		ruleCase{name: "cr501-regional-good", rule: "CR501",
			edits: append(withGB(gbHolding), edit{fManual, "    domain: hosting\n    owner: spokesperson\n", "    domain: hosting\n    owner: spokesperson\n    limit: 60\n"})},
	)
}
