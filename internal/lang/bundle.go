package lang

import (
	"crypto/sha1"
	"embed"
	"fmt"
	"io/fs"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// The interface's messages, one file per area and language:
// locales/AREA.LANG.yaml. English is the source: each English message has an
// id, a description for translators and its text (other, and one/few/many
// where a count changes the wording). A translation carries hash: go-i18n's
// hash of the English description and other text it was made from, so a
// changed source shows up as a stale translation (TestCatalogComplete).
//
//go:embed locales/*.yaml
var files embed.FS

// bundle parses the catalogue on first use only: most commands print no
// interface text at all before they exit, and start-up time is a figure.
var bundle = sync.OnceValues(func() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	paths, err := fs.Glob(files, "locales/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		data, err := files.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if _, err := b.ParseMessageFileBytes(data, p); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return b, nil
})

// Localizer prints interface messages in one language.
type Localizer struct {
	Tag language.Tag
	l   *i18n.Localizer
}

// For returns the localizer for tag (one of Supported).
func For(tag language.Tag) *Localizer {
	b, err := bundle()
	if err != nil {
		// The catalogue is embedded and tested: a broken one is a build
		// defect, never the user's input.
		panic("lang: embedded catalogue: " + err.Error())
	}
	return &Localizer{Tag: tag, l: i18n.NewLocalizer(b, tag.String(), "en")}
}

// T returns message id filled with data (a map or a struct, as the
// message's {{.Field}}s need). An id with no message is a defect the
// catalogue test catches; at run time the id itself is shown rather than
// nothing.
func (l *Localizer) T(id string, data any) string {
	s, err := l.l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
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
	s, err := l.l.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
	if err != nil && s == "" {
		return id
	}
	return s
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
