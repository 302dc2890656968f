package manual

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/sanitize"
)

// MaxFileSize bounds one manual file. The longest real playbook is a few
// kilobytes; anything near this size is a mistake (a log or an export saved
// under playbooks/), and refusing it keeps memory and time bounded.
const MaxFileSize = 2 << 20

// maxNodes bounds the nodes of one document, so a pathological file cannot
// exhaust memory even without aliases.
const maxNodes = 200_000

var yamlErrRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML reads one file's bytes into a document node. It refuses what a
// manual never needs and an attacker or an accident could use to hang the
// tool: huge files, binary data, several documents, and aliases (the
// "billion laughs" bomb is made of them).
func parseYAML(file string, data []byte, diags *diag.List) *yaml.Node {
	ok, marked := checkText(file, data, diags)
	if !ok {
		return nil
	}
	if blank(data) {
		report(diags, diag.Pos{File: file, Line: 1, Col: 1}, RuleMissing, say("loader.empty-file", nil), say("loader.empty-file.hint", nil))
		return nil
	}
	var doc yaml.Node
	if !marked {
		// Without a --- or ... line there is one document at most, and
		// parsing from memory saves the Decoder's copying through a
		// reader: a tenth of a load.
		if err := yaml.Unmarshal(data, &doc); err != nil {
			syntaxError(file, data, err, diags)
			return nil
		}
		return checkedRoot(file, &doc, diags)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		syntaxError(file, data, err, diags)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		// A second document, valid or not: point at its --- line.
		line := max(extra.Line, 1)
		if err != nil {
			line = len(bytes.Split(data, []byte("\n")))
		}
		line = separatorLine(data, line)
		report(diags, diag.Pos{File: file, Line: line, Col: 1}, RuleSyntax, say("loader.documents", nil), say("loader.documents.hint", nil))
		return nil
	}
	return checkedRoot(file, &doc, diags)
}

// decodeFile parses data, the text of file, and decodes its root into v
// with decode, on a decoder of the file's own sharing strs and blk (nil:
// nothing shared). It reports false, leaving v as it was, when data is
// not YAML a manual may hold (reported by parseYAML).
func decodeFile[T any](file string, data []byte, diags *diag.List, strs *texts, blk *blocks, decode func(*decoder, *yaml.Node, T), v T) bool {
	node := parseYAML(file, data, diags)
	if node == nil {
		return false
	}
	decode(&decoder{file: file, diags: diags, strs: strs, blk: blk}, node, v)
	return true
}

// checkedRoot returns the root node of a parsed document, nil when it is
// empty or holds what a manual may not (see checkNodes).
func checkedRoot(file string, doc *yaml.Node, diags *diag.List) *yaml.Node {
	if !checkNodes(file, doc, diags) || len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// startsMarker reports whether a line starts with a document marker, ---
// or ...: a YAML stream holds a second document only after one of them.
func startsMarker(line []byte) bool {
	return bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))
}

// checkText refuses files that are not reasonable UTF-8 text. It also
// tells whether a line starts with a document marker (marked), found on
// the same pass over the bytes: parseYAML needs to know, and reading
// every file's lines again for it was a pass of its own.
func checkText(file string, data []byte, diags *diag.List) (ok, marked bool) {
	if len(data) > MaxFileSize {
		tooBig(file, int64(len(data)), diags)
		return false, false
	}
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		report(diags, diag.Pos{File: file, Line: 1, Col: 1}, RuleFile, say("loader.binary", nil), say("loader.binary.hint", nil))
		return false, false
	}
	marked = startsMarker(data) // a first line after a byte order mark starts with the mark
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		// Eight bytes of printable ASCII at a time, most of any file (see
		// printable); a word holding anything else is read byte by byte.
		if i+8 <= len(data) && printable(binary.LittleEndian.Uint64(data[i:])) {
			i += 8
			col += 8
			continue
		}
		if c := data[i]; c >= 0x20 && c < 0x7F { // printable ASCII
			i++
			col++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			msg := say("loader.not-utf8", args{"Byte": fmt.Sprintf("0x%02X", data[i])})
			if data[i] >= 0xA0 {
				// Most often a file saved as Latin-1 or Windows-1252, where
				// every byte from 0xA0 up is one accented letter or sign.
				msg = say("loader.not-utf8.latin1", args{"Byte": fmt.Sprintf("0x%02X", data[i]), "Char": strconv.QuoteRune(rune(data[i]))})
			}
			report(diags, diag.Pos{File: file, Line: line, Col: col}, RuleFile, msg, say("loader.not-utf8.hint", nil))
			return false, false
		case r == '\r' && (i+1 == len(data) || data[i+1] != '\n'), r == 0x85, r == 0x2028, r == 0x2029:
			// YAML breaks lines there and most editors do not, so no
			// position after it would mean the same line to both.
			name := map[rune]string{'\r': "loader.break.cr", 0x85: "loader.break.nel", 0x2028: "loader.break.ls", 0x2029: "loader.break.ps"}[r]
			report(diags, diag.Pos{File: file, Line: line, Col: col}, RuleFile, say("loader.line-break", args{"Char": say(name, nil)}),
				say("loader.line-break.hint", nil))
			return false, false
		case r == 0xFFFE || r == 0xFFFF || (r != '\r' && sanitize.IsControl(r) && !sanitize.IsBidi(r)):
			// One stray byte in a comment or a value, pasted from a terminal
			// or a word processor: invisible in the editor, obeyed by a
			// terminal that shows the line. Bidirectional formatting is left
			// to the texts' own check (CR009): it is the text's problem.
			report(diags, diag.Pos{File: file, Line: line, Col: col}, RuleFile, say("loader.invisible", args{"Char": sanitize.Name(r)}),
				say("loader.invisible.hint", nil))
			return false, false
		case r == '\n':
			line, col = line+1, 1
			marked = marked || startsMarker(data[i+1:])
		default:
			col++
		}
		i += n
	}
	return true, marked
}

