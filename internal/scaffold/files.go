package scaffold

import (
	"crypto/sha1"
	"fmt"
	"io"
	"slices"
	"strings"
)

// SchemaDir is where a manual keeps the JSON Schemas its files' modelines
// point at, relative to the manual's root.
const SchemaDir = ".crisis/schema"

// modeline tells yaml-language-server (VS Code's YAML extension, Neovim,
// Helix ...) which schema checks a file; the path is relative to the file.
func (m *model) modeline(schema string) string {
	base := m.schemaBase
	if base == "" {
		base = "../" + SchemaDir + "/"
	}
	return "# yaml-language-server: $schema=" + base + schema + ".schema.json\n"
}

// File is one file of a new manual: a slash path relative to its root.
type File struct {
	Path string
	Data []byte
}

// Files returns the manual's text files, in the order they are written:
// playbooks/manual.yaml, the playbooks, the message files and, for a small
// organisation, .crisis.yaml. The schemas are added by Write.
func Files(o Options) ([]File, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	m := newModel(&o)
	files := []File{{"playbooks/manual.yaml", m.manualFile()}}
	for _, s := range m.scenarios {
		files = append(files, File{"playbooks/" + s.id + ".yaml", m.playbookFile(s)})
	}
	for _, l := range m.locales {
		files = append(files, File{"templates/" + l + ".yaml", m.templateFile(l)})
	}
	if o.Small {
		files = append(files, File{".crisis.yaml", m.configFile()})
	}
	return files, nil
}

func (m *model) org(text string) string {
	return strings.ReplaceAll(text, "{{org}}", strings.TrimSpace(m.o.Organisation))
}

func (m *model) manualFile() []byte {
	t, o := m.t, m.o
	var d doc
	d.WriteString(m.modeline("manual"))
	d.comment(0, m.org(t.manualHeader))
	d.line(0, "crisis: 1")
	d.line(0, "kind: manual")
	d.line(0, "organisation: %s", scalar(strings.TrimSpace(o.Organisation)))
	d.line(0, `version: "1"`)
	d.line(0, "timezone: %s", scalar(o.Timezone))
	d.comment(0, t.cLocales)
	d.line(0, "locales:")
	d.line(2, "default: %s", o.Locale)
	d.line(2, "supported: %s", list(m.locales))
	d.comment(0, t.cApproval)
	d.line(0, "approval:")
	d.line(2, "approved_by: %s", list([]string{m.approver}))
	d.line(2, "approved_on: %s", o.Today.Format("2006-01-02"))
	d.line(2, "review_every: 365d")
	d.blank()

	d.comment(0, t.cAudiences)
	d.line(0, "audiences:")
	for _, a := range m.audiences {
		d.line(2, "- id: %s", a)
		d.line(4, "description: %s", scalar(t.audience[a]))
	}
	d.blank()
	d.comment(0, t.cDomains)
	d.line(0, "domains:")
	for _, id := range m.domains() {
		d.line(2, "- id: %s", id)
		d.line(4, "description: %s", scalar(t.domain[id]))
	}
	d.blank()
	d.comment(0, t.cChannels)
	d.line(0, "channels:")
	for _, c := range m.channels {
		d.line(2, "- id: %s", c.id)
		d.line(4, "kind: %s", c.kind)
		d.line(4, "name: %s", scalar(t.channel[c.id]))
		d.line(4, "audiences: %s", list(c.audiences))
		d.line(4, "domain: %s", c.domain)
		d.line(4, "owner: spokesperson")
	}
	d.blank()
	d.comment(0, t.cRoles)
	d.line(0, "roles:")
	for _, r := range []struct {
		id, person string
		deputies   []string
	}{{"spokesperson", m.spokesperson, m.spDeputies}, {"approver", m.approver, m.apDeputies}} {
		d.line(2, "- id: %s", r.id)
		d.line(4, "title: %s", scalar(t.role[r.id]))
		d.line(4, "person: %s", r.person)
		if len(r.deputies) > 0 {
			d.line(4, "deputies: %s", list(r.deputies))
		}
	}
	d.blank()
	d.comment(0, t.cPeople)
	d.line(0, "people:")
	for _, p := range m.people {
		d.line(2, "- id: %s", p.id)
		d.line(4, "name: %s", scalar(p.Name))
		d.line(4, "contacts:")
		if p.Phone != "" {
			d.line(6, "- {via: phone, value: %s}", scalar(p.Phone))
		}
		if p.Email != "" {
			d.line(6, "- {via: email, value: %s}", scalar(p.Email))
		}
	}
	return d.Bytes()
}

