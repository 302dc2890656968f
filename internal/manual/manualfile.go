package manual

import (
	"fmt"
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
			d.errorf(v, RuleVersion, "this build of crisis reads format versions 1 and 1.1; upgrade crisis or write crisis: 1.1",
				"format version %q is not supported", s)
			return false
		}
	}
	k := o.get("kind", true)
	if s, ok := d.scalar(k, "kind"); ok && s != kind {
		hint := "files in playbooks/ are kind: playbook; only playbooks/manual.yaml is kind: manual"
		switch {
		case kind == "translation":
			hint = "a playbook's translation, ID.LOCALE.yaml, is kind: translation"
		case s == "translation":
			hint = "a translation's file name says its locale: " + strings.TrimSuffix(path.Base(d.file), path.Ext(d.file)) + ".en.yaml"
		}
		d.errorf(k, RuleType, hint, "this file must be kind: %s, found %q", kind, s)
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
	d.errorf(n, RuleVersion, "write crisis: 1.1 at the top of this file to use it (a 1.0 file stays valid as it is)",
		"%s is part of format 1.1, and this file says crisis: 1", what)
	return false
}

// decodeManual fills m from the manual file's root node.
func (d *decoder) decodeManual(root *yaml.Node, m *Manual) {
	o := d.object(root, "the manual", manualKeys...)
	d.header(o, "manual")
	m.Format = d.format
	m.At = o.at()
	m.Organisation = o.str("organisation", true)
	m.Version = o.str("version", true)
	m.TimeZone = o.str("timezone", true)
	if m.TimeZone != "" {
		loc, err := time.LoadLocation(m.TimeZone)
		if err != nil {
			d.errorf(o.value("timezone"), RuleType, "use an IANA zone name such as Europe/Madrid or America/Lima", "unknown time zone %q", m.TimeZone)
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
	m.Replies = d.decodeReplies(o)
	m.Markets = d.decodeMarkets(o)
}

func (d *decoder) decodeLocales(n *yaml.Node) Locales {
	o := d.object(n, "locales", "default", "supported", "drill_marks")
	l := Locales{Default: o.str("default", true), Supported: o.strings("supported"), Pos: d.pos(n)}
	l.DrillMarks, l.DrillMarksAt = d.decodeDrillMarks(o)
	if len(l.Supported) == 0 && l.Default != "" {
		// A manual in one language need not list it twice.
		l.Supported = []string{l.Default}
	}
	return l
}

func (d *decoder) decodeApproval(n *yaml.Node) Approval {
	o := d.object(n, "approval", "approved_by", "approved_on", "review_every")
	return Approval{
		ApprovedBy:  o.refs("approved_by", true),
		ApprovedOn:  o.date("approved_on", true),
		ReviewEvery: o.duration("review_every", true),
		At:          o.at(),
	}
}

func (d *decoder) decodeChannel(n *yaml.Node) Channel {
	o := d.object(n, "a channel", "id", "kind", "name", "audiences", "domain", "owner", "limit", "hashtags", "target", "locales", "markets")
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
			d.errorf(kn, RuleType, kindHint(s), "unknown channel kind %q", s)
		}
	}
	for _, ln := range o.list("locales", false) {
		if s, ok := d.scalar(ln, "locales item"); ok {
			c.Locales, c.LocalesAt = append(c.Locales, s), append(c.LocalesAt, d.pos(ln))
		}
	}
	return c
}

func (d *decoder) decodeRole(n *yaml.Node) Role {
	o := d.object(n, "a role", "id", "title", "person", "deputies")
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
	o := d.object(n, "a person", "id", "name", "contacts")
	p := Person{ID: o.id("id"), Name: o.str("name", true), Pos: d.pos(n)}
	for _, c := range o.list("contacts", true) {
		co := d.object(c, "a contact", "via", "value", "domain")
		ct := Contact{Value: co.str("value", true), Domain: co.ref("domain", false), Pos: d.pos(c)}
		vn := co.get("via", true)
		if s, ok := d.scalar(vn, "via"); ok {
			ct.Via = s
			if !KnownKind(s) {
				d.errorf(vn, RuleType, kindHint(s), "unknown contact kind %q", s)
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
			Type:        o.oneOf("type", false, "text", "text", "count", "time", "url"),
			Required:    o.boolean("required"),
			PerMarket:   o.perMarket(),
			Pos:         d.pos(n),
		}
		d.decodeLater(o, &v)
		if v.MaxLength > MaxVariableLength {
			// Lint renders every message with each value at its longest:
			// an absurd bound would make the CI gate itself run out of memory.
			d.errorf(o.value("max_length"), RuleType, fmt.Sprintf("a value is a name, a time, a link or a sentence: at most %d characters", MaxVariableLength),
				"max_length %d is more than %d characters", v.MaxLength, MaxVariableLength)
			v.MaxLength = 0
		}
		if v.Name != "" && !varNameRE.MatchString(v.Name) {
			d.errorf(o.value("name"), RuleType, "use lowercase letters, digits and underscores: templates write it as {{.store_name}}",
				"variable name %q cannot be used in a template", v.Name)
		}
		vars = append(vars, v)
	}
	return vars
}
