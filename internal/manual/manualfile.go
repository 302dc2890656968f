package manual

import (
	"path"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// header checks the two keys every file starts with: the format version and
// the kind of file.
func (d *decoder) header(o *object, kind string) bool {
	d.format = Format10
	v := o.get("crisis", true)
	if s, ok := d.scalar(v, "crisis"); ok {
		switch s {
		case "1", "1.0":
		case "1.1":
			d.format = Format11
		default:
			d.report(v, RuleVersion, say("loader.version", args{"Version": q(s)}), say("loader.version.hint", nil))
			return false
		}
	}
	k := o.get("kind", true)
	if s, ok := d.scalar(k, "kind"); ok && s != kind {
		hint := say("loader.wrong-kind.hint", nil)
		switch {
		case kind == "translation":
			hint = say("loader.wrong-kind.translation.hint", nil)
		case s == "translation":
			hint = say("loader.wrong-kind.locale.hint", args{"Example": strings.TrimSuffix(path.Base(d.file), path.Ext(d.file)) + ".en.yaml"})
		}
		d.report(k, RuleType, say("loader.wrong-kind", args{"Kind": kind, "Found": q(s)}), hint)
		return false
	}
	return v != nil
}

var manualKeys = []string{"crisis", "kind", "organisation", "version", "timezone", "locales", "approval",
	"first_response", "drill_every", "audiences", "domains", "channels", "roles", "people", "variables", "replies", "markets"}

// since11 reports what, written at n, as needing format 1.1 when the file
// says it is written in 1.0, and tells whether it may be read. A 1.0 file
// keeps meaning exactly what it meant; the error says the one line to add.
func (d *decoder) since11(n *yaml.Node, what string) bool {
	if n == nil || d.format == Format11 {
		return true
	}
	d.report(n, RuleVersion, say("loader.since-1.1", args{"What": feature(what)}), say("loader.since-1.1.hint", nil))
	return false
}

// decodeManual fills m from the manual file's root node.
func (d *decoder) decodeManual(root *yaml.Node, m *Manual) {
	o := d.object(root, "the manual", manualKeys...)
	d.header(&o, "manual")
	m.Format = d.format
	m.At = o.at()
	m.Organisation = o.str("organisation", true)
	m.Version = o.str("version", true)
	m.TimeZone = o.str("timezone", true)
	if m.TimeZone != "" {
		loc, err := time.LoadLocation(m.TimeZone)
		if err != nil {
			d.report(o.value("timezone"), RuleType, say("loader.time-zone", args{"Zone": q(m.TimeZone)}), say("loader.time-zone.hint", nil))
		}
		m.Location = loc
	}
	if m.Location == nil {
		m.Location = time.UTC
	}
	m.Locales = d.decodeLocales(o.get("locales", true))
	m.Approval = d.decodeApproval(o.get("approval", true))
	m.FirstResponse = o.duration("first_response", false)
	if m.FirstResponse == 0 {
		m.FirstResponse = 15 * time.Minute
	}
	m.DrillEvery = o.duration("drill_every", false)
	for _, n := range o.list("audiences", true) {
		m.Audiences = append(m.Audiences, d.decodeAudience(n))
	}
	for _, n := range o.list("domains", true) {
		a := d.object(n, "a failure domain", "id", "description")
		m.Domains = append(m.Domains, Domain{ID: a.id("id"), Description: a.str("description", false), Pos: d.pos(n)})
	}
	for _, n := range o.list("channels", true) {
		m.Channels = append(m.Channels, d.decodeChannel(n))
	}
	for _, n := range o.list("roles", true) {
		m.Roles = append(m.Roles, d.decodeRole(n))
	}
	for _, n := range o.list("people", true) {
		m.People = append(m.People, d.decodePerson(n))
	}
	m.Variables = d.decodeVariables(o.list("variables", false))
	m.Replies = d.decodeReplies(&o)
	m.Markets = d.decodeMarkets(&o)
}

func (d *decoder) decodeLocales(n *yaml.Node) Locales {
	o := d.object(n, "locales", "default", "supported", "drill_marks")
	l := Locales{Default: o.str("default", true), Supported: o.strings("supported"), Pos: d.pos(n)}
	d.decodeDrillMarks(&o, &l)
	if len(l.Supported) == 0 && l.Default != "" {
		// A manual in one language need not list it twice.
		l.Supported = []string{l.Default}
	}
	return l
}

var approvalKeys = []string{"approved_by", "approved_on", "review_every"}

func (d *decoder) decodeApproval(n *yaml.Node) Approval {
	o := d.object(n, "approval", approvalKeys...)
	return Approval{
		ApprovedBy:  o.refs("approved_by", true),
		ApprovedOn:  o.date("approved_on", true),
		ReviewEvery: o.duration("review_every", true),
		At:          o.at(),
	}
}

var channelKeys = []string{"id", "kind", "name", "audiences", "domain", "owner", "limit", "hashtags", "target", "locales", "markets"}

func (d *decoder) decodeChannel(n *yaml.Node) Channel {
	o := d.object(n, "a channel", channelKeys...)
	c := Channel{
		ID:        o.id("id"),
		Name:      o.str("name", false),
		Audiences: o.refs("audiences", true),
		Domain:    o.ref("domain", true),
		Owner:     o.ref("owner", false),
		Limit:     o.integer("limit"),
		Hashtags:  o.integer("hashtags"),
		Target:    d.decodeTarget(o.get("target", false), "a delivery target", true),
		Markets:   o.marketRefs(),
		Pos:       d.pos(n),
		At:        o.at(),
	}
	kn := o.get("kind", true)
	if s, ok := d.scalar(kn, "kind"); ok {
		c.Kind = s
		if !KnownKind(s) {
			d.report(kn, RuleType, say("loader.channel-kind", args{"Kind": q(s)}), kindHint(s))
		}
	}
	for _, ln := range o.list("locales", false) {
		if s, ok := d.scalar(ln, "locales item"); ok {
			c.Locales, c.LocalesAt = append(c.Locales, s), append(c.LocalesAt, d.pos(ln))
		}
	}
	return c
}

var roleKeys = []string{"id", "title", "person", "deputies"}

func (d *decoder) decodeRole(n *yaml.Node) Role {
	o := d.object(n, "a role", roleKeys...)
	return Role{
		ID:       o.id("id"),
		Title:    o.str("title", false),
		Person:   o.ref("person", true),
		Deputies: o.refs("deputies", false),
		Pos:      d.pos(n),
		At:       o.at(),
	}
}

func (d *decoder) decodePerson(n *yaml.Node) Person {
	o := d.object(n, "a person", "id", "name", "role", "contacts")
	p := Person{ID: o.id("id"), Name: o.str("name", true), Pos: d.pos(n)}
	if o.get("role", false) != nil && d.since11(o.key("role"), "role") {
		p.Role = o.str("role", false)
	}
	for _, c := range o.list("contacts", true) {
		co := d.object(c, "a contact", "via", "value", "domain")
		ct := Contact{Value: co.str("value", true), Domain: co.ref("domain", false), Pos: d.pos(c)}
		vn := co.get("via", true)
		if s, ok := d.scalar(vn, "via"); ok {
			ct.Via = s
			if !KnownKind(s) {
				d.report(vn, RuleType, say("loader.contact-kind", args{"Kind": q(s)}), kindHint(s))
			}
		}
		p.Contacts = append(p.Contacts, ct)
	}
	return p
}

func (d *decoder) decodeVariables(nodes []*yaml.Node) []Variable {
	var vars []Variable
	for _, n := range nodes {
		o := d.object(n, "a variable", "name", "description", "example", "max_length", "type", "required", "known", "by", "per_market")
		v := Variable{
			Name:        o.str("name", true),
			Description: o.str("description", true),
			Example:     o.str("example", true),
			MaxLength:   o.integer("max_length"),
			Type:        o.oneOf("type", false, "text", "text", "count", "time", "datetime", "url"),
			Required:    o.boolean("required"),
			PerMarket:   o.perMarket(),
			Pos:         d.pos(n),
		}
		if ex := o.value("example"); ex != nil {
			v.ExamplePos = d.pos(ex)
		}
		d.decodeLater(&o, &v)
		if v.MaxLength > MaxVariableLength {
			// Lint renders every message with each value at its longest:
			// an absurd bound would make the CI gate itself run out of memory.
			d.report(o.value("max_length"), RuleType, sayN("loader.max-length", MaxVariableLength, args{"Length": v.MaxLength}),
				sayN("loader.max-length.hint", MaxVariableLength, nil))
			v.MaxLength = 0
		}
		if v.Name != "" && !varNameRE.MatchString(v.Name) {
			d.report(o.value("name"), RuleType, say("loader.variable-name", args{"Name": q(v.Name)}), say("loader.variable-name.hint", nil))
		}
		vars = append(vars, v)
	}
	return vars
}
