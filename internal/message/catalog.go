package message

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/manual"
)

// Catalog holds a manual's messages in every locale.
type Catalog struct {
	mu         sync.Mutex
	localizers map[string]*i18n.Localizer
	// regionals are localizers of one locale's texts under a reader's
	// full tag (pt's texts read in pt-PT), by "locale tag"; see regional.
	regionals map[string]*i18n.Localizer
	parsers   map[string]sandboxParser
	parsed    parseCache // the parsers' templates
	bundle    *i18n.Bundle
	files     map[string]*manual.TemplateFile
	// ids are each file's text ids, by locale: a text is looked up in a
	// locale and its region for every announcement (holder).
	ids       map[string]map[string]bool
	Default   string
	source    func(file string, n int) string           // the manual's lines, to place errors
	drillMark func(locale, kind, channel string) string // the manual's (manual.Manual.DrillMarkFor)
}

// NewCatalog builds a go-i18n bundle from the manual's message files.
func NewCatalog(m *manual.Manual) (*Catalog, error) {
	def := m.Locales.Default
	defTag, err := language.Parse(def)
	if err != nil {
		return nil, fmt.Errorf("default locale %q: %w", def, err)
	}
	c := &Catalog{bundle: i18n.NewBundle(defTag), files: map[string]*manual.TemplateFile{}, ids: map[string]map[string]bool{}, Default: def,
		localizers: map[string]*i18n.Localizer{}, parsers: map[string]sandboxParser{}, source: m.SourceLine, drillMark: m.DrillMarkFor,
		parsed: parseCache{texts: indexOf(m)}}
	for _, t := range m.Templates {
		tag, err := language.Parse(t.Locale)
		if err != nil {
			return nil, fmt.Errorf("%s: locale %q: %w", t.File, t.Locale, err)
		}
		msgs := make([]*i18n.Message, 0, len(t.Messages))
		for _, msg := range t.Messages {
			msgs = append(msgs, toI18n(msg))
		}
		if err := c.bundle.AddMessages(tag, msgs...); err != nil {
			return nil, fmt.Errorf("%s: %w", t.File, err)
		}
		c.files[t.Locale] = t
		ids := make(map[string]bool, len(t.Messages))
		for _, msg := range t.Messages {
			ids[msg.ID] = true
		}
		c.ids[t.Locale] = ids
	}
	return c, nil
}

func toI18n(m *manual.Message) *i18n.Message {
	return &i18n.Message{ID: m.ID, Hash: m.Hash, Description: m.Description,
		Zero: m.Forms["zero"], One: m.Forms["one"], Two: m.Forms["two"],
		Few: m.Forms["few"], Many: m.Forms["many"], Other: m.Forms["other"]}
}

// Chain is the locale fallback chain for a requested locale: the locale
// itself, its parents (es-PE -> es), then the manual's default. Locales
// without a message file stay in the chain so a fallback report names them.
func (c *Catalog) Chain(locale string) []string {
	var chain []string
	add := func(l string) {
		if !slices.Contains(chain, l) {
			chain = append(chain, l)
		}
	}
	for l := locale; l != ""; {
		add(l)
		i := strings.LastIndexAny(l, "-_")
		if i < 0 {
			break
		}
		l = l[:i]
	}
	add(c.Default)
	return chain
}

// Locales lists the locales the catalog has messages for.
func (c *Catalog) Locales() []string {
	var out []string
	for l := range c.files {
		out = append(out, l)
	}
	return out
}

// variant finds the best text ids for a message on a channel kind in one
// locale, looked up in each of locs (a regional catalogue, then its base
// locale): the kind's own variant, else the generic one. Kinds with parts
// (e-mail) use body and subject. A region's generic text does not replace
// its base's text for the kind: the channel variant is written to the
// channel's measure, which a text for every channel is not.
func (c *Catalog) variant(locs []string, message, kind string) (text string, parts map[string]string, ok bool) {
	for _, v := range []string{kind, manual.GenericVariant} {
		base := message + "." + v
		if c.has(locs, base) {
			return base, nil, true
		}
		if c.has(locs, base+".body") {
			parts = map[string]string{}
			for _, part := range manual.Parts {
				if part != "body" && c.has(locs, base+"."+part) {
					parts[part] = base + "." + part
				}
			}
			return base + ".body", parts, true
		}
	}
	return "", nil, false
}

// ErrNoMessage means a message exists in no locale of the chain.
var ErrNoMessage = errors.New("no such message")

// localize executes one message id in one locale; tag, when not empty,
// is the reader's full locale, whose plural rules choose the form.
func (c *Catalog) localize(locale, tag, id string, data map[string]any, count any) (string, error) {
	c.mu.Lock()
	loc, ok := c.localizers[locale]
	if !ok {
		loc = i18n.NewLocalizer(c.bundle, locale)
		c.localizers[locale] = loc
		c.parsers[locale] = sandboxParser{locale: locale, cache: &c.parsed}
	}
	parser := c.parsers[locale]
	if tag != "" && tag != locale {
		loc = c.regional(locale, tag)
	}
	c.mu.Unlock()
	cfg := &i18n.LocalizeConfig{
		MessageID:      id,
		TemplateData:   data,
		TemplateParser: parser,
	}
	if count != nil {
		cfg.PluralCount = count
	}
	return loc.Localize(cfg)
}
