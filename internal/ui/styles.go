// Package ui holds how crisis looks on a terminal: one palette, one set of
// lipgloss styles, and the plain fallback used when output is piped or
// NO_COLOR is set. Commands style text only through a Theme, so plain output
// stays stable for scripts and tests.
package ui

import (
	stdio "io"
	"regexp"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/crisis-cli/crisis/internal/sanitize"
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
	Title   Style
	Heading Style
	Accent  Style
	Muted   Style
	Error   Style
	Warn    Style
	OK      Style
	Drill   Style
	Bold    Style

	own []string // the escape sequences these styles emit; see Clean
}

// Clean makes a text safe for the terminal: control characters that came
// from outside (a --var value, a manual text, a journal) are shown as
// escapes instead of obeyed (see internal/sanitize). Only the exact
// sequences this theme's own styles emit pass, so Clean applies to a whole
// screen at the point it is written, and nothing printed can clear the
// screen, write the clipboard, retitle the window or hide the drill mark.
func (th *Theme) Clean(s string) string { return sanitize.Text(s, th.own...) }

// Style is a lipgloss style that costs nothing when colour is off: plain
// output is the text itself, so a list of 1,000 playbooks is not styled
// 3,000 times for nothing.
type Style struct {
	style lipgloss.Style
	on    bool
}

// Render styles the text, or returns it as it is without colour.
func (s Style) Render(text ...string) string {
	if !s.on {
		return strings.Join(text, " ")
	}
	return s.style.Render(text...)
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
	s := func(st lipgloss.Style) Style { return Style{style: st, on: color} }
	base := r.NewStyle
	th.Title = s(base().Bold(true).Foreground(colorAccent))
	th.Heading = s(base().Bold(true))
	th.Accent = s(base().Foreground(colorAccent))
	th.Muted = s(base().Foreground(colorMuted))
	th.Error = s(base().Bold(true).Foreground(colorError))
	th.Warn = s(base().Foreground(colorWarn))
	th.OK = s(base().Foreground(colorOK))
	th.Drill = s(base().Bold(true).Foreground(colorDrill))
	th.Bold = s(base().Bold(true))
	for _, st := range []Style{th.Title, th.Heading, th.Accent, th.Muted, th.Error, th.Warn, th.OK, th.Drill, th.Bold} {
		for _, seq := range sgrRE.FindAllString(st.Render("x"), -1) {
			if !slices.Contains(th.own, seq) {
				th.own = append(th.own, seq)
			}
		}
	}
	return th
}

// sgrRE matches the colour and weight sequences (SGR) a style emits.
var sgrRE = regexp.MustCompile(`\x1b\[[0-9;]*m`)
