package manual

import (
	"strings"
	"testing"
)

// ownTexts is translated() in format 1.1 with the manual file's own texts
// in Spanish and an English translation of them. Hashes by hand:
// printf 'Portavoz\0' | sha1sum.
func ownTexts(en string) map[string]string {
	files := translated()
	mf := strings.Replace(files[ManualFile], "crisis: 1\n", "crisis: 1.1\n", 1)
	for old, new := range map[string]string{
		"{id: customers}":                  "{id: customers, description: Clientes de la tienda}",
		"{id: meta}":                       "{id: meta, description: \"Meta: Facebook e Instagram\"}",
		"domain: telecom, owner: speaker}": "domain: telecom, owner: speaker, name: SMS a clientes}",
		"{id: speaker, person":             "{id: speaker, title: Portavoz, person",
		"{id: ana, name: Ana, contacts":    "{id: ana, name: Ana, role: directora de comunicación, contacts",
	} {
		if !strings.Contains(mf, old) {
			panic("the minimal manual has no " + old)
		}
		mf = strings.Replace(mf, old, new, 1)
	}
	files[ManualFile] = mf
	files["playbooks/manual.en.yaml"] = en
	return files
}

const ownTextsEN = `crisis: 1.1
kind: translation
roles:
  speaker: {hash: sha1-8d25b214d48eda74de8cc1fb99bdf2e9e8ac6bea, title: Spokesperson}
people:
  ana: {hash: sha1-11003e6f68658f1c226b7af9f781fd2548d3c414, role: communications director}
audiences:
  customers: {hash: sha1-1151da3a0321014a41a2837aeca2ae341c7676de, description: Shop customers}
domains:
  meta: {hash: sha1-fd95efe033dc4a4719a86c319b02058e148243b5, description: "Meta: Facebook and Instagram"}
channels:
  sms: {hash: sha1-2befb3cb0bdbc01a6c1f5574fa2603de0558659d, name: SMS to customers}
`

func TestManualTextsIn(t *testing.T) {
	m := loadClean(t, ownTexts(ownTextsEN))
	en := m.In("en")
	if got := en.Role("speaker").Title; got != "Spokesperson" {
		t.Errorf("role title in en = %q", got)
	}
	if got := en.Person("ana").Label(); got != "Ana (communications director)" {
		t.Errorf("person in en = %q", got)
	}
	if got := en.Audiences[0].Description; got != "Shop customers" {
		t.Errorf("audience in en = %q", got)
	}
	if got := en.Domains[0].Description; got != "Meta: Facebook and Instagram" {
		t.Errorf("domain in en = %q", got)
	}
	if got := en.Channel("sms").Name; got != "SMS to customers" {
		t.Errorf("channel in en = %q", got)
	}
	// The manual itself keeps its source texts: JSON and other commands
	// share it.
	if m.Role("speaker").Title != "Portavoz" || m.Person("ana").Label() != "Ana (directora de comunicación)" || m.Channel("sms").Name != "SMS a clientes" {
		t.Errorf("In changed the manual: %q %q %q", m.Role("speaker").Title, m.Person("ana").Label(), m.Channel("sms").Name)
	}
	// A texts the translation lacks stays the source's; a locale without
	// a translation is the manual as written.
	if got := en.Channel("fb").Name; got != "" {
		t.Errorf("untranslated channel name = %q", got)
	}
	if m.In("pl") != m {
		t.Errorf("In(pl) without a translation is not the manual itself")
	}
	st := m.ManualTranslation("en").Texts["channels"]["sms"]
	if st == nil || st.Pos.String() != "playbooks/manual.en.yaml:12:3" {
		t.Errorf("channel text = %+v, want at playbooks/manual.en.yaml:12:3", st)
	}
}

func TestManualTextsErrors(t *testing.T) {
	for _, c := range []struct {
		name, en, want string
	}{
		{"unknown id, a close one", strings.Replace(ownTextsEN, "  speaker: {", "  speakr: {", 1),
			`playbooks/manual.en.yaml:4:3: error: playbooks/manual.yaml declares no "speakr" in roles to translate [CR005] (did you mean "speaker"?)`},
		{"unknown id, none close", strings.Replace(ownTextsEN, "  sms: {", "  newsletter: {", 1),
			`playbooks/manual.en.yaml:12:3: error: playbooks/manual.yaml declares no "newsletter" in channels to translate [CR005] (use an id of channels in playbooks/manual.yaml, or remove this text)`},
		{"not a mapping", strings.Replace(ownTextsEN, "domains:\n  meta: {hash: sha1-fd95efe033dc4a4719a86c319b02058e148243b5, description: \"Meta: Facebook and Instagram\"}\n", "domains: [meta]\n", 1),
			`playbooks/manual.en.yaml:9:10: error: domains must be a mapping of ids, found a list [CR003] (map each id to its text: domains: {ID: {hash: ..., description: ...}})`},
		{"wrong key", strings.Replace(ownTextsEN, "role: communications director", "title: communications director", 1),
			`playbooks/manual.en.yaml:6:62: error: unknown key "title" in the texts of ana [CR002] (the keys of the texts of ana are: hash, role)`},
		{"in 1.0", strings.Replace(ownTextsEN, "crisis: 1.1", "crisis: 1", 1),
			`playbooks/manual.en.yaml:3:1: error`},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantProblem(t, ownTexts(c.en), c.want)
		})
	}
}

// The reply library's descriptions are translated like the other texts of
// the manual file: the run lists them in the operator's language.
func TestManualTextsInReplies(t *testing.T) {
	files := ownTexts(ownTextsEN + `replies:
  apology: {hash: sha1-de67b0d54b61030c841d2f495dd1c81928d58ad1, description: A personal apology}
`)
	files[ManualFile] += `replies:
  - {id: apology, message: holding, description: Disculpa personal}
`
	m := loadClean(t, files)
	if got := m.In("en").Reply("apology").Description; got != "A personal apology" {
		t.Errorf("reply in en = %q", got)
	}
	if got := m.Reply("apology").Description; got != "Disculpa personal" {
		t.Errorf("In changed the manual's reply: %q", got)
	}
	var found bool
	for _, s := range m.SourceTexts() {
		if s.Section == "replies" && s.ID == "apology" && s.Key == "description" {
			found = s.Hash() == "sha1-de67b0d54b61030c841d2f495dd1c81928d58ad1"
		}
	}
	if !found {
		t.Error("the reply's description is not among the manual's source texts, with its hash")
	}
}
