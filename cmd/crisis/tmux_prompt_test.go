package main

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// A test that answers whatever question the program asks (a drill's step
// prompt or an inject's) must answer each question once, however slowly
// the program runs: a line typed ahead lands on the next question, whatever
// it is. The screen's last line is not enough to tell: the live prompt
// redraws its countdown in place, and after an answer it can draw the same
// prompt again on the line below before the answer is read. The cursor
// tells: the program waits at a prompt when the cursor stands at the end
// of the prompt's line; after a redraw it is back where it was.

// cursor is where the terminal's cursor stands, its row counting the
// lines that scrolled off the screen.
type cursor struct{ row, col int }

// look returns the screen, the cursor, the cursor's row on the screen and
// the screen's width at one instant: tmux runs one client's commands
// together, drawing nothing the program writes between them.
func (tm *tmux) look() (lines []string, at cursor, y, width int) {
	tm.t.Helper()
	out := tm.run("display-message", "-p", "-t", "t", "#{history_size} #{cursor_y} #{cursor_x} #{pane_width}", ";", "capture-pane", "-p", "-t", "t")
	head, screen, _ := strings.Cut(out, "\n")
	var hist, x int
	if _, err := fmt.Sscan(head, &hist, &y, &x, &width); err != nil {
		tm.t.Fatalf("tmux cursor %q: %v", head, err)
	}
	return strings.Split(screen, "\n"), cursor{hist + y, x}, y, width
}

// waitingAt is the prompt the program waits at now, or "" when it is busy
// or its last prompt is answered: the text of the cursor's line when the
// cursor stands at its end (with the rows above it that it wraps from: a
// prompt can be wider than the terminal); and where the cursor stands.
func (tm *tmux) waitingAt() (string, cursor) {
	tm.t.Helper()
	lines, at, y, width := tm.look()
	if y >= len(lines) {
		return "", at
	}
	line := strings.TrimRight(lines[y], " ")
	if line == "" || at.col < utf8.RuneCountInString(line) {
		return "", at
	}
	for ; y > 0 && utf8.RuneCountInString(lines[y-1]) >= width; y-- {
		line = lines[y-1] + line
	}
	return strings.TrimSpace(line), at
}

// answer types keys and Enter at the prompt the cursor stands at (at) and
// returns once the terminal has taken them: the cursor has left that
// place. Keys are typed again only if, after a while, the cursor still
// stands there, the line showing no sign of them.
func (tm *tmux) answer(at cursor, keys string) {
	tm.t.Helper()
	for try := 0; try < 3; try++ {
		if keys != "" {
			tm.run("send-keys", "-t", "t", "-l", keys)
		}
		tm.run("send-keys", "-t", "t", "Enter")
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if _, now, _, _ := tm.look(); now != at {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	tm.t.Fatalf("the terminal never took %q; the screen shows:\n%s", keys, tm.screen(false))
}

// stepScript is what a drill test types at each step's prompt ("[N/M ...
// ? help >"): the lines for step N in order, then the last one again for
// as long as the step lasts ("d" for a step not listed). An inject that
// arrives as a line is typed reads that line instead of the step; the
// step's prompt then comes back and the step's line is typed again,
// instead of the script running ahead into the next step's lines.
type stepScript map[int][]string

// next is the line to type at prompt, given how many lines each step has
// been sent (sent, updated).
func (s stepScript) next(prompt string, sent map[int]int) string {
	var n int
	if _, err := fmt.Sscanf(prompt, "[%d/", &n); err != nil {
		return "d"
	}
	lines := s[n]
	if len(lines) == 0 {
		return "d" // unsent texts or unticked items ask for a second d
	}
	i := min(sent[n], len(lines)-1)
	sent[n]++
	return lines[i]
}
