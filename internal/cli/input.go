package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"time"

	"github.com/crisis-cli/crisis/internal/runbook"
	"strings"
)

// lineInput reads the operator's lines from a terminal or an answers file.
// Reading happens in a goroutine so that Ctrl-C ends a wait for input at
// once; every event before it is already synced, so the run resumes cleanly.
type lineInput struct {
	ctx   context.Context
	out   io.Writer
	lines chan string
	errs  chan error
	echo  bool // answers files: print each answer after its prompt, for the log
}

func newLineInput(ctx context.Context, r io.Reader, out io.Writer, echo bool) *lineInput {
	in := &lineInput{ctx: ctx, out: out, lines: make(chan string), errs: make(chan error, 1), echo: echo}
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			line := csiRE.ReplaceAllString(sc.Text(), "")
			if echo && (strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "") {
				continue // comments and blank lines in answers files
			}
			select {
			case in.lines <- line:
			case <-ctx.Done():
				return
			}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		in.errs <- err
	}()
	return in
}

// csiRE matches terminal control sequences (a cursor report, a bracketed
// paste marker) that a terminal may put on standard input: they are never
// part of what the operator meant.
var csiRE = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]P][^\x07\x1b]*(\x07|\x1b\\)?`)

func (in *lineInput) ReadLine(prompt string) (string, error) {
	fmt.Fprint(in.out, prompt)
	select {
	case line := <-in.lines:
		if in.echo {
			fmt.Fprintln(in.out, line)
		}
		return line, nil
	case err := <-in.errs:
		fmt.Fprintln(in.out)
		return "", err
	case <-in.ctx.Done():
		fmt.Fprintln(in.out)
		return "", in.ctx.Err()
	}
}

// ReadLineWithin waits for a line at most wait; then it returns
// runbook.ErrWake so the flow can show what fell due, and prompts again.
func (in *lineInput) ReadLineWithin(prompt string, wait time.Duration) (string, error) {
	timer := time.NewTimer(wait)
	defer timer.Stop()
	fmt.Fprint(in.out, prompt)
	select {
	case line := <-in.lines:
		if in.echo {
			fmt.Fprintln(in.out, line)
		}
		return line, nil
	case err := <-in.errs:
		fmt.Fprintln(in.out)
		return "", err
	case <-in.ctx.Done():
		fmt.Fprintln(in.out)
		return "", in.ctx.Err()
	case <-timer.C:
		fmt.Fprintln(in.out)
		return "", runbook.ErrWake
	}
}

// scriptedInput reads an answers file: no time passes between answers, so it
// never wakes for reminders (runbook.WakingInput is deliberately absent).
type scriptedInput struct{ in *lineInput }

func (s scriptedInput) ReadLine(prompt string) (string, error) { return s.in.ReadLine(prompt) }
