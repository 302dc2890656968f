package scaffold

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// doc builds a YAML file as text, so that it can carry comments where a
// person needs them and read as a person would write it. Values go through
// scalar, which quotes exactly when YAML needs it.
type doc struct{ bytes.Buffer }

// comment writes each line of text as a comment at the given indentation.
func (d *doc) comment(indent int, text string) {
	if text == "" {
		return
	}
	pad := strings.Repeat(" ", indent)
	for _, line := range strings.Split(text, "\n") {
		d.WriteString(strings.TrimRight(pad+"# "+line, " ") + "\n")
	}
}

// line writes one line of YAML, indented.
func (d *doc) line(indent int, format string, args ...any) {
	d.WriteString(strings.Repeat(" ", indent))
	fmt.Fprintf(&d.Buffer, format, args...)
	d.WriteByte('\n')
}

// blank separates sections.
func (d *doc) blank() { d.WriteByte('\n') }

// block writes key: followed by a literal block for a multi-line text, or
// the scalar on the same line.
func (d *doc) block(indent int, key, text string) {
	if !strings.Contains(text, "\n") {
		d.line(indent, "%s: %s", key, scalar(text))
		return
	}
	d.line(indent, "%s: |", key)
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		d.line(indent+2, "%s", l)
	}
}

// scalar is s as a one-line YAML string: plain when YAML reads it back as
// the same string, else quoted.
func scalar(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	out, err := yaml.Marshal(n)
	if err != nil || bytes.Count(bytes.TrimRight(out, "\n"), []byte("\n")) > 0 {
		return fmt.Sprintf("%q", s)
	}
	return string(bytes.TrimRight(out, "\n"))
}

// list is a flow list of ids: [a, b, c].
func list(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = scalar(id)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
