package ui

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/lang"
)

// MeasureText describes a measurement in a few lines, in l's language:
// length against limit, the SMS encoding and segments, and what forced
// UCS-2. The channel's units and problems are the channel package's words.
func MeasureText(th *Theme, l *lang.Localizer, m channel.Measurement) string {
	b := &strings.Builder{}
	verdict := th.OK.Render(l.T("cli.measure.fits", nil))
	if !m.Fits {
		verdict = th.Error.Render(l.T("cli.measure.does-not-fit", nil))
	}
	unit := l.Unit(m.Unit, m.Limit) // "160 septetów": the unit agrees with the limit
	fmt.Fprintf(b, "%s: %d / %d %s - %s\n", m.Channel, m.Length, m.Limit, unit, verdict)
	if m.Encoding != "" {
		// The limit of an SMS is a number of segments; say it in both units.
		fmt.Fprintln(b, l.N("cli.measure.encoding", m.Segments, map[string]any{"Encoding": m.Encoding, "Limit": m.Limit, "Unit": unit}))
	}
	if len(m.Forcing) > 0 {
		fmt.Fprintln(b, l.T("cli.measure.forced", map[string]any{"Chars": quoteAll(m.Forcing)}))
		if alt := alternatives(m.Forcing, l); alt != "" {
			fmt.Fprintf(b, "%s %s\n", th.Warn.Render(l.T("cli.measure.hint", nil)), l.T("cli.measure.gsm", map[string]any{"Alternatives": alt}))
		}
	}
	if m.ReadAloud > 0 {
		fmt.Fprintln(b, l.T("cli.measure.read-aloud", map[string]any{"Duration": m.ReadAloud.Round(1e9).String()}))
	}
	for _, p := range m.Problems {
		fmt.Fprintf(b, "%s %s\n", th.Warn.Render("!"), p)
	}
	return th.Clean(b.String())
}

// MeasureLine is the one-line form used on announcement cards, in English.
func MeasureLine(th *Theme, m channel.Measurement) string {
	return MeasureLineIn(th, lang.For(language.English), m)
}

// MeasureLineIn is the one-line form in l's language: the run's screens.
func MeasureLineIn(th *Theme, l *lang.Localizer, m channel.Measurement) string {
	s := fmt.Sprintf("%d/%d %s", m.Length, m.Limit, l.Unit(m.Unit, m.Limit))
	if m.Encoding != "" {
		s += ", " + l.N("run.measure.segments", m.Segments, map[string]any{"Encoding": m.Encoding})
	}
	if len(m.Forcing) > 0 {
		s += ", " + l.T("run.measure.forced", map[string]any{"Chars": quoteAll(m.Forcing)})
	}
	if m.Fits {
		return th.OK.Render("✓ ") + s
	}
	return th.Error.Render("✗ "+l.T("run.measure.too-long", nil)+" ") + s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Count is n and the noun, singular for one: "1 problem", "3 problems".
func Count(n int, noun string) string {
	return fmt.Sprintf("%d %s%s", n, noun, plural(n))
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, " ")
}

// alternatives suggests GSM-7 replacements for the typographic characters
// that forced UCS-2 ("…" -> "..."); letters such as "ó" are deliberate and
// get none.
func alternatives(forcing []string, l *lang.Localizer) string {
	var out []string
	for _, f := range forcing {
		r := []rune(f)
		if len(r) != 1 {
			continue
		}
		if alt, ok := channel.GSMAlternative(r[0]); ok {
			out = append(out, l.T("cli.measure.alternative", map[string]any{"Alt": alt, "Char": f}))
		}
	}
	return strings.Join(out, ", ")
}
