package manual

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/diag"
)

// TextPos finds where line:col of a text (a template form, 1-based, col in
// characters) is in its YAML file, the text's scalar starting at start;
// source returns a line of a manual file. It checks the file's own bytes:
// a single-line scalar (plain or quoted) and a literal block (|) map
// exactly; a text written with escapes or folded over lines has no single
// place for each character: then start, false. Lint and the renderer both
// place template errors through here, so they name the same column.
func TextPos(source func(file string, n int) string, start Pos, text string, line, col int) (Pos, bool) {
	lines := strings.Split(text, "\n")
	if line < 1 || line > len(lines) || col < 1 || start.Line < 1 || start.Col < 1 {
		return start, false
	}
	tl := lines[line-1]
	if col-1 > utf8.RuneCountInString(tl) {
		return start, false
	}
	prefix := string([]rune(tl)[:col-1])
	src := []rune(source(start.File, start.Line))
	if start.Col-1 > len(src) {
		return start, false
	}
	at := src[start.Col-1:]
	if len(at) > 0 && (at[0] == '|') {
		// A literal block: text line k is source line start+k, ending with it.
		l := []rune(source(start.File, start.Line+line))
		if !strings.HasSuffix(string(l), tl) {
			return start, false
		}
		first := len(l) - utf8.RuneCountInString(tl)
		return diag.Pos{File: start.File, Line: start.Line + line, Col: first + utf8.RuneCountInString(prefix) + 1}, true
	}
	if line != 1 {
		return start, false
	}
	c := start.Col
	if len(at) > 0 && (at[0] == '"' || at[0] == '\'') {
		at, c = at[1:], c+1
	}
	if !strings.HasPrefix(string(at), prefix) {
		return start, false
	}
	return diag.Pos{File: start.File, Line: start.Line, Col: c + utf8.RuneCountInString(prefix)}, true
}

// SourceLine is line n of one of the manual's files as it is now, "" when
// it cannot be read: for placing an error found after loading, when the
// file is read again only to name a column.
func (m *Manual) SourceLine(name string, n int) string {
	if m.FS == nil || n < 1 {
		return ""
	}
	var ignored diag.List
	data, ok := readFile(m.FS, file{name: name}, &ignored)
	if !ok {
		return ""
	}
	lines := bytes.Split(data, []byte("\n"))
	if n > len(lines) {
		return ""
	}
	return string(bytes.TrimSuffix(lines[n-1], []byte("\r")))
}
