package message

import (
	"fmt"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
)

// Instant is the value of a datetime variable as one text reads it: the
// moment itself, and its date and clock time written in the reader's zone
// as the reader's locale writes them. A text names them apart with the
// date and clock functions ({{date .window_start}}, {{clock
// .window_start}}), because the reader's day may not be the operator's
// (02:00 in Madrid is 20:00 the day before in Lima), or names a span
// between two with window ({{window .window_start .window_end}});
// {{.window_start}} alone writes the date and clock time.
type Instant struct {
	At          time.Time // in the (first) reader's zone
	Date, Clock string
	// Locale is the reader's full locale (es-PE), whose CLDR formats and
	// language write the parts.
	Locale string
	// Now is the moment the text is written for: a date in another year
	// names its year.
	Now time.Time
	// Market is the name of the reader's market, when the text is read in
	// several (Readers).
	Market string
	// Readers are the moment as each market that reads one text reads it,
	// the first market's first, when the text is read in several: Date and
	// Clock then name the first market's in running text and the others'
	// once in parentheses ("2:00 (1:00 en Canarias)"), as window does.
	Readers []Instant
}

// NewInstant is t as a reader in loc writes it in a text written at now:
// the day and month (FormatDayMonth) and CLDR's short time (FormatClock).
func NewInstant(t time.Time, loc *time.Location, locale string, now time.Time) Instant {
	t = t.In(loc)
	return Instant{At: t, Date: FormatDayMonth(t, now, locale), Clock: FormatClock(t, locale), Locale: locale, Now: now}
}

func (i Instant) String() string { return i.Date + " " + i.Clock }

// readings are the moment as each market reading the text reads it: i
// alone when it is read in one.
func (i Instant) readings() []Instant {
	if len(i.Readers) == 0 {
		return []Instant{i}
	}
	return i.Readers
}

// PerReader is the moment as each of readers reads it, given as the
// Instant each one's zone and locale makes of it (NewInstant) and the
// market's name: Date and Clock name the first reader's and, in
// parentheses, the others' where they differ.
func PerReader(readers []Instant) Instant {
	if len(readers) == 0 {
		return Instant{}
	}
	out := readers[0]
	if len(readers) == 1 {
		out.Market = ""
		return out
	}
	out.Readers = readers
	out.Date = alongside(readers, func(i Instant) string { return i.Date })
	out.Clock = alongside(readers, func(i Instant) string { return i.Clock })
	return out
}

// instantPart is the date or clock function: v must be a datetime
// variable's value.
func instantPart(fn string, part func(Instant) string) func(v any) (string, error) {
	return func(v any) (string, error) {
		i, ok := v.(Instant)
		if !ok {
			return "", notDatetime(fn, v)
		}
		return part(i), nil
	}
}

// notDatetime is the error of a datetime function given another value
// (lint reports it on the text, with its line and column).
func notDatetime(fn string, v any) error {
	return lang.Errorf("window.not-datetime", map[string]any{"Func": fn, "Value": fmt.Sprintf("%q", fmt.Sprint(v))})
}
