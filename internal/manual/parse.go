package manual

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
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
	if !checkText(file, data, diags) {
		return nil
	}
	if len(bytes.TrimSpace(stripComments(data))) == 0 {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, RuleMissing,
			"start the file with crisis: 1 and kind: playbook (see docs/format.md)", "the file is empty")
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		syntaxError(file, data, err, diags)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		diags.Errorf(diag.Pos{File: file, Line: extra.Line, Col: extra.Column}, RuleSyntax,
			"put each playbook in a file of its own", "the file holds more than one YAML document (a second --- line)")
		return nil
	}
	if !checkNodes(file, &doc, diags) {
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// checkText refuses files that are not reasonable UTF-8 text.
func checkText(file string, data []byte, diags *diag.List) bool {
	if len(data) > MaxFileSize {
		diags.Errorf(diag.Pos{File: file}, RuleFile, "split it, or move what is not a playbook out of the manual folder",
			"the file is %s; a manual file may be at most %s", size(len(data)), size(MaxFileSize))
		return false
	}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			diags.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleFile,
				"save the file as UTF-8; if it is not a manual file, move it out of the manual folder",
				"the file is not UTF-8 text (byte 0x%02X)", data[i])
			return false
		case r == 0 || (r < 0x20 && r != '\n' && r != '\r' && r != '\t'):
			diags.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleFile,
				"this looks like a binary file; move it out of the manual folder",
				"the file holds a control character (U+%04X)", r)
			return false
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += n
	}
	return true
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

func stripComments(data []byte) []byte {
	var out []byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' && string(t) != "---" {
			out = append(out, t...)
		}
	}
	return out
}

// checkNodes walks the tree once, refusing aliases and absurd node counts.
func checkNodes(file string, doc *yaml.Node, diags *diag.List) bool {
	count := 0
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if !ok {
			return
		}
		count++
		if count > maxNodes {
			diags.Errorf(diag.Pos{File: file, Line: n.Line, Col: n.Column}, RuleFile,
				"split the file; a playbook has a few hundred values", "the file has more than %d values", maxNodes)
			ok = false
			return
		}
		if n.Kind == yaml.AliasNode {
			diags.Errorf(diag.Pos{File: file, Line: n.Line, Col: n.Column}, RuleFile,
				"write the value out where it is used; a manual read under stress should not make readers chase anchors",
				"YAML aliases (*%s) are not allowed in a manual", n.Value)
			ok = false
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	return ok
}

// syntaxError turns a yaml.v3 error into a positioned diagnostic with a hint
// for the mistakes people make most.
func syntaxError(file string, data []byte, err error, diags *diag.List) {
	msg := err.Error()
	line, col := 1, 1
	if m := yamlErrRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	text := lineText(data, line)
	hint := "check the indentation and the quotes on this line and the one above"
	if i := strings.IndexByte(text, '\t'); i >= 0 && (strings.Contains(msg, "tab") || strings.Contains(msg, "cannot start any token")) {
		col = utf8.RuneCountInString(text[:i]) + 1
		msg = "a tab character is used for indentation"
		hint = "YAML indents with spaces only: replace the tab with spaces"
	} else {
		col = firstNonSpace(text)
	}
	if strings.Contains(msg, "mapping values are not allowed") {
		hint = "a value that contains \": \" must be quoted, or the line is indented too far"
	}
	if strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'") {
		hint = "this line's indentation does not match the lines around it"
	}
	diags.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleSyntax, hint, "invalid YAML: %s", msg)
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
