package message

import (
	"maps"
	"slices"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/manual"
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

// withRegion is the locales a text of loc is looked up in, in order: the
// regional catalogue of region first when it has one and region is of
// loc's language (es-PE for es), then loc itself.
// The file is found whatever the case of either tag (a market's es-pe
// reads templates/es-PE.yaml).
func (c *Catalog) withRegion(loc, region string) []string {
	if region == "" || manual.SameTag(region, loc) || !descends(region, loc) {
		return []string{loc}
	}
	for l := range c.files {
		if manual.SameTag(l, region) {
			return []string{l, loc}
		}
	}
	return []string{loc}
}

// descends reports whether tag is a sub-locale of locale: es-PE and
// es-419 of es, not es of es-PE.
func descends(tag, locale string) bool {
	for t := manual.ParentLocale(tag); t != ""; t = manual.ParentLocale(t) {
		if manual.SameTag(t, locale) {
			return true
		}
	}
	return false
}

// has reports whether any of locs holds the text id.
func (c *Catalog) has(locs []string, id string) bool {
	return c.holder(locs, id) != ""
}

// holder is the first of locs whose file holds the text id, empty when
// none does.
func (c *Catalog) holder(locs []string, id string) string {
	for _, l := range locs {
		if c.ids[l][id] {
			return l
		}
	}
	return ""
}

// RegionalIDs are the ids of region's catalogue that a text of message on
// a channel of kind, in locale, takes when its readers share region's tag:
// what Render would take from it. Lint reports a regional text no reader
// ever takes.
func (c *Catalog) RegionalIDs(message, kind, locale, region string) []string {
	locs := c.withRegion(locale, region)
	if len(locs) < 2 {
		return nil
	}
	text, parts, ok := c.variant(locs, message, kind)
	if !ok {
		return nil
	}
	var ids []string
	for _, id := range append([]string{text}, slices.Collect(maps.Values(parts))...) {
		if c.holder(locs, id) == locs[0] {
			ids = append(ids, id)
		}
	}
	return ids
}
