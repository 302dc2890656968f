package manual

import (
	"maps"
	"slices"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// The manual file's own texts are read by people as much as a playbook's:
// a role's title under a step's owner, a channel's name on every text to
// send, the descriptions of audiences and failure domains in show, of the
// reply library's replies in a run. Format
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
	{"replies", "description"},
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
	for _, r := range m.Replies {
		add("replies", r.ID, "description", r.Description, r.Pos)
	}
	return out
}

// In returns the manual with its own texts in locale: a copy whose roles,
// audiences, domains, channels and replies carry the translation's texts where it
// gives them, the source's elsewhere. Without a translation of the manual
// file into locale, m itself is returned.
func (m *Manual) In(locale string) *Manual {
	t := m.ManualTranslation(locale)
	if t == nil || len(t.Texts) == 0 {
		return m
	}
	c := *m
	c.Roles = localTexts(m.Roles, t.Texts["roles"], func(r *Role) (string, *string) { return r.ID, &r.Title })
	c.People = localTexts(m.People, t.Texts["people"], func(p *Person) (string, *string) { return p.ID, &p.Role })
	c.Audiences = localTexts(m.Audiences, t.Texts["audiences"], func(a *Audience) (string, *string) { return a.ID, &a.Description })
	c.Domains = localTexts(m.Domains, t.Texts["domains"], func(d *Domain) (string, *string) { return d.ID, &d.Description })
	c.Channels = localTexts(m.Channels, t.Texts["channels"], func(ch *Channel) (string, *string) { return ch.ID, &ch.Name })
	c.Replies = localTexts(m.Replies, t.Texts["replies"], func(r *Reply) (string, *string) { return r.ID, &r.Description })
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

// localTexts is a copy of items with the text field gives of each
// replaced by its translation in texts, where there is one.
func localTexts[T any](items []T, texts map[string]*ManualText, field func(*T) (string, *string)) []T {
	out := slices.Clone(items)
	for i := range out {
		id, text := field(&out[i])
		if mt := texts[id]; mt != nil {
			*text = or(mt.Text, *text)
		}
	}
	return out
}

// InLanguage is In for the locale that serves an operator who reads
// want, as Localize chooses a playbook's: the manual as written when it
// has no translation in that language.
func (m *Manual) InLanguage(want language.Tag) *Manual {
	locales := []string{m.Locales.Default}
	for _, t := range m.Translations {
		if t.Playbook == ManualID {
			locales = append(locales, t.Locale)
		}
	}
	if l := closest(locales, want); l != "" && l != m.Locales.Default {
		return m.In(l)
	}
	return m
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
		texts := map[string]*ManualText{}
		read := d.ids(n, idMap{key: "an id",
			shape: func(found *lang.Error) (*lang.Error, *lang.Error) {
				return say("manualtext.not-mapping", args{"Section": k.Section, "Found": found}),
					say("manualtext.not-mapping.hint", args{"Section": k.Section, "Key": k.Key})
			},
			twice: func(id string, first Pos) (*lang.Error, *lang.Error) {
				return say("manualtext.twice", args{"Section": k.Section, "ID": q(id)}), say("loader.first-at.hint", args{"Pos": first.String()})
			},
		}, func(kn, v *yaml.Node, id string) bool {
			vo := d.object(v, "the texts of "+id, "hash", k.Key)
			texts[id] = &ManualText{Hash: vo.str("hash", false), Text: vo.str(k.Key, false), Pos: d.pos(kn)}
			return true
		})
		if !read {
			continue
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
