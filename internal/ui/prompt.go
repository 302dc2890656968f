package ui

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"
)

// RedrawPrompt is what rewrites a prompt in place while the operator sits
// at it, on a terminal width columns wide (0: unknown): the cursor saved,
// taken back to the prompt's first row, the prompt written over itself and
// the cursor restored, so what the operator has typed stays where it was.
//
// A carriage return alone reaches only the cursor's own row: a prompt wider
// than the terminal wraps, the cursor waits on its last row, and writing
// the whole prompt from there would wrap it onto a new row at every redraw,
// filling the screen with prompts (a Polish step prompt with a late step
// and a late update passes 80 columns). So the cursor first goes up the
// rows the prompt wrapped onto. A prompt exactly as wide as the terminal
// leaves the cursor on its own last column, not on the next row: (w-1)/width
// counts the rows below the first. What the operator typed past the end of
// a row is not known (the terminal echoes it), so a redraw while a long
// answer wraps starts one row low; it still overwrites rather than adds.
func RedrawPrompt(prompt string, width int) string {
	up := ""
	if w := ansi.StringWidth(prompt); width > 0 && w > width {
		up = fmt.Sprintf("\x1b[%dA", (w-1)/width)
	}
	return "\x1b7\r" + up + prompt + "\x1b8"
}