// tooBig reports a file over MaxFileSize, at its first line so that every
// diagnostic has a position an editor can open.
func tooBig(file string, n int64, diags *diag.List) {
	report(diags, diag.Pos{File: file, Line: 1, Col: 1}, RuleFile, say("loader.too-big", args{"Size": size(n), "Max": size(MaxFileSize)}),
		say("loader.too-big.hint", nil))
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// blank reports whether data holds nothing but blank lines, comments and
// document markers, without copying it: it runs on every file.
func blank(data []byte) bool {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] != '#' && string(t) != "---" {
			return false
		}
	}
	return true
}

// checkNodes walks the tree once, refusing aliases and absurd node counts.
// It walks in the file's order (a node, then its children) with a stack
// of its own rather than a recursive closure: every node of every file
// passes here, and the closure's calls were most of the walk's time.
func checkNodes(file string, doc *yaml.Node, diags *diag.List) bool {
	var buf [64]*yaml.Node // deep enough for any manual without allocating
	stack := append(buf[:0], doc)
	for count := 1; len(stack) > 0; count++ {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if count > maxNodes {
			report(diags, diag.Pos{File: file, Line: n.Line, Col: n.Column}, RuleFile, sayN("loader.too-many-values", maxNodes, nil),
				say("loader.too-many-values.hint", nil))
			return false
		}
		if n.Kind == yaml.AliasNode {
			report(diags, diag.Pos{File: file, Line: n.Line, Col: n.Column}, RuleFile, say("loader.alias", args{"Name": n.Value}),
				say("loader.alias.hint", nil))
			return false
		}
		for i := len(n.Content) - 1; i >= 0; i-- { // the first child on top
			stack = append(stack, n.Content[i])
		}
	}
	return true
}

// syntaxError turns a yaml.v3 error into a positioned diagnostic with a hint
// for the mistakes people make most.
func syntaxError(file string, data []byte, err error, diags *diag.List) {
	msg := err.Error()
	line := 1
	if m := yamlErrRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	line = problemLine(data, msg, max(line, 1))
	text := strings.TrimSuffix(lineText(data, line), "\r")
	col := firstNonSpace(text)
	prev, prevCol := previousLine(data, line)
	problem := any(msg) // yaml.v3's own words, in English, unless one of ours
	hint := say("loader.syntax.hint", nil)
	switch {
	case strings.ContainsRune(text, '\t') && (strings.Contains(msg, "tab") || strings.Contains(msg, "cannot start any token")):
		col = utf8.RuneCountInString(text[:strings.IndexByte(text, '\t')]) + 1
		problem = say("loader.syntax.tab", nil)
		hint = say("loader.syntax.tab.hint", nil)
	case strings.Contains(msg, "mapping values are not allowed"):
		if key, c, ok := colonInValue(text); ok {
			col = c
			problem = say("loader.syntax.colon", args{"Key": q(key)})
			hint = say("loader.syntax.colon.hint", args{"Key": key})
		} else if prev != "" && col > prevCol {
			problem = say("loader.syntax.indented", nil)
			hint = say("loader.syntax.indented.hint", args{"Col": prevCol})
		} else {
			problem = say("loader.syntax.colon-value", nil)
			hint = say("loader.syntax.colon-value.hint", nil)
		}
	case strings.Contains(msg, "did not find expected ',' or ']'") && strings.Contains(text, "["):
		col = utf8.RuneCountInString(text[:strings.LastIndexByte(text, '[')]) + 1
		problem = say("loader.syntax.list", nil)
		hint = say("loader.syntax.list.hint", nil)
	case strings.Contains(msg, "did not find expected ',' or '}'") && strings.Contains(text, "{"):
		col = utf8.RuneCountInString(text[:strings.LastIndexByte(text, '{')]) + 1
		problem = say("loader.syntax.mapping", nil)
		hint = say("loader.syntax.mapping.hint", nil)
	case strings.Contains(msg, "unexpected end of stream") && openQuote(text) >= 0:
		q := openQuote(text)
		col = utf8.RuneCountInString(text[:q]) + 1
		problem = say("loader.syntax.quote", args{"Quote": string(text[q])})
		hint = say("loader.syntax.quote.hint", args{"Quote": string(text[q])})
	case strings.Contains(msg, "cannot start any token") && strings.ContainsAny(text, "@`"):
		col = utf8.RuneCountInString(text[:strings.IndexAny(text, "@`")]) + 1
		problem = say("loader.syntax.start", args{"Char": string(text[strings.IndexAny(text, "@`")])})
		hint = say("loader.syntax.start.hint", nil)
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'"):
		if prev != "" && col != prevCol {
			problem = say("loader.syntax.indentation", nil)
			hint = say("loader.syntax.indentation.hint", args{"Col": prevCol})
		} else {
			hint = say("loader.syntax.key.hint", nil)
		}
	}
	report(diags, diag.Pos{File: file, Line: line, Col: col}, RuleSyntax, say("loader.syntax", args{"Problem": problem}), hint)
}

