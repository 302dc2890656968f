package scaffold

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// texts is everything a new manual says in one language: the comments that
// explain each part of the files, the values a person reads (titles,
// instructions, descriptions), and the messages. Each language is written
// as a native speaker would write it, not translated word for word.
type texts struct {
	// Comments in manual.yaml.
	manualHeader, cApproval, cLocales, cAudiences, cDomains, cChannels, cRoles, cPeople string
	// Comments in playbooks, the message files and .crisis.yaml.
	playbookHeader, cDetection, cDown, cFallbacks, cLeads, cSteps, cUpdates, cFollowUp string
	templatesSource, templatesTranslation                                              string
	configHeader, configSmall, configCR104, configCR201                                string

	audience map[string]string // audience id -> description
	domain   map[string]string // failure domain id -> description
	channel  map[string]string // channel id -> name
	role     map[string]string // role id -> title

	title, detection map[string]string // scenario id -> playbook title, how it is recognised
	down, back       map[string]string // scenario id -> what fails / that it works again, as a sentence opening

	confirm, confirmInstr       string
	confirmChecklist            []string
	holding, holdingInstr       string
	allClear, allClearInstr     string
	review, reviewInstr         string
	updateDesc, holdingDesc     string
	allClearDesc, staffDesc     string
	msgHolding, msgHoldingSMS   string // {S}: what is down
	msgAllClear, msgAllClearSMS string // {B}: that it works again
	msgStaff, msgStaffSMS       string // {S}
	// Banners on a website need no signature: they are on the organisation's own page.
	msgHoldingBanner, msgAllClearBanner string
	msgUpdate, msgUpdateSMS             string // {U}: the counted word "minutes" in the right form
	minutes                             map[string]string
	plural                              []string // CLDR categories, other last
	// lowerAfterColon: the language writes what follows a colon in
	// lowercase (Spanish, Portuguese, Polish), proper names excepted.
	lowerAfterColon bool
	// copiedNote heads a playbook copied with new playbook --like; {like}
	// is the playbook it was copied from.
	copiedNote string
}

// properNames open a sentence in every language and keep their capital
// after a colon.
var properNames = []string{"WhatsApp", "Instagram", "Facebook", "Meta", "X", "Telegram", "Slack"}

