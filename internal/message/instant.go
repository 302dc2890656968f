package message

import (
	"fmt"
	"time"
)

// Instant is the value of a datetime variable as one text reads it: the
// moment itself, and its date and clock time written in the reader's zone
// as the reader's locale writes them. A text names them apart with the
// date and clock functions ({{date .window_start}}, {{clock
// .window_start}}), because the reader's day may not be the operator's
// (02:00 in Madrid is 20:00 the day before in Lima); {{.window_start}}
// alone writes both. Date and Clock may name several markets' values
// ("20:00 (Perú) / 2:00 (España)") when one text is read in several.
type Instant struct {
	At          time.Time
	Date, Clock string
}

// NewInstant is t as a reader in loc writes it, with CLDR's short formats
// (FormatDate, FormatClock).
func NewInstant(t time.Time, loc *time.Location, locale string) Instant {
	t = t.In(loc)
	return Instant{At: t, Date: FormatDate(t, locale), Clock: FormatClock(t, locale)}
}

func (i Instant) String() string { return i.Date + " " + i.Clock }

// instantPart is the date or clock function: v must be a datetime
// variable's value.
func instantPart(fn string, part func(Instant) string) func(v any) (string, error) {
	return func(v any) (string, error) {
		i, ok := v.(Instant)
		if !ok {
			return "", fmt.Errorf("%s takes a variable of type datetime, not %q", fn, fmt.Sprint(v))
		}
		return part(i), nil
	}
}