// problemLine finds the line where the YAML parser actually gave up.
// yaml.v3 reports the line where the construct holding the mistake began
// (a list or a multi-line value), often several lines above it. Parsing ever
// longer prefixes of whole lines, the first one that fails with the same
// problem ends on the mistake. The mistake is usually a few lines below the
// reported one, so the search gallops down from there and then bisects: a
// handful of parses. Files far larger than any real manual file keep the
// reported line, so an error costs no more than a few loads.
func problemLine(data []byte, problem string, reported int) int {
	if len(data) > maxRefine {
		return reported
	}
	var ends []int // ends[i] is the offset just past line i+1
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	fails := func(lines int) bool {
		var n yaml.Node
		err := yaml.NewDecoder(bytes.NewReader(data[:ends[lines-1]])).Decode(&n)
		return err != nil && strings.HasSuffix(err.Error(), problem)
	}
	last := len(ends)
	start := max(1, min(reported, last))
	lo, hi, step := start, start, 1 // no prefix shorter than lo lines is known to fail
	for !fails(hi) {
		if hi == last {
			return start
		}
		lo, hi, step = hi+1, min(last, hi+step), step*2
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}

// maxRefine bounds the files whose syntax errors problemLine refines.
const maxRefine = 128 << 10

// openQuote returns the offset of a quote that opens a value on the line
// and is not closed on it, or -1.
func openQuote(text string) int {
	open := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case open >= 0 && c == text[open]:
			if c == '\'' && i+1 < len(text) && text[i+1] == '\'' {
				i++ // '' is a quote inside a single-quoted value
				continue
			}
			open = -1
		case open >= 0 && c == '\\' && text[open] == '"':
			i++
		case open < 0 && (c == '"' || c == '\'') && (i == 0 || strings.ContainsRune(" [{,:-", rune(text[i-1]))):
			open = i
		case open < 0 && c == '#' && i > 0 && text[i-1] == ' ':
			return -1
		}
	}
	return open
}

// previousLine returns the nearest line above line that holds something
// other than a comment, and the column where its text starts.
func previousLine(data []byte, line int) (string, int) {
	for l := line - 1; l >= 1; l-- {
		t := strings.TrimSuffix(lineText(data, l), "\r")
		if s := strings.TrimSpace(t); s != "" && !strings.HasPrefix(s, "#") {
			return t, firstNonSpace(t)
		}
	}
	return "", 0
}

// colonInValue finds a plain (unquoted) value that holds ": " on a line
// written as key: value, returning the key and the column of that colon.
func colonInValue(text string) (string, int, bool) {
	indent := len(text) - len(strings.TrimLeft(text, " "))
	rest := text[indent:]
	for strings.HasPrefix(rest, "- ") {
		indent += 2
		rest = rest[2:]
	}
	k := strings.Index(rest, ": ")
	if k <= 0 || strings.ContainsAny(rest[:1], `"'[{`) {
		return "", 0, false
	}
	value := strings.TrimLeft(rest[k+2:], " ")
	if value == "" || strings.ContainsAny(value[:1], `"'[{|>&*!#`) {
		return "", 0, false
	}
	v := strings.Index(value, ": ")
	if v < 0 && strings.HasSuffix(value, ":") {
		v = len(value) - 1
	}
	if v < 0 {
		return "", 0, false
	}
	at := len(text) - len(value) + v
	return rest[:k], utf8.RuneCountInString(text[:at]) + 1, true
}

// separatorLine returns the last "---" line at or above line, where a second
// document starts, or line itself when there is none.
func separatorLine(data []byte, line int) int {
	for l := line; l > 1; l-- {
		if strings.HasPrefix(lineText(data, l), "---") {
			return l
		}
	}
	return line
}

func lineText(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line >= 1 && line <= len(lines) {
		return string(lines[line-1])
	}
	return ""
}

func firstNonSpace(s string) int {
	for i, r := range []rune(s) {
		if r != ' ' {
			return i + 1
		}
	}
	return 1
}
