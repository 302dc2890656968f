package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/runbook"
	"github.com/crisis-cli/crisis/internal/sanitize"
	"github.com/crisis-cli/crisis/internal/ui"
)

// lineInput reads the operator's lines from a terminal or an answers file.
// Reading happens in a goroutine so that Ctrl-C, or a reminder falling due,
// ends a wait for input at once; every event before it is already synced,
// so the run resumes cleanly.
type lineInput struct {
	ctx   context.Context
	out   io.Writer
	name  string // where the lines come from, for messages: an answers file, standard input
	lines chan numbered
	done  chan struct{} // closed when the reader stops; err says why
	err   error
	echo  bool // answers files: print each answer after its prompt, for the log
	last  int  // the number of the line read last
	live  bool // a terminal: ReadLineLive redraws the prompt in place
	width int  // the terminal's columns, for a prompt redrawn in place
}

// numbered is a line with its number in the input, so an answers file's
// mistake is reported at its line.
type numbered struct {
	text string
	n    int
}

// maxLine bounds an input line: an answer is one command or one value.
const maxLine = 1 << 20

func newLineInput(ctx context.Context, r io.Reader, out io.Writer, name string, echo bool) *lineInput {
	in := &lineInput{ctx: ctx, out: out, name: name, lines: make(chan numbered), done: make(chan struct{}), echo: echo}
	go in.read(r)
	return in
}

func (in *lineInput) read(r io.Reader) {
	defer close(in.done)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := stripControls(sc.Text())
		if in.echo && (strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "") {
			continue // comments and blank lines in answers files
		}
		select {
		case in.lines <- numbered{line, n}:
		case <-in.ctx.Done():
			in.err = in.ctx.Err()
			return
		}
	}
	in.err = sc.Err()
	if errors.Is(in.err, bufio.ErrTooLong) {
		// A mistake in the input, like any other in an answers file.
		in.err = usageError("cli.input.line-too-long", map[string]any{"File": in.name, "Line": n + 1})
	}
	if in.err == nil {
		in.err = io.EOF
	}
}

// where names the line read last, as file:line.
func (in *lineInput) where() string { return fmt.Sprintf("%s:%d", in.name, in.last) }

// csiRE matches terminal control sequences (a cursor report, a bracketed
// paste marker) that a terminal may put on standard input: they are never
// part of what the operator meant.
var csiRE = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]P][^\x07\x1b]*(\x07|\x1b\\)?`)

// stripControls removes terminal control sequences, and then any control
// character left over (as internal/sanitize defines them): removing one
// sequence can join the pieces of another around it, and a lone escape or
// bell is never part of what was meant. Bidirectional formatting stays, for
// the value check to refuse by name. One pass each, so a hostile line costs
// linear time.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if sanitize.IsControl(r) && !sanitize.IsBidi(r) {
			return -1
		}
		return r
	}, csiRE.ReplaceAllString(s, ""))
}

func (in *lineInput) ReadLine(prompt string) (string, error) {
	return in.ReadLineWithin(prompt, 0)
}

// ReadLineWithin waits for a line, at most wait when wait > 0; then it
// returns runbook.ErrWake so the flow can show what fell due and prompt
// again. Once input has ended, every call returns the same error.
func (in *lineInput) ReadLineWithin(prompt string, wait time.Duration) (string, error) {
	return in.readLine(func() string { return prompt }, wait, false)
}

// redrawEvery is how often a live prompt is recomputed; it is redrawn only
// when its text changed (its countdown is in minutes).
const redrawEvery = time.Second

// ReadLineLive is ReadLineWithin with a prompt that stays true: on a
// terminal, whenever the prompt's text changes while the operator sits at
// it (a countdown), it is redrawn over itself. The cursor is saved and
// restored around the redraw, and the prompt keeps its width, so what the
// operator has typed stays where it is.
func (in *lineInput) ReadLineLive(prompt func() string, wait time.Duration) (string, error) {
	return in.readLine(prompt, wait, in.live)
}

func (in *lineInput) readLine(prompt func() string, wait time.Duration, redraw bool) (string, error) {
	var timeout, tick <-chan time.Time
	if wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		timeout = timer.C
	}
	if redraw {
		ticker := time.NewTicker(redrawEvery)
		defer ticker.Stop()
		tick = ticker.C
	}
	shown := prompt()
	if !redraw && in.live && in.width > 0 && ui.Width(shown) > in.width {
		// A question wider than the terminal (a variable's description
		// with its example) is broken between words, as the output is;
		// the terminal would cut it mid-word ("(p. ej. Facebook" and
		// "):" alone on the next row).
		shown = ui.Wrap(strings.TrimRight(shown, " "), in.width) + " "
	}
	fmt.Fprint(in.out, shown)
	// The cursor waits after the prompt first written; a redraw pads over
	// the widest one written since (ui.RedrawPrompt).
	first := ui.Width(shown)
	covered := first
	for {
		select {
		case line := <-in.lines:
			return in.took(line), nil
		case <-in.done:
			fmt.Fprintln(in.out)
			return "", in.err
		case <-in.ctx.Done():
			fmt.Fprintln(in.out)
			return "", in.ctx.Err()
		case <-timeout:
			// A line typed as the wait ran out answers this prompt: woken
			// instead, the flow would show what fell due and ask its own
			// question, and the line, still waiting, would answer that
			// (a step's d taken as an inject's decision). The flow wakes
			// at its next read, what fell due being due still.
			select {
			case line := <-in.lines:
				return in.took(line), nil
			default:
			}
			fmt.Fprintln(in.out)
			return "", runbook.ErrWake
		case <-tick:
			if p := prompt(); p != shown {
				fmt.Fprint(in.out, ui.RedrawPrompt(p, first, covered, in.width))
				shown, covered = p, max(covered, ui.Width(p))
			}
		}
	}
}

// took records line as the one read last and gives its text, echoed after
// its prompt for an answers file's log.
func (in *lineInput) took(line numbered) string {
	in.last = line.n
	if in.echo {
		fmt.Fprintln(in.out, line.text)
	}
	return line.text
}

// scriptedInput reads an answers file: no time passes between answers, so it
// never wakes for reminders (runbook.WakingInput is deliberately absent).
type scriptedInput struct{ in *lineInput }

func (s scriptedInput) ReadLine(prompt string) (string, error) { return s.in.ReadLine(prompt) }
