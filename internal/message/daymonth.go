package message

import (
	"strconv"
	"strings"
	"time"
)

// FormatDayMonth writes a date as running text names it: the day and the
// month's full name, CLDR's MMMMd skeleton ("3 de diciembre" es, "3
// grudnia" pl, with the genitive CLDR's format context gives, "3 de
// dezembro" pt, "3 December" en-GB, "December 3" en-US), and the year too
// when the date is not in now's year ("3 de enero de 2027"), now being the
// moment the text is written for, in the reader's zone. A zero now gives
// the year always. ISO's 2026-12-03 for a language crisis does not carry.
//
// The CLDR library crisis uses (go-playground/locales) has each locale's
// long date pattern (d MMMM y, d 'de' MMMM 'de' y, MMMM d, y) but not its
// MMMMd skeleton: the day and month are taken from the long date by
// cutting the year and the text that joins it to the field before
// (" de ", " ", ", "), which gives CLDR's MMMMd in every locale carried
// (TestFormatDayMonth). No month names are written here.
func FormatDayMonth(t, now time.Time, locale string) string {
	f := formatsFor(locale)
	if f.tr == nil {
		return t.Format(time.DateOnly)
	}
	long := f.tr.FmtDateLong(t)
	if now.IsZero() || now.In(t.Location()).Year() != t.Year() {
		return long
	}
	return withoutYear(long, t, f.tr.MonthWide(t.Month()))
}

// withoutYear cuts the year out of a long date of t, with the literal
// text between it and the field before it (the day or the month, whichever
// ends later): "3 de diciembre de 2026" is "3 de diciembre", "December 3,
// 2026" is "December 3". A pattern that does not end with the year after
// both is kept whole.
func withoutYear(long string, t time.Time, month string) string {
	year := strconv.Itoa(t.Year())
	y := strings.LastIndex(long, year)
	if y < 0 || y+len(year) != len(long) {
		return long
	}
	before := long[:y]
	day := strconv.Itoa(t.Day())
	d, m := strings.LastIndex(before, day), strings.LastIndex(before, month)
	if d < 0 || m < 0 {
		return long
	}
	return before[:max(d+len(day), m+len(month))]
}
