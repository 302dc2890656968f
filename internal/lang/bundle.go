package lang

import (
	"crypto/sha1"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The interface's messages, one file per area and language:
// locales/AREA.LANG.yaml. English is the source: each English message has an
// id, a description for translators and its text (other, and one/few/many
// where a count changes the wording). A translation carries hash: go-i18n's
// hash of the English description and other text it was made from, so a
// changed source shows up as a stale translation (TestCatalogComplete).
//
// The files are compiled into catalogue_gen.go (go generate ./internal/lang;
// TestCatalogueGenerated fails while it is out of date): parsing the YAML at
// run time cost 3 to 6 ms, more than the start-up budget allows.
//
//go:generate go test -run TestCatalogueGenerated -update .

// bundles holds one bundle per supported language, each made on first use
// from the English source and that language's messages only: most commands
// print no interface text at all before they exit, and a Spanish user
// never needs the Polish texts.
var bundles = func() map[language.Tag]func() *catalogue {
	m := map[language.Tag]func() *catalogue{}
	for _, t := range Supported {
		m[t] = sync.OnceValue(func() *catalogue { return load(t) })
	}
	return m
}()

// catalogue is one language's bundle and the ids of its English source.
type catalogue struct {
	bundle *i18n.Bundle
	ids    map[string]bool
}

// load makes the bundle of the English messages and, for another
// language, its own.
func load(tag language.Tag) *catalogue {
	b := i18n.NewBundle(language.English)
	en := compiled("en")
	ids := make(map[string]bool, len(en))
	for _, m := range en {
		ids[m.ID] = true
	}
	// The compiled messages come from files the catalogue test checks:
	// go-i18n refuses none of them.
	_ = b.AddMessages(language.English, en...)
	if tag != language.English {
		_ = b.AddMessages(tag, compiled(tag.String())...)
	}
	return &catalogue{bundle: b, ids: ids}
}

// Localizer prints interface messages in one language.
type Localizer struct {
	Tag language.Tag
	l   *i18n.Localizer
	ids map[string]bool
	// region writes the Phrases (a time of day) as the user's region
	// does: en-GB's 24-hour clock in English words. Tag when none.
	region language.Tag
}

// WithRegion is l writing its Phrases as region does (en-GB for an
// English interface asked for with en_GB), when region is a region of
// l's language; l itself otherwise.
func (l *Localizer) WithRegion(region language.Tag) *Localizer {
	rb, _ := region.Base()
	if lb, _ := l.Tag.Base(); rb != lb || region == l.Tag {
		return l
	}
	c := *l
	c.region = region
	return &c
}

// phraseTag is the tag Phrases are written in.
func (l *Localizer) phraseTag() language.Tag {
	if l.region != (language.Tag{}) {
		return l.region
	}
	return l.Tag
}

// For returns the localizer for tag (one of Supported).
func For(tag language.Tag) *Localizer {
	get, ok := bundles[tag]
	if !ok {
		tag, get = language.English, bundles[language.English]
	}
	c := get()
	return &Localizer{Tag: tag, l: i18n.NewLocalizer(c.bundle, tag.String(), "en"), ids: c.ids}
}

// Has says whether the catalogue has message id: cobra's own commands
// (help, completion) are translated only where the catalogue has their text.
func (l *Localizer) Has(id string) bool {
	return l.ids[id]
}

// Or joins items as a list of alternatives in this language: "a, b or c".
func (l *Localizer) Or(items []string) string {
	if e, ok := OrList(items).(*Error); ok {
		return l.message(e)
	}
	return strings.Join(items, "")
}

// OrList is items as a list of alternatives for an Error's data, joined
// in the language the error is printed in.
func OrList(items []string) any {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return Errorf("common.or", map[string]any{"List": strings.Join(items[:len(items)-1], ", "), "Last": items[len(items)-1]})
}

// T returns message id filled with data (a map or a struct, as the
// message's {{.Field}}s need). An id with no message is a defect the
// catalogue test catches; at run time the id itself is shown rather than
// nothing.
func (l *Localizer) T(id string, data any) string {
	s, err := l.l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: l.fill(data)})
	if err != nil && s == "" {
		return id
	}
	return s
}

