package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// RedrawPrompt is what rewrites a prompt in place as prompt while the
// operator sits at it, on a terminal width columns wide (0: unknown): the
// cursor saved, taken back to the prompt's first row, the new prompt
// written over the old and the cursor restored, so what the operator has
// typed stays where it was. first is the width of the prompt written
// first, after which the cursor waits (a restored cursor goes back there
// however later prompts grew or shrank); covered is the width of the
// widest prompt written since, whose rest a narrower one pads over.
//
// A carriage return alone reaches only the cursor's own row: a prompt wider
// than the terminal wraps, the cursor waits on its last row, and writing
// the whole prompt from there would wrap it onto a new row at every redraw,
// filling the screen with prompts (a Polish step prompt with a late step
// and a late update passes 80 columns). So the cursor first goes up the
// rows the first prompt wrapped onto. A prompt exactly as wide as the
// terminal leaves the cursor on its own last column, not on the next row:
// (w-1)/width counts the rows below the first. What the operator typed
// past the end of a row is not known (the terminal echoes it), so a redraw
// while a long answer wraps starts one row low, and a prompt that grows
// onto a new row at the foot of the screen scrolls it; both overwrite
// rather than add rows.
func RedrawPrompt(prompt string, first, covered, width int) string {
	up := ""
	if width > 0 && first > width {
		up = fmt.Sprintf("\x1b[%dA", (first-1)/width)
	}
	pad := strings.Repeat(" ", max(covered-ansi.StringWidth(prompt), 0))
	return "\x1b7\r" + up + prompt + pad + "\x1b8"
}

// Width is how many columns s takes on a terminal (escape sequences take
// none).
func Width(s string) int { return ansi.StringWidth(s) }