func (m *model) playbookFile(s scenario) []byte {
	t := m.t
	var d doc
	d.WriteString(m.modeline("playbook"))
	d.comment(0, t.playbookHeader)
	d.line(0, "crisis: 1")
	d.line(0, "kind: playbook")
	d.line(0, "title: %s", scalar(t.title[s.id]))
	d.line(0, "severity: %s", s.severity)
	d.comment(0, t.cDetection)
	d.block(0, "detection", t.detection[s.id])
	d.comment(0, t.cDown)
	d.line(0, "down:")
	if channels, domains := m.down(s); s.whole {
		d.line(2, "domains: %s", list(domains))
	} else {
		d.line(2, "channels: %s", list(channels))
	}
	d.blank()
	d.comment(0, t.cFallbacks)
	d.line(0, "fallbacks:")
	var public []string // external audiences that still have a channel
	for _, a := range m.audiences {
		fb := m.fallbacks(s, a)
		if len(fb) == 0 {
			continue
		}
		d.line(2, "%s: %s", a, list(fb))
		if !isStaff(a) {
			public = append(public, a)
		}
	}
	d.blank()
	d.comment(0, t.cLeads)
	d.line(0, "spokesperson: spokesperson")
	d.line(0, "approver: approver")
	d.blank()

	d.comment(0, t.cSteps)
	d.line(0, "steps:")
	step := func(id, kind, title, deadline, instructions string) {
		d.line(2, "- id: %s", id)
		d.line(4, "title: %s", scalar(title))
		if kind != "" {
			d.line(4, "kind: %s", kind)
		}
		d.line(4, "owner: spokesperson")
		d.line(4, "deadline: %s", deadline)
		d.block(4, "instructions", instructions)
	}
	announce := func(message string, audiences, channels []string) {
		d.line(6, "- message: %s", message)
		d.line(8, "audiences: %s", list(audiences))
		d.line(8, "channels: %s", list(channels))
	}
	step("confirm", "", t.confirm, "5m", t.confirmInstr)
	d.line(4, "checklist:")
	for _, c := range t.confirmChecklist {
		d.line(6, "- %s", scalar(c))
	}
	step("holding", "holding", t.holding, "15m", t.holdingInstr)
	d.line(4, "announce:")
	announce(s.id+"-holding", public, m.union(s, public))
	staff := m.staffFallbacks(s)
	if len(staff) > 0 {
		announce(s.id+"-staff", []string{"staff"}, staff)
	}
	step("all-clear", "all-clear", t.allClear, "6h", t.allClearInstr)
	d.line(4, "announce:")
	announce(s.id+"-all-clear", public, m.union(s, public))
	d.blank()
	d.comment(0, t.cUpdates)
	d.line(0, "updates:")
	d.line(2, "every: 60m")
	d.line(2, "message: update")
	d.line(2, "audiences: %s", list(public))
	d.line(2, "channels: %s", list(m.union(s, public)))
	d.blank()
	d.comment(0, t.cFollowUp)
	d.line(0, "follow_up:")
	d.line(2, "- id: review")
	d.line(4, "title: %s", scalar(t.review))
	d.line(4, "owner: spokesperson")
	d.line(4, "deadline: 7d")
	d.block(4, "instructions", t.reviewInstr)
	return d.Bytes()
}

// staffFallbacks are the channels that still reach staff, if the manual
// has staff.
func (m *model) staffFallbacks(s scenario) []string {
	if !slices.ContainsFunc(m.audiences, isStaff) {
		return nil
	}
	return m.fallbacks(s, "staff")
}

// message is one message of the catalogue: an id and its variants, each a
// text in every locale.
type message struct {
	id, scenario string // scenario: whose {S} and {B} fill the texts
	desc         func(*texts) string
	variants     []variant
}

type variant struct {
	name string              // default, sms ...
	text func(*texts) string // the text, with {S}, {B}, {U} still to fill
	// subject, for an e-mail, is its subject line; text is then its body.
	subject func(*texts) string
}

// messages lists what the playbooks announce: per scenario a holding
// message, an internal notice when there are staff and an all-clear; and
// the update every scenario shares.
func (m *model) messages() []message {
	var out []message
	staff := slices.ContainsFunc(m.audiences, isStaff)
	for _, s := range m.scenarios {
		out = append(out, message{s.id + "-holding", s.id, func(t *texts) string { return t.holdingDesc + ": " + t.afterColon(t.title[s.id]) }, []variant{
			{"default", func(t *texts) string { return t.msgHolding }, nil},
			{"sms", func(t *texts) string { return t.msgHoldingSMS }, nil},
			{"website-banner", func(t *texts) string { return t.msgHoldingBanner }, nil},
			{"email", func(t *texts) string { return t.msgHolding }, func(t *texts) string { return t.title[s.id] }},
		}})
		if staff && len(m.staffFallbacks(s)) > 0 {
			out = append(out, message{s.id + "-staff", s.id, func(t *texts) string { return t.staffDesc + ": " + t.afterColon(t.title[s.id]) }, []variant{
				{"default", func(t *texts) string { return t.msgStaff }, nil},
				{"sms", func(t *texts) string { return t.msgStaffSMS }, nil},
				{"email", func(t *texts) string { return t.msgStaff }, func(t *texts) string { return t.staffDesc + ": " + t.afterColon(t.title[s.id]) }},
			}})
		}
		out = append(out, message{s.id + "-all-clear", s.id, func(t *texts) string { return t.allClearDesc + ": " + t.afterColon(t.back[s.id]) }, []variant{
			{"default", func(t *texts) string { return t.msgAllClear }, nil},
			{"sms", func(t *texts) string { return t.msgAllClearSMS }, nil},
			{"website-banner", func(t *texts) string { return t.msgAllClearBanner }, nil},
			{"email", func(t *texts) string { return t.msgAllClear }, func(t *texts) string { return t.back[s.id] }},
		}})
	}
	return append(out, message{"update", "", func(t *texts) string { return t.updateDesc }, []variant{
		{"default", func(t *texts) string { return t.msgUpdate }, nil},
		{"sms", func(t *texts) string { return t.msgUpdateSMS }, nil},
		{"email", func(t *texts) string { return t.msgUpdate }, func(t *texts) string { return t.updateDesc }},
	}})
}