// N returns message id in the plural form CLDR gives count in this
// language (Polish: 1 one, 2 few, 5 many, 22 few, 25 many). data may use
// {{.Count}}; with a nil data, Count is the only field.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	if _, ok := data["Count"]; !ok {
		data["Count"] = count
	}
	s, err := l.l.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: l.fill(data)})
	if err != nil && s == "" {
		return id
	}
	return s
}

// fill returns data with each value that is itself an *Error (a phrase
// inside a message: "a list", "did you mean ...?") or a Phrase replaced by
// its text in l's language; data without one is returned as it is.
func (l *Localizer) fill(data any) any {
	m, ok := data.(map[string]any)
	if !ok {
		return data
	}
	var out map[string]any
	for k, v := range m {
		var text string
		switch v := v.(type) {
		case *Error:
			text = l.message(v)
		case Phrase:
			text = v.In(l.phraseTag())
		default:
			continue
		}
		if out == nil {
			out = maps.Clone(m)
		}
		out[k] = text
	}
	if out == nil {
		return m
	}
	return out
}

// Phrase is a value a message shows whose words are the language's own (a
// time of day: "1:33 AM" in English, "1:33" in Spanish): it is written in
// the language of the message it fills.
type Phrase interface {
	In(tag language.Tag) string
}

// SourceHash is go-i18n's hash of a source message, the one a translation
// records: "sha1-" and the hex SHA-1 of the description followed by the
// other text.
func SourceHash(description, other string) string {
	h := sha1.New()
	h.Write([]byte(description))
	h.Write([]byte(other))
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// Error is an error whose text is an interface message. Error() gives the
// English text (logs, wrapped errors, tests); the command layer prints it in
// the interface language with Text. Callers keep their own types around it
// (an exit code, errors.Is targets): Error only carries the words.
type Error struct {
	ID   string
	Data map[string]any
	// Count, when set, chooses the plural form of a counted message.
	Count *int
}

// Errorf returns the error whose text is message id filled with data.
func Errorf(id string, data map[string]any) *Error { return &Error{ID: id, Data: data} }

// Countf returns the error whose text is counted message id in the
// plural form of count, filled with data and {{.Count}}.
func Countf(id string, count int, data map[string]any) *Error {
	return &Error{ID: id, Data: data, Count: &count}
}

func (e *Error) Error() string { return For(language.English).message(e) }

// Unwrap gives the errors among e's data (the reason a message names), in
// the order of their keys, so that errors.Is and errors.As still reach an
// error a message wraps.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(e.Data)) {
		if err, ok := e.Data[k].(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// message fills e's text in l's language; data that are themselves an
// *Error (a hint inside a message) are filled in the same language, and
// other errors (the reason after "not sent: ") are shown as Text shows them.
func (l *Localizer) message(e *Error) string {
	data := make(map[string]any, len(e.Data))
	for k, v := range e.Data {
		switch inner := v.(type) {
		case *Error:
			v = l.message(inner)
		case Phrase:
			v = inner.In(l.phraseTag())
		case error:
			v = l.Text(inner)
		}
		data[k] = v
	}
	if e.Count != nil {
		return l.N(e.ID, *e.Count, data)
	}
	return l.T(e.ID, data)
}

// Text is err's text in l's language: the English words of each Error in
// err's tree (an error may join several, as "%w; %w" does) are replaced by
// their translation, so whatever wrapped them ("playbooks/x.yaml: ...") is
// kept as it was.
func (l *Localizer) Text(err error) string {
	s := err.Error()
	if l.Tag == language.English {
		return s
	}
	var walk func(error)
	walk = func(err error) {
		if e, ok := err.(*Error); ok {
			s = strings.Replace(s, e.Error(), l.message(e), 1)
			return // its data were translated with it
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			if inner := u.Unwrap(); inner != nil {
				walk(inner)
			}
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				walk(inner)
			}
		}
	}
	walk(err)
	return s
}
