// Package term describes the terminal a command talks to: its streams,
// whether each is a terminal, its size, and whether colour is wanted. Commands
// receive an *IO instead of touching os.Stdout, so tests can run them with
// buffers and flip the TTY bits.
package term

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"

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
	// DarkBackground is what the terminal says of itself in COLORFGBG
	// (dark when it says nothing), so styles never have to ask the
	// terminal, whose answer would arrive on standard input.
	DarkBackground bool
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
	io.DarkBackground = DarkBackground(os.Getenv("COLORFGBG"))
	return io
}

// DarkBackground reads COLORFGBG ("15;0": light text on a dark background);
// without it, dark is the common case.
func DarkBackground(colorfgbg string) bool {
	i := strings.LastIndexByte(colorfgbg, ';')
	if i < 0 {
		return true
	}
	bg, err := strconv.Atoi(colorfgbg[i+1:])
	return err != nil || bg < 7 || bg == 8
}

func isTerminal(f *os.File) bool { return xterm.IsTerminal(int(f.Fd())) }

// Test returns IO over buffers, no terminal anywhere, and the buffers.
func Test() (io *IO, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IO{In: in, Out: out, Err: errOut, Width: 80, Height: 24, DarkBackground: true}, in, out, errOut
}

// Color reports whether output should be styled: only on a terminal, and
// only when nobody asked for plain text.
func (io *IO) Color() bool { return io.OutTTY && !io.NoColor }

// CanPrompt reports whether the user can be asked questions: both input and
// output must be terminals.
func (io *IO) CanPrompt() bool { return io.InTTY && io.OutTTY }
