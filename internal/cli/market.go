package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// checkMarket refuses a --market the manual does not declare, naming those
// it does, and one that reads none of the --locale asked for: it would
// render nothing.
func checkMarket(m *manual.Manual, id string, locales []string) error {
	if id == "" {
		return nil
	}
	if mk := m.Market(id); mk != nil {
		if len(locales) > 0 && !slices.ContainsFunc(locales, mk.Reads) {
			return usageError("cli.error.market-locale", map[string]any{"Name": id, "Locale": mk.Locale, "Locales": strings.Join(locales, ", ")})
		}
		return nil
	}
	var ids []string
	for _, mk := range m.Markets {
		ids = append(ids, mk.ID)
	}
	if len(ids) == 0 {
		return usageError("cli.error.no-markets", map[string]any{"Name": id})
	}
	return usageError("cli.error.unknown-market", map[string]any{"Name": id, "Markets": strings.Join(ids, ", ")})
}

// parseAt reads --at, the instant the incident started (the next update is
// due a cadence later). A value with Z or an offset (2026-11-26T10:00:00Z)
// is that instant wherever it is read. One without is what a clock in loc
// shows, loc being the zone of the --market rendered (its readers' clock),
// else the manual's: "2026-11-26 11:00", or a clock time alone, "08:00",
// for today in loc. Empty: now.
func parseAt(s string, loc *time.Location, now func() time.Time) (time.Time, error) {
	if s == "" {
		return now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := render.ParseDatetime(s, loc); err == nil {
		return t, nil
	}
	if c, err := time.Parse("15:04", s); err == nil && len(s) == len("15:04") {
		y, mo, d := now().In(loc).Date()
		return time.Date(y, mo, d, c.Hour(), c.Minute(), 0, 0, loc), nil
	}
	return time.Time{}, usageError("cli.error.at", map[string]any{"Value": s})
}

// atZone is the zone a bare --at is read in: the --market's, else the
// manual's.
func atZone(m *manual.Manual, market string) *time.Location {
	if mk := m.Market(market); mk != nil && mk.Location != nil {
		return mk.Location
	}
	return m.Location
}
