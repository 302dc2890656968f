package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Table aligns lines of tab-separated cells into columns two spaces apart.
// Columns are measured in display cells, not bytes: colour sequences take
// no room and a wide character takes two, so a styled table lines up on a
// terminal as its plain form does in a pipe. The last cell of a line is
// not padded.
func Table(s string) string {
	var rows [][]string
	var widths []int
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		cells := strings.Split(line, "\t")
		for i, c := range cells[:len(cells)-1] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
		rows = append(rows, cells)
	}
	b := &strings.Builder{}
	for _, cells := range rows {
		for i, c := range cells {
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
