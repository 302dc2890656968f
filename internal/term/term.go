// Package term describes the terminal a command talks to: its streams,
// whether each is a terminal, its size, and whether colour is wanted. Commands
// receive an *IO instead of touching os.Stdout, so tests can run them with
// buffers and flip the TTY bits.
package term

import (
	"bytes"
	"io"
	"os"

	xterm "golang.org/x/term"
)

// IO is the set of streams of one command invocation.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer

	InTTY, OutTTY, ErrTTY bool
	// NoColor is set by NO_COLOR, --no-color or a non-terminal output.
	NoColor bool
	// Width and Height of the terminal; 80x24 when unknown.
	Width, Height int
}

// System returns the process's streams, probing each for a terminal.
func System() *IO {
	io := &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Width: 80, Height: 24}
	io.InTTY = isTerminal(os.Stdin)
	io.OutTTY = isTerminal(os.Stdout)
	io.ErrTTY = isTerminal(os.Stderr)
	if io.OutTTY {
		if w, h, err := xterm.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			io.Width, io.Height = w, h
		}
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	io.NoColor = noColor && os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb"
	return io
}

func isTerminal(f *os.File) bool { return xterm.IsTerminal(int(f.Fd())) }

// Test returns IO over buffers, no terminal anywhere, and the buffers.
func Test() (io *IO, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IO{In: in, Out: out, Err: errOut, Width: 80, Height: 24}, in, out, errOut
}

// Color reports whether output should be styled: only on a terminal, and
// only when nobody asked for plain text.
func (io *IO) Color() bool { return io.OutTTY && !io.NoColor }

// CanPrompt reports whether the user can be asked questions: both input and
// output must be terminals.
func (io *IO) CanPrompt() bool { return io.InTTY && io.OutTTY }
