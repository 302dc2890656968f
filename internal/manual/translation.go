package manual

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/lang"
)

// A playbook is written in the manual's default locale, its source. Its
// texts in another locale live in a translation file next to it,
// playbooks/ID.LOCALE.yaml (meta-outage.en.yaml), which repeats only the
// texts, keyed by step id, each group of them with the hash of the source
// it was translated from. The playbook stays as readable as before, every
// v1 file stays valid, a translator works on one file per language, and a
// changed source text shows up as a stale translation as messages do
// (templates/*.yaml, lint CR303). See docs/format.md.

// Translation is one locale's texts of a playbook.
type Translation struct {
	Playbook string // the id of the playbook translated
	Locale   string
	File     string
	// Hash is the hash of the source title and detection the header was
	// translated from (see TextHash).
	Hash      string
	Title     string
	Detection string
	Steps     map[string]*StepText // steps and follow-up steps, by id
	Injects   []*InjectText        // in the order of the playbook's injects
	// Variables holds the descriptions of the variables the playbook
	// declares, by name (format 1.1; see vartext.go). A translation of the
	// manual file, manual.LOCALE.yaml, holds only these, of the manual's
	// variables.
	Variables map[string]*VarText
	// Texts holds, in a translation of the manual file, its own texts by
	// section and id (format 1.1; see manualtext.go).
	Texts map[string]map[string]*ManualText
	Pos   Pos
	At    Positions // the position of each top-level value
}

// StepText is the translation of one step's texts.
type StepText struct {
	Hash         string
	Title        string
	Instructions string
	Checklist    []string // item by item, in the source's order
	// Options are a decision step's option titles, by option id (1.1).
	Options  map[string]string
	FollowUp bool // written under follow_up:
	Pos      Pos  // the step id's key
}

// InjectText is the translation of one drill inject's texts.
type InjectText struct {
	Hash   string
	Event  string
	Expect string
	Pos    Pos
}

