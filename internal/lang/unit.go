package lang

import "strings"

// Unit is a channel's unit of length ("UTF-16 units") after the number n,
// in l's language and in the plural form n takes (Polish: 1 znak, 2 znaki,
// 5 znaków), by its message cli.measure.unit.utf-16-units. A unit the
// catalogue does not know is shown as the channel names it. JSON keeps the
// channel's name.
func (l *Localizer) Unit(unit string, n int) string {
	if id := "cli.measure.unit." + strings.ToLower(strings.ReplaceAll(unit, " ", "-")); l.Has(id) {
		return l.N(id, n, nil)
	}
	return unit
}
