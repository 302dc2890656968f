package message

import (
	"strings"
	"time"
)

// clock12 lists the locales whose people read times on a 12-hour clock.
// Everyone else in the manual's markets reads 24-hour times.
var clock12 = map[string]bool{"en": true, "en-gb": false, "en-ie": false, "en-us": true, "en-ca": true, "en-au": true, "en-ph": true, "es-us": true, "pt-br": false}

// dateLayouts by language (and region where it differs).
var dateLayouts = map[string]string{
	"en": "01/02/2006", "en-gb": "02/01/2006", "en-ie": "02/01/2006",
	"es": "02/01/2006", "pt": "02/01/2006", "it": "02/01/2006", "fr": "02/01/2006",
	"pl": "02.01.2006", "de": "02.01.2006", "nl": "02-01-2006",
}

func lookupLocale[V any](m map[string]V, locale string) (V, bool) {
	l := strings.ToLower(strings.ReplaceAll(locale, "_", "-"))
	if v, ok := m[l]; ok {
		return v, true
	}
	lang, _, _ := strings.Cut(l, "-")
	v, ok := m[lang]
	return v, ok
}

// FormatClock writes a time of day as the locale reads it: 14:05 or 2:05 PM.
func FormatClock(t time.Time, locale string) string {
	if twelve, _ := lookupLocale(clock12, locale); twelve {
		return t.Format("3:04 PM")
	}
	return t.Format("15:04")
}

// FormatDate writes a date as the locale reads it.
func FormatDate(t time.Time, locale string) string {
	if layout, ok := lookupLocale(dateLayouts, locale); ok {
		return t.Format(layout)
	}
	return t.Format(time.DateOnly)
}
