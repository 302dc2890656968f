package message

import (
	"sync"

	i18ntemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"
)

// parseCache holds a catalog's executable templates by locale and text,
// made from its manual's texts compiled once (index). go-i18n parses a
// text once per bundle, and a catalog has one bundle per locale and one
// more per reader's locale (see regional): without it the same Spanish
// text was parsed and checked again for es-ES, es-IC and es-PE. A parsed
// template is never changed, so bundles share it.
type parseCache struct {
	texts *index
	mu    sync.Mutex
	m     map[parseKey]parsed
}

type parseKey struct{ locale, text string }

type parsed struct {
	t   i18ntemplate.ParsedTemplate
	err error
}

// get gives text's template for locale, made once; a text that fails
// fails the same way each time it is asked for.
func (c *parseCache) get(locale, text string) (i18ntemplate.ParsedTemplate, error) {
	k := parseKey{locale, text}
	c.mu.Lock()
	p, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return p.t, p.err
	}
	if t, err := c.texts.inLocale(text, locale); err != nil {
		p.err = err
	} else {
		p.t = sandboxed{t: t, text: text}
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[parseKey]parsed{}
	}
	c.m[k] = p
	c.mu.Unlock()
	return p.t, p.err
}
