package statussite

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// texts.json holds the page's own words (not the announcements, which come
// from the runs) for every locale the site speaks. A key missing in one
// locale is caught by the package tests, not at 3 a.m.
//
//go:embed texts.json
var textsJSON []byte

type catalog map[string]map[string]string

// texts is read when a page is first built, not at start-up: decoding it
// was a fifth of a millisecond of every command's package initialisation,
// render and lint included, which never build a page.
var texts = sync.OnceValue(func() catalog {
	var c catalog
	if err := json.Unmarshal(textsJSON, &c); err != nil {
		panic("statussite: texts.json: " + err.Error()) // embedded at build time; a test reads it too
	}
	return c
})

// Locales lists the locales the page texts exist in.
func Locales() []string { return []string{"es", "en", "pl", "pt"} }

// textsFor returns the page texts for a locale: its own, else its
// language's, else English.
func textsFor(locale string) (map[string]string, string) {
	l := strings.ToLower(locale)
	if t, ok := texts()[l]; ok {
		return t, l
	}
	lang, _, _ := strings.Cut(l, "-")
	if t, ok := texts()[lang]; ok {
		return t, lang
	}
	return texts()["en"], "en"
}

// checkLocales refuses a manual locale the site has no texts for, rather
// than showing English under another language's name.
func checkLocales(locales []string) error {
	var missing []string
	for _, l := range locales {
		if _, got := textsFor(l); got == "en" && !strings.HasPrefix(strings.ToLower(l), "en") {
			missing = append(missing, l)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("the status page has no texts in %s (it speaks %s); remove the locale from locales.supported in manual.yaml or add its texts to internal/statussite/texts.json", strings.Join(missing, ", "), strings.Join(Locales(), ", "))
	}
	return nil
}
