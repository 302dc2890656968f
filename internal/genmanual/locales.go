package genmanual

import "fmt"

// locale is one language the messages are written in, with its CLDR plural
// categories (as go-i18n's rules, CLDR 46, give them) and the texts of every
// message kind.
type locale struct {
	code   string
	plural []string // CLDR categories, "other" last
	text   *texts
}

// localeOrder is the order locales are added in: the example manual's four
// (Spanish is the source), then the other large European markets. Locales
// past the eighth have no translation written yet and carry the English
// text, as a real manual does while a new market is being translated; their
// plural categories are still their own.
var localeOrder = []locale{
	{"es", []string{"one", "many", "other"}, &spanish},
	{"en", []string{"one", "other"}, &english},
	{"pl", []string{"one", "few", "many", "other"}, &polish},
	{"pt", []string{"one", "many", "other"}, &portuguese},
	{"de", []string{"one", "other"}, &german},
	{"fr", []string{"one", "many", "other"}, &french},
	{"it", []string{"one", "many", "other"}, &italian},
	{"nl", []string{"one", "other"}, &dutch},
	{"sv", []string{"one", "other"}, &english},
	{"da", []string{"one", "other"}, &english},
	{"cs", []string{"one", "few", "many", "other"}, &english},
	{"ro", []string{"one", "few", "other"}, &english},
}

// MaxLocales is the largest -locales value.
var MaxLocales = len(localeOrder)

func pickLocales(n int) ([]locale, error) {
	if n < 1 || n > len(localeOrder) {
		return nil, fmt.Errorf("locales must be between 1 and %d, got %d", len(localeOrder), n)
	}
	return localeOrder[:n], nil
}

// unitWord returns a plural form of a counted word. A category the
// language's table lacks falls back to "other" (English placeholders in a
// locale with more categories).
func (t *texts) unitWord(words map[string]string, form string) string {
	if w, ok := words[form]; ok {
		return w
	}
	return words["other"]
}
