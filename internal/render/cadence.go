package render

import (
	"slices"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// withNextUpdate is data with next_update set for one text using the
// variables used, when the clock knows each cadence's time and data
// carries the variable.
func withNextUpdate(m *manual.Manual, data map[string]any, used []string, clock Clock, channel string, audiences []string, locale string) map[string]any {
	if clock.NextFor == nil {
		return data
	}
	if _, ok := data["next_update"]; !ok || !slices.Contains(used, "next_update") {
		return data
	}
	t, ok := clock.NextFor(channel, audiences)
	if !ok {
		return data
	}
	out := textData(data, used)
	out["next_update"] = message.FormatClock(t.In(m.Location), locale)
	return out
}

// cadenceOptions is opts with the clock's next update the one of the
// cadence covering channel and audiences, for texts rendered per market.
func cadenceOptions(opts Options, channel string, audiences []string) Options {
	if opts.Clock.NextFor != nil {
		if t, ok := opts.Clock.NextFor(channel, audiences); ok {
			opts.Clock.NextUpdate = t
		}
	}
	return opts
}

// PreviewClock is the clock of texts rendered at now outside a run: the
// incident starts now, and each text promises its own cadence's first
// interval (the playbook's first cadence when none covers it).
func PreviewClock(p *manual.Playbook, now time.Time) Clock {
	c := Clock{Start: now, NextUpdate: now.Add(p.Cadence())}
	if len(p.Updates) > 1 {
		c.NextFor = func(channel string, audiences []string) (time.Time, bool) {
			if cad := p.CadenceFor(channel, audiences); cad != nil && cad.Interval(0) > 0 {
				return now.Add(cad.Interval(0)), true
			}
			return time.Time{}, false
		}
	}
	return c
}