// TextHash is the hash a translation carries of the source texts it was
// made from: "sha1-" and the hex SHA-1 of the texts, each followed by a NUL
// byte, as written in the playbook (a block text keeps its final newline).
// It is go-i18n's form of hash, over a group of texts instead of one
// message: printf 'A title\0A detection\n\0' | sha1sum gives it.
func TextHash(texts ...string) string {
	h := sha1.New()
	for _, t := range texts {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	return "sha1-" + hex.EncodeToString(h.Sum(nil))
}

// HeaderHash is the hash of the playbook's title and detection.
func (p *Playbook) HeaderHash() string { return TextHash(p.Title, p.Detection) }

// TextHash is the hash of the step's title, instructions and checklist
// items, in that order, then of a decision's option titles, each as
// "id: title" (a step without options hashes as in 1.0).
func (s *Step) TextHash() string {
	texts := append([]string{s.Title, s.Instructions}, s.Checklist...)
	for _, o := range s.Options {
		texts = append(texts, o.ID+": "+o.Title)
	}
	return TextHash(texts...)
}

// TextHash is the hash of the inject's event and expected response.
func (in *Inject) TextHash() string { return TextHash(in.Event, in.Expect) }

// Translation returns the playbook's translation into locale, nil when it
// has none.
func (p *Playbook) Translation(locale string) *Translation {
	return firstOf(p.Translations, func(t *Translation) bool { return t.Locale == locale })
}

// In returns the playbook with its texts in locale: a copy where every text
// the translation gives replaces the source's, and the source stays where
// it gives none (lint's CR306 reports those). A checklist is replaced only
// whole, with as many items as the source's: items are checked off by
// number. Without a translation into locale, p itself is returned.
func (p *Playbook) In(locale string) *Playbook {
	t := p.Translation(locale)
	if t == nil {
		return p
	}
	c := *p
	c.Title = or(t.Title, p.Title)
	c.Detection = or(t.Detection, p.Detection)
	c.Steps = localSteps(p.Steps, t)
	c.FollowUp = localSteps(p.FollowUp, t)
	c.Variables = localVariables(p.Variables, t)
	c.Drill.Injects = slices.Clone(p.Drill.Injects)
	for i, in := range c.Drill.Injects {
		if i < len(t.Injects) {
			in.Event = or(t.Injects[i].Event, in.Event)
			in.Expect = or(t.Injects[i].Expect, in.Expect)
		}
		c.Drill.Injects[i] = in
	}
	return &c
}

func localSteps(steps []Step, t *Translation) []Step {
	if steps == nil {
		return nil
	}
	out := make([]Step, len(steps))
	for i, s := range steps {
		if st := t.Steps[s.ID]; st != nil {
			s.Title = or(st.Title, s.Title)
			s.Instructions = or(st.Instructions, s.Instructions)
			if len(st.Checklist) == len(s.Checklist) {
				s.Checklist = st.Checklist
			}
			s.Options = localOptions(s.Options, st.Options)
		}
		out[i] = s
	}
	return out
}

func or(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// Localize returns p in the language an operator reads, want: its
// translation into that language when it has one, else p as written, in
// the manual's default locale. It returns the locale chosen, and whether
// it is in want's language (false: say so to the operator). A locale of
// the same language serves when none matches exactly: es-PE reads es.
func (m *Manual) Localize(p *Playbook, want language.Tag) (*Playbook, string, bool) {
	locales := make([]string, 0, len(p.Translations)+1)
	if m.Locales.Default != "" {
		locales = append(locales, m.Locales.Default)
	}
	for _, t := range p.Translations {
		locales = append(locales, t.Locale)
	}
	best := closest(locales, want)
	if best == "" {
		return p, m.Locales.Default, false
	}
	if best == m.Locales.Default {
		return p, best, true
	}
	return m.withVariables(p.In(best), best), best, true
}

// closest is the locale of locales that serves want: the same tag, else
// the first of the same language (es-PE reads es); "" when none does.
func closest(locales []string, want language.Tag) string {
	base, _ := want.Base()
	best := ""
	for _, l := range locales {
		tag, err := language.Parse(l)
		if err != nil {
			continue
		}
		if tag == want {
			return l
		}
		if b, _ := tag.Base(); b == base && best == "" {
			best = l
		}
	}
	return best
}

// translationName splits a translation file's name, meta-outage.en.yaml,
// into the playbook's id and the locale; ok is false for a playbook's own
// file name, which has no dot before its extension.
func translationName(file string) (id, locale string, ok bool) {
	return strings.Cut(baseName(file), ".")
}

var translationKeys = []string{"crisis", "kind", "hash", "title", "detection", "steps", "follow_up", "drill", "variables"}

// decodeTranslation fills t from a translation file's root node. Which
// texts it must hold is lint's business (CR306): a translation may be
// written a step at a time.
func (d *decoder) decodeTranslation(root *yaml.Node, t *Translation) {
	if t.Playbook == ManualID {
		d.decodeManualTranslation(root, t)
		return
	}
	o := d.object(root, "a translation", translationKeys...)
	d.header(&o, "translation")
	t.Pos = d.pos(root)
	t.At = o.at()
	t.Variables = d.decodeVarTexts(&o)
	t.Hash = o.str("hash", false)
	t.Title = o.str("title", false)
	t.Detection = o.str("detection", false)
	t.Steps = map[string]*StepText{}
	seen := map[string]Pos{}
	for _, group := range []string{"steps", "follow_up"} {
		n := o.get(group, false)
		if n == nil {
			continue
		}
		d.ids(n, idMap{key: "a step id", seen: seen,
			shape: func(found *lang.Error) (*lang.Error, *lang.Error) {
				return say("loader.step-texts", args{"Key": group, "Found": found}), say("loader.step-texts.hint", nil)
			},
			check: badID("loader.step-id.hint"),
			twice: firstAt("loader.step-twice", "ID"),
		}, func(k, v *yaml.Node, id string) bool {
			so := d.object(v, "the texts of step "+id, "hash", "title", "instructions", "checklist", "options")
			t.Steps[id] = &StepText{Hash: so.str("hash", false), Title: so.str("title", false),
				Instructions: so.str("instructions", false), Checklist: so.strings("checklist"),
				Options: d.optionTexts(&so), FollowUp: group == "follow_up", Pos: d.pos(k)}
			return true
		})
	}
	do := d.object(o.get("drill", false), "drill", "injects")
	for _, in := range do.list("injects", false) {
		io := d.object(in, "an inject", "hash", "event", "expect")
		t.Injects = append(t.Injects, &InjectText{Hash: io.str("hash", false), Event: io.str("event", false),
			Expect: io.str("expect", false), Pos: d.pos(in)})
	}
}
