package manual

import (
	"maps"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
)

// The manual file's own texts are read by people as much as a playbook's:
// a role's title under a step's owner, a channel's name on every text to
// send, the descriptions of audiences and failure domains in show. Format
// 1.1 translates them where it translates the manual's variables, in
// playbooks/manual.LOCALE.yaml, each by id with the hash of its source
// text:
//
//	roles:
//	  spokesperson: {hash: sha1-..., title: Rzecznik; jedyny głos marki}
//	channels:
//	  x: {hash: sha1-..., name: Konto X @rioverdehogar}
//
// Manual.In gives the manual with them in a locale; JSON output keeps the
// source, the same on every machine.

// ManualText is one translated text of the manual file.
type ManualText struct {
	Hash string
	Text string
	Pos  Pos // the id, as a key
}

// manualTextKeys says, for each section of the manual file that has a
// translatable text, the key that holds it.
var manualTextKeys = []struct{ Section, Key string }{
	{"roles", "title"},
	{"people", "role"},
	{"audiences", "description"},
	{"domains", "description"},
	{"channels", "name"},
}

func manualTextSections() []string {
	out := make([]string, len(manualTextKeys))
	for i, k := range manualTextKeys {
		out[i] = k.Section
	}
	return out
}

// SourceText is a translatable text of the manual file as written: its
// section, id, key, text and where it is declared.
type SourceText struct {
	Section, ID, Key, Text string
	Pos                    Pos
}

// Hash is the hash a translation of the text records.
func (s SourceText) Hash() string { return TextHash(s.Text) }

// SourceTexts lists the manual file's translatable texts, section by
// section in the order of manualTextKeys, each in the file's order; an
// element without its text is listed with Text "".
func (m *Manual) SourceTexts() []SourceText {
	var out []SourceText
	add := func(section, id, key, text string, pos Pos) {
		out = append(out, SourceText{Section: section, ID: id, Key: key, Text: text, Pos: pos})
	}
	for _, r := range m.Roles {
		add("roles", r.ID, "title", r.Title, r.Pos)
	}
	for _, p := range m.People {
		add("people", p.ID, "role", p.Role, p.Pos)
	}
	for _, a := range m.Audiences {
		add("audiences", a.ID, "description", a.Description, a.Pos)
	}
	for _, d := range m.Domains {
		add("domains", d.ID, "description", d.Description, d.Pos)
	}
	for _, c := range m.Channels {
		add("channels", c.ID, "name", c.Name, c.Pos)
	}
	return out
}

// In returns the manual with its own texts in locale: a copy whose roles,
// audiences, domains and channels carry the translation's texts where it
// gives them, the source's elsewhere. Without a translation of the manual
// file into locale, m itself is returned.
func (m *Manual) In(locale string) *Manual {
	t := m.ManualTranslation(locale)
	if t == nil || len(t.Texts) == 0 {
		return m
	}
	c := *m
	text := func(section, id, def string) string {
		if mt := t.Texts[section][id]; mt != nil {
			return or(mt.Text, def)
		}
		return def
	}
	c.Roles = slices.Clone(m.Roles)
	for i := range c.Roles {
		c.Roles[i].Title = text("roles", c.Roles[i].ID, c.Roles[i].Title)
	}
	c.People = slices.Clone(m.People)
	for i := range c.People {
		c.People[i].Role = text("people", c.People[i].ID, c.People[i].Role)
	}
	c.Audiences = slices.Clone(m.Audiences)
	for i := range c.Audiences {
		c.Audiences[i].Description = text("audiences", c.Audiences[i].ID, c.Audiences[i].Description)
	}
	c.Domains = slices.Clone(m.Domains)
	for i := range c.Domains {
		c.Domains[i].Description = text("domains", c.Domains[i].ID, c.Domains[i].Description)
	}
	c.Channels = slices.Clone(m.Channels)
	for i := range c.Channels {
		c.Channels[i].Name = text("channels", c.Channels[i].ID, c.Channels[i].Name)
	}
	return &c
}

// Label is how a person is named to a reader: the name, and the role
// when the manual gives one ("Lucía Moreno (directora de comunicación)").
func (p *Person) Label() string {
	if p.Role == "" {
		return p.Name
	}
	return p.Name + " (" + p.Role + ")"
}

// decodeManualTexts reads the sections of a translation of the manual
// file that translate its own texts: SECTION: {ID: {hash, KEY}}.
func (d *decoder) decodeManualTexts(o *object) map[string]map[string]*ManualText {
	var out map[string]map[string]*ManualText
	for _, k := range manualTextKeys {
		n := o.get(k.Section, false)
		if n == nil || !d.since11(o.key(k.Section), k.Section+": in a translation") {
			continue
		}
		if n.Kind != yaml.MappingNode {
			d.report(n, RuleType, say("manualtext.not-mapping", args{"Section": k.Section, "Found": kindOf(n)}),
				say("manualtext.not-mapping.hint", args{"Section": k.Section, "Key": k.Key}))
			continue
		}
		texts := map[string]*ManualText{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn, v := n.Content[i], n.Content[i+1]
			id, ok := d.scalar(kn, "an id")
			if !ok {
				continue
			}
			if prev, dup := texts[id]; dup {
				d.report(kn, RuleDuplicate, say("manualtext.twice", args{"Section": k.Section, "ID": q(id)}), say("loader.first-at.hint", args{"Pos": prev.Pos.String()}))
				continue
			}
			vo := d.object(v, "the texts of "+id, "hash", k.Key)
			texts[id] = &ManualText{Hash: vo.str("hash", false), Text: vo.str(k.Key, false), Pos: d.pos(kn)}
		}
		if out == nil {
			out = map[string]map[string]*ManualText{}
		}
		out[k.Section] = texts
	}
	return out
}

// resolveManualTexts reports a text translated for an id the manual file
// does not declare, at the id, naming the ids it does.
func resolveManualTexts(m *Manual, t *Translation, diags *diag.List) {
	ids := map[string][]string{}
	for _, s := range m.SourceTexts() {
		ids[s.Section] = append(ids[s.Section], s.ID)
	}
	for _, k := range manualTextKeys {
		texts := t.Texts[k.Section]
		for _, id := range slices.Sorted(maps.Keys(texts)) {
			if !slices.Contains(ids[k.Section], id) {
				report(diags, texts[id].Pos, RuleDangling, say("manualtext.no-such", args{"File": ManualFile, "Section": k.Section, "ID": q(id)}),
					orElse(didYouMean(id, ids[k.Section]), say("manualtext.no-such.hint", args{"File": ManualFile, "Section": k.Section})))
			}
		}
	}
}
