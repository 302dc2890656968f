package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks lines longer than width at spaces, indenting continuation
// lines two spaces past the line's own indentation so a wrapped contact
// list or step still reads as one item. width 0 leaves s as it is: output
// that is not a terminal is never wrapped.
func Wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if ansi.StringWidth(line) <= width {
			continue
		}
		body := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(body)]
		inner := max(width-len(indent)-2, 20)
		parts := strings.Split(ansi.Wrap(body, inner, " "), "\n")
		for j := range parts {
			if j == 0 {
				parts[j] = indent + parts[j]
			} else {
				parts[j] = indent + "  " + strings.TrimLeft(parts[j], " ")
			}
		}
		lines[i] = strings.Join(parts, "\n")
	}
	return strings.Join(lines, "\n")
}
