package ui

import (
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/channel"
)

// MeasureText describes a measurement in a few lines: length against limit,
// the SMS encoding and segments, and what forced UCS-2.
func MeasureText(th *Theme, m channel.Measurement) string {
	b := &strings.Builder{}
	verdict := th.OK.Render("fits")
	if !m.Fits {
		verdict = th.Error.Render("DOES NOT FIT")
	}
	fmt.Fprintf(b, "%s: %d / %d %s - %s\n", m.Channel, m.Length, m.Limit, m.Unit, verdict)
	if m.Encoding != "" {
		fmt.Fprintf(b, "encoding: %s, %d segment%s\n", m.Encoding, m.Segments, plural(m.Segments))
	}
	if len(m.Forcing) > 0 {
		fmt.Fprintf(b, "UCS-2 forced by: %s\n", quoteAll(m.Forcing))
	}
	if m.ReadAloud > 0 {
		fmt.Fprintf(b, "read aloud: about %s\n", m.ReadAloud.Round(1e9))
	}
	for _, p := range m.Problems {
		fmt.Fprintf(b, "%s %s\n", th.Warn.Render("!"), p)
	}
	return b.String()
}

// MeasureLine is the one-line form used on announcement cards.
func MeasureLine(th *Theme, m channel.Measurement) string {
	s := fmt.Sprintf("%d/%d %s", m.Length, m.Limit, m.Unit)
	if m.Encoding != "" {
		s += fmt.Sprintf(", %s, %d segment%s", m.Encoding, m.Segments, plural(m.Segments))
	}
	if len(m.Forcing) > 0 {
		s += ", UCS-2 forced by " + quoteAll(m.Forcing)
	}
	if m.Fits {
		return th.OK.Render("✓ ") + s
	}
	return th.Error.Render("✗ DOES NOT FIT ") + s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, " ")
}
