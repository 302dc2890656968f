package message

import (
	"strings"
	"time"

	"golang.org/x/text/language"
)

// AtClock writes "at" a time of day as the locale's language says it before
// a clock: Spanish and Portuguese put an article that agrees with the hour
// read aloud, singular for one o'clock only (es "a la 1:33", "a las 10:33",
// "a las 0:33"; pt "à 01:33", "às 22:05"), Polish "o 01:33", English
// "at 1:33 AM". A language without a rule here gets the clock alone.
func AtClock(t time.Time, locale string) string {
	clock := FormatClock(t, locale)
	one := t.Hour() == 1
	base, _ := language.Make(strings.ReplaceAll(locale, "_", "-")).Base()
	switch base.String() {
	case "es":
		if one {
			return "a la " + clock
		}
		return "a las " + clock
	case "pt":
		if one {
			return "à " + clock
		}
		return "às " + clock
	case "pl":
		return "o " + clock
	case "en":
		return "at " + clock
	}
	return clock
}