// afterColon is s as written after a colon: with a lowercase first letter
// in languages that write it so, unless s opens with a proper name.
func (t *texts) afterColon(s string) string {
	if !t.lowerAfterColon || s == "" {
		return s
	}
	word, _, _ := strings.Cut(s, " ")
	if slices.Contains(properNames, strings.TrimRight(word, ",.:;")) {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// textsFor returns a language's texts, or nil when there are none.
func textsFor(locale string) *texts {
	switch locale {
	case "en":
		return &english
	case "es":
		return &spanish
	case "pl":
		return &polish
	case "pt":
		return &portuguese
	}
	return nil
}

// Locales lists the languages a new manual can be written in.
func Locales() []string { return []string{"es", "en", "pl", "pt"} }

var english = texts{
	copiedNote: "# Copied from {like}.yaml: change its title, detection, what is down, the steps and\n" +
		"# the messages it announces (in templates/), then run crisis lint.\n",
	manualHeader: `The crisis manual of {{org}}. Everyone follows it in a crisis.
Written by "crisis init": read it through, correct what does not fit you,
and have it approved. "crisis lint" checks it; docs: crisis --help.`,
	cApproval:  "Who approved this manual and when. crisis init filled in the approver and today's date:\nit is only an approval once that person has read the manual and confirmed it; then set\nthe date they did. Change it for each new version; lint reports one past its review date.",
	cLocales:   "The language messages are written in first, and the languages they are translated into.",
	cAudiences: "Who must hear from you during a crisis.",
	cDomains:   "Failure domains: channels in one domain fail together (Meta takes down WhatsApp,\nInstagram and Facebook at once). A fallback must be in another domain.",
	cChannels:  "The channels you really have, who each one reaches and what it depends on.",
	cRoles:     "Who speaks and who approves. Deputies stand in, in order, when the person cannot be reached.",
	cPeople:    "How to reach each person when the usual channels fail: a phone number first.",

	playbookHeader: "What to do when this happens. Adapt the steps to how you work;\nthe messages are in templates/.",
	cDetection:     "How you recognise the scenario, so nobody runs it by mistake.",
	cDown:          "What has failed: channels, or whole failure domains.",
	cFallbacks:     "Decided beforehand: for each audience, the channels that still work, best first.",
	cLeads:         "Roles declared in manual.yaml.",
	cSteps:         "In order; each deadline counts from the start of the incident.",
	cUpdates:       "How often people hear from you until the all-clear.",
	cFollowUp:      "After the all-clear; deadlines count from the all-clear.",

	templatesSource:      "Messages of {{org}} in English: the source language. Translations carry the\nhash of these texts, and lint reports them when a text here changes.",
	templatesTranslation: "Messages of {{org}} in English, translated from {{src}}.yaml. Each one carries\nthe hash of the text it was translated from; lint reports it when that text changes.",

	configHeader: "crisis configuration for this manual.",
	configSmall:  "A small organisation: one or two people, no staff to tell and nobody to stand in.",
	configCR104:  "Staff have no channel of their own: there are no staff.",
	configCR201:  "A spokesperson or approver has no deputy: nobody can stand in.",

	audience: map[string]string{
		"customers": "People who buy from us or use our services",
		"staff":     "Everyone who works with us, on every shift",
		"suppliers": "Suppliers and carriers with orders in progress",
		"press":     "Journalists and media",
	},
	domain: map[string]string{
		"meta":       "Meta: WhatsApp, Instagram and Facebook fail together",
		"x-corp":     "X (formerly Twitter)",
		"telegram":   "Telegram",
		"email":      "Our e-mail provider",
		"telecom":    "Mobile operator and SMS gateway",
		"hosting":    "Our website's hosting",
		"statuspage": "The status page, hosted apart from the website on purpose",
		"slack":      "Our team chat",
	},
	channel: map[string]string{
		"whatsapp":    "WhatsApp Business",
		"instagram":   "Instagram account",
		"facebook":    "Facebook page",
		"x":           "X account",
		"telegram":    "Telegram channel",
		"email":       "E-mail",
		"sms":         "SMS to customers",
		"phone":       "Phone line",
		"website":     "Banner on the website",
		"status-page": "Status page",
		"staff-chat":  "Team chat",
		"staff-sms":   "SMS to all staff",
		"staff-email": "E-mail to all staff",
	},
	role: map[string]string{
		"spokesperson": "Spokesperson: the only voice of the organisation during a crisis",
		"approver":     "Approves every public message before it goes out",
	},

	title: map[string]string{
		"whatsapp-down":  "WhatsApp is down",
		"instagram-down": "Instagram is down",
		"facebook-down":  "Facebook is down",
		"meta-outage":    "WhatsApp, Instagram and Facebook are down at once",
		"x-down":         "X is down",
		"email-down":     "Our e-mail is down",
		"website-down":   "Our website is down",
	},
	detection: map[string]string{
		"whatsapp-down":  "Messages stay on one grey tick for more than 10 minutes, on Wi-Fi and on mobile data,\nand Meta's status page or downdetector confirm the outage.",
		"instagram-down": "The account does not load or posts fail for more than 10 minutes, from two networks,\nand Meta's status page or downdetector confirm the outage.",
		"facebook-down":  "The page does not load or posts fail for more than 10 minutes, from two networks,\nand Meta's status page or downdetector confirm the outage.",
		"meta-outage":    "WhatsApp, Instagram and Facebook fail at the same time for more than 10 minutes.\nIf only one of them fails, run that one's playbook instead.",
		"x-down":         "Posts fail or the account does not load for more than 10 minutes, from two networks.",
		"email-down":     "Mail neither goes out nor comes in for more than 15 minutes, and the provider's\nstatus page confirms it or does not answer.",
		"website-down":   "The website does not load for more than 5 minutes, from two networks.",
	},
	down: map[string]string{
		"whatsapp-down":  "WhatsApp is down right now",
		"instagram-down": "Instagram is down right now",
		"facebook-down":  "Facebook is down right now",
		"meta-outage":    "WhatsApp, Instagram and Facebook are down right now",
		"x-down":         "X is down right now",
		"email-down":     "Our e-mail is not working right now",
		"website-down":   "Our website is not available right now",
	},
	back: map[string]string{
		"whatsapp-down":  "WhatsApp is working again",
		"instagram-down": "Instagram is working again",
		"facebook-down":  "Facebook is working again",
		"meta-outage":    "WhatsApp, Instagram and Facebook are working again",
		"x-down":         "X is working again",
		"email-down":     "Our e-mail is working again",
		"website-down":   "Our website is available again",
	},

	confirm:           "Confirm the outage",
	confirmInstr:      "Check from two devices on different networks. Call the spokesperson and the approver.",
	confirmChecklist:  []string{"Checked from two networks", "Spokesperson and approver reached by phone"},
	holding:           "Send the holding message",
	holdingInstr:      "Say what is happening and when you will say more. Nothing about causes until they are confirmed.",
	allClear:          "Announce that everything works again",
	allClearInstr:     "Check it yourself first, from two networks.",
	review:            "Review what happened",
	reviewInstr:       "Read the run's journal and change this manual where it fell short.",
	updateDesc:        "Regular update while the incident lasts",
	holdingDesc:       "First message",
	allClearDesc:      "End of the incident",
	staffDesc:         "Internal notice to all staff",
	msgHolding:        "{{.organisation}}: {S}. We know, and we are working on it. You can still reach us on our other channels. Next update at {{.next_update}}.",
	msgHoldingSMS:     "{{.organisation}}: {S}. We are working on it. Next update at {{.next_update}}.",
	msgAllClear:       "{{.organisation}}: {B}. Thank you for your patience. If anything is still pending, write to us and we will sort it out.",
	msgAllClearSMS:    "{{.organisation}}: {B}. Thank you for your patience.",
	msgStaff:          "Internal notice: {S}. Tell customers we are working on it and refer the press to the spokesperson. Next update at {{.next_update}}.",
	msgUpdate:         "{{.organisation}}: we are still working on it. Next update in {{.update_minutes}} {U}.",
	msgUpdateSMS:      "{{.organisation}}: still working on it. Next update in {{.update_minutes}} {U}.",
	msgHoldingBanner:  "{S}. We are working on it. Next update at {{.next_update}}.",
	msgAllClearBanner: "{B}. Thank you for your patience.",
	msgStaffSMS:       "Internal notice: {S}. Refer the press to the spokesperson. Next update at {{.next_update}}.",
	minutes:           map[string]string{"one": "minute", "other": "minutes"},
	plural:            []string{"one", "other"},
}
