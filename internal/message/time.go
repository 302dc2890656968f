package message

import (
	"strings"
	"sync"
	"time"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/en_US"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/es_419"
	"github.com/go-playground/locales/es_ES"
	"github.com/go-playground/locales/es_PE"
	"github.com/go-playground/locales/pl"
	"github.com/go-playground/locales/pl_PL"
	"github.com/go-playground/locales/pt"
	"github.com/go-playground/locales/pt_BR"
	"github.com/go-playground/locales/pt_PT"
	"golang.org/x/text/language"
)

// cldrLocales are the locales whose CLDR time and date formats crisis
// carries, from github.com/go-playground/locales (CLDR 36.0.1): the
// markets' locales (es-ES, es-PE, pt-PT, pl-PL, en-GB), the main ones of
// each language crisis speaks, and the languages themselves. Each is a Go
// package of its own, so only these are linked, not the library's 700+.
// Any other tag is served by its nearest CLDR parent here (es-MX by es-419,
// pt-AO by pt-PT, en-IE by en), and a tag of another language by ISO 8601.
var cldrLocales = map[string]func() locales.Translator{
	"en": en.New, "en-GB": en_GB.New, "en-US": en_US.New,
	"es": es.New, "es-ES": es_ES.New, "es-419": es_419.New, "es-PE": es_PE.New,
	"pl": pl.New, "pl-PL": pl_PL.New,
	"pt": pt.New, "pt-BR": pt_BR.New, "pt-PT": pt_PT.New,
}

// cldrFormats is a locale's CLDR formats; tr is nil for a language crisis
// does not carry. twelve: its short time pattern uses a 12-hour clock (h,
// not H), seen in its 13:00 not being written with a 13.
type cldrFormats struct {
	tr     locales.Translator
	twelve bool
}

var (
	formatsMu sync.Mutex
	formats   = map[string]cldrFormats{}
)

// formatsFor returns the CLDR formats for a locale tag, walking CLDR's
// parent chain (es-MX, es-419, es) to the nearest locale carried.
func formatsFor(locale string) cldrFormats {
	formatsMu.Lock()
	defer formatsMu.Unlock()
	if f, ok := formats[locale]; ok {
		return f
	}
	var f cldrFormats
	if tag, err := language.Parse(strings.ReplaceAll(locale, "_", "-")); err == nil {
		for ; tag != language.Und; tag = tag.Parent() {
			if mk := cldrLocales[tag.String()]; mk != nil {
				f.tr = mk()
				f.twelve = !strings.Contains(f.tr.FmtTimeShort(time.Date(2000, 1, 1, 13, 0, 0, 0, time.UTC)), "13")
				break
			}
		}
	}
	formats[locale] = f
	return f
}

// FormatClock writes a time of day as the locale's CLDR short time format
// does: 1:33 (es), 01:33 (pt-PT, pl, en-GB), 1:33 AM (en-US); ISO's 01:33
// for a language crisis does not carry.
//
// On a 12-hour clock the library is wrong twice (v0.14.1): it writes the
// hour after midnight as 0 (0:33 am) where CLDR's h runs 1-12, and it takes
// CLDR's alt="variant" day periods (am, pm) over the default ones (AM, PM).
// Every 12-hour locale carried is English, whose CLDR pattern is h:mm a, so
// those are written by Go's own 3:04 PM, which is exactly that pattern with
// CLDR's default periods and a plain space (newer CLDR puts U+202F there,
// which would force an SMS out of GSM-7).
func FormatClock(t time.Time, locale string) string {
	switch f := formatsFor(locale); {
	case f.tr == nil:
		return t.Format("15:04")
	case f.twelve:
		return t.Format("3:04 PM")
	default:
		return f.tr.FmtTimeShort(t)
	}
}

// FormatDate writes a date as the locale's CLDR short date format does:
// 26/11/26 (es, pt-PT), 26.11.2026 (pl), 26/11/2026 (en-GB, pt-BR),
// 11/26/26 (en-US); ISO's 2026-11-26 for a language crisis does not carry.
// The short form, all digits and separators, keeps an SMS in GSM-7 where
// the medium one would not (Polish "paź" for October).
func FormatDate(t time.Time, locale string) string {
	if f := formatsFor(locale); f.tr != nil {
		return f.tr.FmtDateShort(t)
	}
	return t.Format(time.DateOnly)
}