// forms fills a text for one scenario and language: one text per plural
// category when it counts minutes, else just other.
func forms(t *texts, text, scenarioID string) [][2]string {
	text = strings.NewReplacer(": {S}", ": "+t.afterColon(t.down[scenarioID]), ": {B}", ": "+t.afterColon(t.back[scenarioID]),
		"{S}", t.down[scenarioID], "{B}", t.back[scenarioID]).Replace(text)
	if !strings.Contains(text, "{U}") {
		return [][2]string{{"other", text}}
	}
	var out [][2]string
	for _, f := range t.plural {
		out = append(out, [2]string{f, strings.ReplaceAll(text, "{U}", t.minutes[f])})
	}
	return out
}

// needed reports whether a variant is used: the default always is, a
// channel kind's variant only when the manual has a channel of that kind.
func (m *model) needed(v variant) bool {
	return v.name == "default" || slices.ContainsFunc(m.channels, func(c mchannel) bool { return c.kind == v.name })
}

func (m *model) templateFile(locale string) []byte {
	t := textsFor(locale)
	var d doc
	d.WriteString(m.modeline("messages"))
	if locale == m.o.Locale {
		d.comment(0, m.org(t.templatesSource))
	} else {
		d.comment(0, strings.ReplaceAll(m.org(t.templatesTranslation), "{{src}}", m.o.Locale))
	}
	d.Write(m.messagesText(locale, m.messages()))
	return d.Bytes()
}

// messagesText writes messages in one locale; a translation carries the
// hash of each source text.
func (m *model) messagesText(locale string, msgs []message) []byte {
	t := textsFor(locale)
	var d doc
	for _, msg := range msgs {
		d.line(0, "%s:", msg.id)
		for _, v := range msg.variants {
			if !m.needed(v) {
				continue
			}
			d.line(2, "%s:", v.name)
			if v.name == "default" {
				d.line(4, "description: %s", scalar(msg.desc(t)))
			}
			if v.subject == nil {
				m.texts(&d, 4, locale, msg, v.text, v.name == "default")
				continue
			}
			// An e-mail has a subject line: without one it shows as
			// "(no subject)" and filters score it as spam (lint CR406).
			d.line(4, "subject:")
			m.texts(&d, 6, locale, msg, v.subject, false)
			d.line(4, "body:")
			m.texts(&d, 6, locale, msg, v.text, false)
		}
	}
	return d.Bytes()
}

// texts writes one text's forms at indent in locale; a translation first
// carries the hash of its source (whose description counts when withDesc).
func (m *model) texts(d *doc, indent int, locale string, msg message, text func(*texts) string, withDesc bool) {
	t, src := textsFor(locale), m.t
	if locale != m.o.Locale {
		desc := ""
		if withDesc {
			desc = msg.desc(src)
		}
		srcForms := forms(src, text(src), msg.scenario)
		d.line(indent, "hash: %s", goi18nHash(desc, srcForms[len(srcForms)-1][1]))
	}
	for _, f := range forms(t, text(t), msg.scenario) {
		d.line(indent, "%s: %s", f[0], scalar(f[1]))
	}
}

// goi18nHash is the hash go-i18n's merge stores in a translation: SHA-1 of
// the source message's description followed by its other text. Lint
// reports a translation whose hash no longer matches its source.
func goi18nHash(description, other string) string {
	h := sha1.New()
	_, _ = io.WriteString(h, description)
	_, _ = io.WriteString(h, other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

func (m *model) configFile() []byte {
	t := m.t
	var d doc
	d.comment(0, t.configHeader)
	d.comment(0, t.configSmall)
	d.line(0, "lint:")
	d.line(2, "rules:")
	d.line(4, "CR104: off # %s", t.configCR104)
	d.line(4, "CR201: off # %s", t.configCR201)
	return d.Bytes()
}
