package output

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/sanitize"
)

// Kind names a part of the text report that may be styled.
type Kind string

// The styled parts of a text report. Severities use their own names.
const (
	KindFile    Kind = "file"    // file:line:col
	KindError   Kind = "error"   // the word "error"
	KindWarning Kind = "warning" // the word "warning"
	KindInfo    Kind = "info"    // the word "info"
	KindRule    Kind = "rule"    // [CR001]
	KindHint    Kind = "hint"    // the "hint:" label
	KindSummary Kind = "summary" // the closing line
	KindGutter  Kind = "gutter"  // the line number before a source line
	KindCaret   Kind = "caret"   // the ^ under the finding's columns
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
	codes := map[Kind]string{KindFile: "1", KindError: "1;31", KindWarning: "33", KindInfo: "36", KindRule: "2", KindHint: "2",
		KindSummary: "1", KindGutter: "2", KindCaret: "1;31"}
	if c, ok := codes[kind]; ok && s != "" {
		return "\x1b[" + c + "m" + s + "\x1b[0m"
	}
	return s
}

// noFile stands for the file of a finding about the manual as a whole.
const noFile = "(manual)"

// writeText prints each finding as a compiler does, so terminals, editors
// and CI problem matchers link it:
//
//	playbooks/a.yaml:4:5: error: unknown key "escalaton" [CR002]
//	   4 |   - escalaton: ciso
//	     |     ^
//	    hint: did you mean "escalation"?
//
// then a summary line.
func writeText(w io.Writer, r Report, opt Options) error {
	st := opt.style()
	var b strings.Builder
	for _, d := range r.Findings {
		writeFinding(&b, r, d, st)
		b.WriteString("\n")
	}
	b.WriteString(st(KindSummary, r.summaryLine(r.summary())) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteFindings prints findings as the text report does, without the
// summary, for commands that stop on a manual's problems, in l's language
// (nil: English); limit > 0 caps them and says how many were left out.
func WriteFindings(w io.Writer, list diag.List, limit int, l *lang.Localizer, opt Options) error {
	st := opt.style()
	r := Report{Lang: l}
	var b strings.Builder
	for i, d := range list {
		if limit > 0 && i == limit {
			b.WriteString(r.localizer().N("loader.more", len(list)-limit, nil) + "\n")
			break
		}
		writeFinding(&b, r, d, st)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFinding prints one finding: position, severity, the message's first
// line and the rule on the first line; the rest of the message, the source
// line with a caret under the column, and the hint below it.
func writeFinding(b *strings.Builder, r Report, d diag.Diagnostic, st func(Kind, string) string) {
	pos := d.Pos
	pos.File = r.filePath(pos.File)
	pos.Col = r.byteCol(d.Pos)
	head := pos.String()
	if head == "" {
		head = noFile
	}
	msg, hint := r.shown(d)
	first, rest, _ := strings.Cut(msg, "\n")
	fmt.Fprintf(b, "%s: %s: %s %s\n", st(KindFile, head), st(severityKind(d.Severity), d.Severity.String()), first, st(KindRule, "["+d.Rule+"]"))
	if rest != "" {
		b.WriteString("    " + indentLines(rest, "    ") + "\n")
	}
	r.writeSnippet(b, d, st)
	if hint != "" {
		label := r.hintLabel() + ":"
		fmt.Fprintf(b, "    %s %s\n", st(KindHint, label), indentLines(hint, strings.Repeat(" ", 5+uniseg.StringWidth(label))))
	}
}

// writeSnippet prints the finding's source line under a line-number gutter
// and a caret under its columns, when the source is known.
func (r Report) writeSnippet(b *strings.Builder, d diag.Diagnostic, st func(Kind, string) string) {
	if r.Source == nil || d.Pos.Line < 1 {
		return
	}
	line := strings.TrimRight(r.Source(d.Pos.File, d.Pos.Line), "\r\n")
	if strings.TrimSpace(line) == "" {
		return
	}
	num := strconv.Itoa(d.Pos.Line)
	// The line is the manual's own bytes: a control character in a comment
	// would reach the terminal as it is.
	fmt.Fprintf(b, "  %s %s\n", st(KindGutter, num+" |"), sanitize.Text(line))
	if d.Pos.Col < 1 {
		return
	}
	pad, carets := caret(line, d)
	fmt.Fprintf(b, "  %s %s%s\n", st(KindGutter, strings.Repeat(" ", len(num))+" |"), pad, st(KindCaret, carets))
}

// caret returns the padding that puts a caret under column Pos.Col (code
// points, 1-based) of line as a terminal shows it once sanitized (a control
// character takes the width of its escape), tabs kept and wide characters
// counted twice, and the carets: one per column up to End.Col when the
// finding ends on the same line, else one.
func caret(line string, d diag.Diagnostic) (string, string) {
	runes := []rune(line)
	start := min(d.Pos.Col-1, len(runes))
	var pad strings.Builder
	for _, c := range runes[:start] {
		if c == '\t' {
			pad.WriteRune('\t')
		} else {
			pad.WriteString(strings.Repeat(" ", uniseg.StringWidth(sanitize.Text(string(c)))))
		}
	}
	width := 1
	if d.End.Line == d.Pos.Line && d.End.Col > d.Pos.Col {
		end := min(d.End.Col-1, len(runes))
		width = max(1, uniseg.StringWidth(sanitize.Text(string(runes[start:end]))))
	}
	return pad.String(), strings.Repeat("^", width)
}

// byteCol is the column of p counted in bytes of its line, as go vet, gcc
// and vim's %c count it, so an editor lands on the finding after accented
// text. Diagnostics count code points; without the source line the column
// is left as it is.
func (r Report) byteCol(p diag.Pos) int {
	if p.Col < 1 || r.Source == nil || p.Line < 1 {
		return p.Col
	}
	line := r.Source(p.File, p.Line)
	n := 0
	for i := range line {
		n++
		if n == p.Col {
			return i + 1
		}
	}
	if n == 0 {
		return p.Col
	}
	// Past the end of the line (a finding at its end): count on in bytes.
	return len(line) + p.Col - n
}

func indentLines(s, indent string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+indent)
}

// writeCompact prints one line per finding, file:line:col: severity:
// message [RULE] (hint: ...), for editors' quickfix lists and grep. Every
// line has a line and a column, so an errorformat of %f:%l:%c: %m reads
// each one: a finding about a whole file points at 1:1.
func writeCompact(w io.Writer, r Report) error {
	var b strings.Builder
	for _, d := range r.Findings {
		b.WriteString(r.compactLine(d) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// compactLine is a finding on one line; line breaks in its text become
// "; ".
func (r Report) compactLine(d diag.Diagnostic) string {
	file := r.filePath(d.Pos.File)
	if file == "" {
		file = noFile
	}
	line, col := max(d.Pos.Line, 1), max(r.byteCol(d.Pos), 1)
	msg, hint := r.shown(d)
	s := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", file, line, col, d.Severity, msg, d.Rule)
	if hint != "" {
		s += " (" + r.hintLabel() + ": " + hint + ")"
	}
	return oneLine.Replace(s)
}

var oneLine = strings.NewReplacer("\r\n", "; ", "\n", "; ", "\r", "; ")

func severityKind(s diag.Severity) Kind {
	switch s {
	case diag.Error:
		return KindError
	case diag.Warning:
		return KindWarning
	}
	return KindInfo
}
