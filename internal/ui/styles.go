// Package ui holds how crisis looks on a terminal: one palette, one set of
// lipgloss styles, and the plain fallback used when output is piped or
// NO_COLOR is set. Commands style text only through a Theme, so plain output
// stays stable for scripts and tests.
package ui

import (
	stdio "io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/crisis-cli/crisis/internal/term"
)

// Palette: adaptive colours readable on dark and light terminals.
var (
	colorAccent = lipgloss.AdaptiveColor{Light: "#005F87", Dark: "#5FD7FF"}
	colorError  = lipgloss.AdaptiveColor{Light: "#AF0000", Dark: "#FF5F5F"}
	colorWarn   = lipgloss.AdaptiveColor{Light: "#875F00", Dark: "#FFD75F"}
	colorOK     = lipgloss.AdaptiveColor{Light: "#005F00", Dark: "#87D787"}
	colorMuted  = lipgloss.AdaptiveColor{Light: "#6C6C6C", Dark: "#9E9E9E"}
	colorDrill  = lipgloss.AdaptiveColor{Light: "#8700AF", Dark: "#D787FF"}
)

// Theme is the set of styles for one output stream.
type Theme struct {
	Color   bool
	Title   lipgloss.Style
	Heading lipgloss.Style
	Accent  lipgloss.Style
	Muted   lipgloss.Style
	Error   lipgloss.Style
	Warn    lipgloss.Style
	OK      lipgloss.Style
	Drill   lipgloss.Style
	Bold    lipgloss.Style
}

// NewTheme builds the styles for io's output. Without colour every style is
// the identity, so the same code prints plain text.
func NewTheme(io *term.IO) *Theme { return newTheme(io.Out, io.Color(), io.DarkBackground) }

// NewErrTheme builds the styles for standard error, which may be a terminal
// when standard output is piped, or the other way round.
func NewErrTheme(io *term.IO) *Theme {
	return newTheme(io.Err, io.ErrTTY && !io.NoColor, io.DarkBackground)
}

func newTheme(w stdio.Writer, color, dark bool) *Theme {
	r := lipgloss.NewRenderer(w)
	// Decide the background ourselves: lipgloss would otherwise query the
	// terminal, and the answer arrives on standard input, in the middle of
	// what the operator types.
	r.SetHasDarkBackground(dark)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	th := &Theme{Color: color}
	s := r.NewStyle
	th.Title = s().Bold(true).Foreground(colorAccent)
	th.Heading = s().Bold(true)
	th.Accent = s().Foreground(colorAccent)
	th.Muted = s().Foreground(colorMuted)
	th.Error = s().Bold(true).Foreground(colorError)
	th.Warn = s().Foreground(colorWarn)
	th.OK = s().Foreground(colorOK)
	th.Drill = s().Bold(true).Foreground(colorDrill)
	th.Bold = s().Bold(true)
	if !color {
		plain := s()
		th.Title, th.Heading, th.Accent, th.Muted, th.Error, th.Warn, th.OK, th.Drill, th.Bold =
			plain, plain, plain, plain, plain, plain, plain, plain, plain
	}
	return th
}
