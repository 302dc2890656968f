package message

import (
	"strings"
	"time"

	"golang.org/x/text/language"
)

// AtClock writes "at" a time of day as the locale's language says it before
// a clock: Spanish and Portuguese put an article that agrees with the hour
// read aloud, singular for one o'clock only (es "a la 1:33", "a las 10:33",
// "a las 0:33"; pt "à 1h33", "às 22h05"), Polish "o 01:33", English
// "at 1:33 AM". A language without a rule here gets the clock alone.
func AtClock(t time.Time, locale string) string {
	the := TheClockOf(t, locale)
	switch baseOf(locale) {
	case "es":
		return "a " + the
	case "pt":
		// a + a, a + as contract: à 1h33, às 10h33.
		return "à" + strings.TrimPrefix(the, "a")
	case "pl":
		return "o " + the
	case "en":
		return "at " + the
	}
	return the
}

// TheClockOf writes a time of day as it follows a preposition other than
// "at" ("since", "until") in the locale's language: with the article
// Spanish and Portuguese put before an hour ("desde la 1:33", "até às
// 10h33" is "até" + AtClock), the clock alone elsewhere.
//
// Portuguese running text writes the hour and minutes with an h, 1h33 and
// 10h33, not the 01:33 of a table or a digital clock (CLDR's pt and pt-PT
// HH:mm): see the test for the style guides.
func TheClockOf(t time.Time, locale string) string {
	one := t.Hour() == 1
	switch baseOf(locale) {
	case "es":
		if one {
			return "la " + FormatClock(t, locale)
		}
		return "las " + FormatClock(t, locale)
	case "pt":
		clock := ptClock(t)
		if one {
			return "a " + clock
		}
		return "as " + clock
	}
	return FormatClock(t, locale)
}

func baseOf(locale string) string {
	base, _ := language.Make(strings.ReplaceAll(locale, "_", "-")).Base()
	return base.String()
}
