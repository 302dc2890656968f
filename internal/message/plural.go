package message

import (
	"slices"
	"strconv"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

var (
	categoriesMu    sync.Mutex
	categoriesCache = map[string][]string{}
)

// probes are numbers that between them reach every CLDR plural category of
// every language go-i18n knows: small integers, the teens, the 20s-100s
// where Slavic rules cycle, millions (Spanish "many"), and fractions.
var probes = func() []string {
	var p []string
	for i := 0; i <= 120; i++ {
		p = append(p, strconv.Itoa(i))
	}
	return append(p, "1000", "1000000", "2000000", "0.5", "1.5", "2.5", "1.0", "0.0")
}()

// Categories returns the CLDR plural categories go-i18n uses for a locale,
// in CLDR order. It asks go-i18n itself, with a message whose every form is
// its own name, so lint checks exactly what rendering will choose.
func Categories(locale string) []string {
	categoriesMu.Lock()
	defer categoriesMu.Unlock()
	if c, ok := categoriesCache[locale]; ok {
		return c
	}
	tag, err := language.Parse(locale)
	if err != nil {
		return []string{"other"}
	}
	b := i18n.NewBundle(tag)
	msg := &i18n.Message{ID: "p", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	_ = b.AddMessages(tag, msg)
	loc := i18n.NewLocalizer(b, locale)
	seen := map[string]bool{}
	for _, n := range probes {
		if s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "p", PluralCount: n}); err == nil {
			seen[s] = true
		}
	}
	var out []string
	for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if seen[f] {
			out = append(out, f)
		}
	}
	if !slices.Contains(out, "other") {
		out = append(out, "other")
	}
	categoriesCache[locale] = out
	return out
}
