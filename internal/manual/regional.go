package manual

import (
	"slices"
	"strings"
)

// A regional catalogue is a message file written for a full locale tag
// that the manual does not list as a locale of its own (templates/es-PE.yaml
// beside es.yaml): it holds only the texts that differ for the readers of
// that region, and every other text is its base locale's, as CLDR's parent
// locales fall back (es-PE -> es). It is not a translation: nothing is
// translated from the source, so it carries no hash.

// ParentLocale is a locale tag without its last subtag: es for es-PE, zh-Hant
// for zh-Hant-TW; empty for a bare language.
func ParentLocale(tag string) string {
	i := strings.LastIndexAny(tag, "-_")
	if i < 0 {
		return ""
	}
	return tag[:i]
}

// RegionalBase is the supported locale a regional catalogue of locale
// falls back to: its nearest ancestor the manual supports. Empty when
// locale is supported itself (a translation, not a variant) or no ancestor
// is.
func (m *Manual) RegionalBase(locale string) string {
	if slices.Contains(m.Locales.Supported, locale) {
		return ""
	}
	for l := ParentLocale(locale); l != ""; l = ParentLocale(l) {
		if i := slices.IndexFunc(m.Locales.Supported, func(s string) bool { return SameTag(s, l) }); i >= 0 {
			return m.Locales.Supported[i]
		}
	}
	return ""
}

// IsRegional reports whether t is a regional catalogue (RegionalBase).
func (m *Manual) IsRegional(t *TemplateFile) bool { return m.RegionalBase(t.Locale) != "" }

// SameTag reports whether two locale tags are one, as BCP 47 compares
// them: whatever the case, with - or _ between subtags.
func SameTag(a, b string) bool {
	return strings.EqualFold(strings.ReplaceAll(a, "_", "-"), strings.ReplaceAll(b, "_", "-"))
}

// SharedTag is the full locale every market of rs reads under, empty when
// they differ or there are none. A text read in several markets is one
// text: it takes a regional catalogue's entry only when all its readers
// are of that region (Spain's and Peru's readers of one supplier e-mail
// read the es text; Peru's own status page reads es-PE's).
func SharedTag(rs []*Market) string {
	if len(rs) == 0 {
		return ""
	}
	tag := rs[0].Locale
	for _, mk := range rs[1:] {
		if !SameTag(mk.Locale, tag) {
			return ""
		}
	}
	return tag
}
