package render

import (
	"cmp"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// datetimeRE is a datetime value: a day and a clock time, 2026-12-03
// 02:00 (a T may stand for the space, seconds may follow), read in the
// manual's time zone, or followed by Z or an offset (+01:00, -0500) when
// the operator gives the moment in another zone.
var datetimeRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?) ?(Z|[+-]\d{2}:?\d{2})?$`)

var errDatetime = errors.New("not a datetime")

// ParseDatetime is the moment a datetime value names: in loc (the manual's
// zone) unless the value gives its own offset. A clock time that loc skips
// (02:30 on the night the clocks go forward) is read as Go's time.Date
// reads it, an hour later; one it repeats, as the first.
func ParseDatetime(val string, loc *time.Location) (time.Time, error) {
	g := datetimeRE.FindStringSubmatch(strings.TrimSpace(val))
	if g == nil {
		return time.Time{}, errDatetime
	}
	clock := g[2]
	if len(clock) < 5 || clock[1] == ':' {
		clock = "0" + clock
	}
	if len(clock) == 5 {
		clock += ":00"
	}
	s := g[1] + "T" + clock
	if g[3] != "" {
		off := g[3]
		if off != "Z" && !strings.Contains(off, ":") {
			off = off[:3] + ":" + off[3:]
		}
		return time.Parse(time.RFC3339, s+off)
	}
	return time.ParseInLocation("2006-01-02T15:04:05", s, loc)
}

// instant is a datetime variable's value in a text for locale, in loc,
// written at now (a date in another year names its year). Check has
// already read val; the zone makes it one moment.
func instant(m *manual.Manual, val string, loc *time.Location, locale string, now time.Time) any {
	t, err := ParseDatetime(val, m.Location)
	if err != nil {
		return val // "" for an optional one without a value
	}
	return message.NewInstant(t, loc, locale, now)
}

// perMarketInstant is a moment as the readers of rs read it: each market's
// day and clock time in its own zone and locale (message.PerReader), so
// that {{window .window_start .window_end}} on a channel to Spain and the
// Canary Islands reads "el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00
// en Canarias)" and {{clock .window_start}} "2:00 (1:00 en Canarias)".
func perMarketInstant(rs []*manual.Market, inst message.Instant, tag func(*manual.Market) string) message.Instant {
	if len(rs) == 0 {
		return inst
	}
	readers := make([]message.Instant, len(rs))
	for i, mk := range rs {
		readers[i] = message.NewInstant(inst.At, mk.Location, tag(mk), inst.Now)
		readers[i].Market = cmp.Or(mk.Name, mk.ID) // the name is optional
	}
	return message.PerReader(readers)
}
