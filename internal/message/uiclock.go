package message

import (
	"time"

	"golang.org/x/text/language"
)

// Clock is a time of day an interface message shows, written as the
// interface language's CLDR clock (FormatClock) when the message is.
type Clock time.Time

func (c Clock) In(tag language.Tag) string { return FormatClock(time.Time(c), tag.String()) }

// At is "at" a time of day in an interface message, the preposition and
// article included (AtClock): "a la 1:33", "às 10h33", "at 1:33 AM".
type At time.Time

func (a At) In(tag language.Tag) string { return AtClock(time.Time(a), tag.String()) }

// TheClock is a time of day after another preposition ("since", "until")
// in an interface message, with the article the language puts before it
// (TheClockOf): "desde las 10:33", "desde a 1h33".
type TheClock time.Time

func (c TheClock) In(tag language.Tag) string { return TheClockOf(time.Time(c), tag.String()) }

// WithClock adds t to an interface message's data as each form a message
// may put it in (Clock, At, TheClock; t already in the manual's time zone)
// and returns data: each language's text takes the one its grammar needs.
func WithClock(data map[string]any, t time.Time) map[string]any {
	if data == nil {
		data = map[string]any{}
	}
	data["Clock"], data["At"], data["TheClock"] = Clock(t), At(t), TheClock(t)
	return data
}
