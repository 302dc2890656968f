package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

// Kind names a part of the text report that may be styled.
type Kind string

// The styled parts of a text report. Severities use their own names.
const (
	KindFile    Kind = "file"    // a file header
	KindPos     Kind = "pos"     // line:col
	KindError   Kind = "error"   // the word "error"
	KindWarning Kind = "warning" // the word "warning"
	KindInfo    Kind = "info"    // the word "info"
	KindRule    Kind = "rule"    // [CR001]
	KindHint    Kind = "hint"    // the "hint:" label
	KindSummary Kind = "summary" // the closing line
)

// Options shape the text format; the machine formats ignore them.
type Options struct {
	// Color enables styling. Without it the report is plain text, stable
	// for scripts and golden tests.
	Color bool
	// Style renders s as kind; the CLI passes its lipgloss theme here, so
	// this package does not depend on a terminal library. Nil with Color
	// set uses basic ANSI colours.
	Style func(kind Kind, s string) string
}

// style returns the styling function in force: the identity when colour
// is off.
func (o Options) style() func(Kind, string) string {
	switch {
	case !o.Color:
		return func(_ Kind, s string) string { return s }
	case o.Style != nil:
		return o.Style
	}
	return ansi
}

// ansi is the fallback palette: bold files, red errors, yellow warnings,
// dim details.
func ansi(kind Kind, s string) string {
	codes := map[Kind]string{KindFile: "1", KindError: "1;31", KindWarning: "33", KindInfo: "36", KindRule: "2", KindHint: "2", KindSummary: "1"}
	if c, ok := codes[kind]; ok && s != "" {
		return "\x1b[" + c + "m" + s + "\x1b[0m"
	}
	return s
}

// noFile heads findings about the manual as a whole.
const noFile = "(manual)"

// writeText prints findings grouped by file, each as
// "  line:col  severity  message  [RULE]" with the hint below, then a
// summary line.
func writeText(w io.Writer, r Report, opt Options) error {
	st := opt.style()
	var b strings.Builder
	for _, group := range groupByFile(r.Findings) {
		name := r.filePath(group[0].Pos.File)
		if name == "" {
			name = noFile
		}
		b.WriteString(st(KindFile, name) + "\n")
		writeTextGroup(&b, group, st)
		b.WriteString("\n")
	}
	b.WriteString(st(KindSummary, r.summary().String()) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTextGroup aligns one file's findings in columns, padding before
// styling so escape codes do not skew the widths.
func writeTextGroup(b *strings.Builder, group diag.List, st func(Kind, string) string) {
	posWidth := 0
	for _, d := range group {
		posWidth = max(posWidth, len(linecol(d.Pos)))
	}
	indent := strings.Repeat(" ", 2+posWidth+2+len("warning")+2)
	for _, d := range group {
		pos := fmt.Sprintf("%-*s", posWidth, linecol(d.Pos))
		sev := fmt.Sprintf("%-*s", len("warning"), d.Severity)
		msg := strings.ReplaceAll(d.Message, "\n", "\n"+indent)
		fmt.Fprintf(b, "  %s  %s  %s  %s\n", st(KindPos, pos), st(severityKind(d.Severity), sev), msg, st(KindRule, "["+d.Rule+"]"))
		if d.Hint != "" {
			hint := strings.ReplaceAll(d.Hint, "\n", "\n"+indent+"      ")
			fmt.Fprintf(b, "%s%s %s\n", indent, st(KindHint, "hint:"), hint)
		}
	}
}

// linecol is "line:col", "line" or "-" for a finding about a whole file.
func linecol(p diag.Pos) string {
	switch {
	case p.Line == 0:
		return "-"
	case p.Col == 0:
		return fmt.Sprint(p.Line)
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

func severityKind(s diag.Severity) Kind {
	switch s {
	case diag.Error:
		return KindError
	case diag.Warning:
		return KindWarning
	}
	return KindInfo
}

// groupByFile splits sorted findings into runs of the same file.
func groupByFile(list diag.List) []diag.List {
	var groups []diag.List
	for i, d := range list {
		if i == 0 || d.Pos.File != list[i-1].Pos.File {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], d)
	}
	return groups
}

// WriteFindings prints findings one by one, as
// "file:line:col: severity: message [RULE]" with the hint below, for
// commands that stop on a manual's problems; limit > 0 caps them and says
// how many were left out.
func WriteFindings(w io.Writer, list diag.List, limit int, opt Options) error {
	st := opt.style()
	var b strings.Builder
	for i, d := range list {
		if limit > 0 && i == limit {
			fmt.Fprintf(&b, "... and %d more\n", len(list)-limit)
			break
		}
		writeFinding(&b, Report{}, d, st)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFinding prints one finding: its position, severity, message and
// rule on the first line, the hint indented below.
func writeFinding(b *strings.Builder, r Report, d diag.Diagnostic, st func(Kind, string) string) {
	pos := d.Pos
	pos.File = r.filePath(pos.File)
	head := pos.String()
	if head == "" {
		head = noFile
	}
	fmt.Fprintf(b, "%s: %s: %s %s\n", st(KindFile, head), st(severityKind(d.Severity), d.Severity.String()), d.Message, st(KindRule, "["+d.Rule+"]"))
	if d.Hint != "" {
		fmt.Fprintf(b, "    %s %s\n", st(KindHint, "hint:"), d.Hint)
	}
}
