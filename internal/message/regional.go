package message

import (
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// regional is a localizer of locale's texts that chooses plural forms by
// the rules of tag, a reader's full locale. go-i18n takes a message's
// plural rules from the tag its texts were added under: the manual's pt
// texts are pt, whose CLDR rules are Brazil's (0 is "one": "0 loja"),
// while Portugal's, pt-PT, count 0 as plural. The texts are added again
// under tag in a bundle of their own, built once per pair; a tag go-i18n
// cannot read keeps locale's rules. c.mu is held.
func (c *Catalog) regional(locale, tag string) *i18n.Localizer {
	key := locale + " " + tag
	if l, ok := c.regionals[key]; ok {
		return l
	}
	l := c.localizers[locale]
	if t, err := language.Parse(tag); err == nil && c.files[locale] != nil {
		b := i18n.NewBundle(t)
		msgs := make([]*i18n.Message, 0, len(c.files[locale].Messages))
		for _, msg := range c.files[locale].Messages {
			msgs = append(msgs, toI18n(msg))
		}
		if err := b.AddMessages(t, msgs...); err == nil {
			l = i18n.NewLocalizer(b, tag)
		}
	}
	if c.regionals == nil {
		c.regionals = map[string]*i18n.Localizer{}
	}
	c.regionals[key] = l
	return l
}
