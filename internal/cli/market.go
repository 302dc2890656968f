package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
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
// due a cadence later): an RFC 3339 time such as 2026-11-26T10:00:00Z, or a
// date and time in the manual's zone, "2026-11-26 11:00". Empty: now.
func parseAt(s string, loc *time.Location, now func() time.Time) (time.Time, error) {
	if s == "" {
		return now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageError("cli.error.at", map[string]any{"Value": s})
}
