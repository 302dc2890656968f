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
	// A prompt that ends at the right edge leaves the cursor on its last
	// column, waiting to wrap.
	n := utf8.RuneCountInString(line)
	if line == "" || at.col < n && !(n >= width && at.col == width-1) {
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
// falls due as a line is typed can read that line instead of the step: a
// line is taken as the step's only when no inject showed between it and
// the step's next prompt; otherwise it is typed again (ticking, approving
// or marking sent twice changes nothing).
type stepScript struct {
	lines map[int][]string
	done  map[int]int // lines the step has read
	// the line typed last: its step and the row of its prompt
	pending      bool
	step, atLine int
}

func newStepScript(lines map[int][]string) *stepScript {
	return &stepScript{lines: lines, done: map[int]int{}}
}

// answer types the next line at the step prompt the program waits at.
func (s *stepScript) answer(tm *tmux, prompt string, at cursor) {
	tm.t.Helper()
	if s.pending && !strings.Contains(tm.rows(s.atLine, at.row), "⚡") {
		s.done[s.step]++
	}
	var n int
	if _, err := fmt.Sscanf(prompt, "[%d/", &n); err != nil {
		tm.t.Fatalf("not a step's prompt: %q", prompt)
	}
	line := "d" // unsent texts or unticked items ask for a second d
	if lines := s.lines[n]; len(lines) > 0 {
		line = lines[min(s.done[n], len(lines)-1)]
	}
	s.pending, s.step, s.atLine = true, n, at.row
	tm.answer(at, line)
}

// rows is the terminal's text from row from to row to, rows counted as a
// cursor's are.
func (tm *tmux) rows(from, to int) string {
	tm.t.Helper()
	_, at, y, _ := tm.look()
	top := at.row - y // the screen's first row
	return tm.run("capture-pane", "-p", "-t", "t", "-S", fmt.Sprint(from-top), "-E", fmt.Sprint(to-top))
}
