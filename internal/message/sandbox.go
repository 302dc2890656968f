package message

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"time"
	"unicode/utf8"

	i18ntemplate "github.com/nicksnyder/go-i18n/v2/i18n/template"

	"github.com/crisis-cli/crisis/internal/lang"
)

// A manual arrives by pull request, so its templates are untrusted input to
// the CI gate and to the run. text/template is a programming language (it
// loops, calls other templates, formats with printf); a message is text with
// blanks. Every template is therefore checked against an allowlist when it
// is parsed and executed with an output cap and a time budget: what passes
// the check cannot loop, so its execution is linear in its text and values.

// Limits of one template's execution.
const (
	// MaxOutput is the most one rendered text may hold, in bytes: far more
	// than any channel carries (an e-mail body is a few KiB).
	MaxOutput = 64 << 10
	// ExecBudget is the time one execution may take. A checked template
	// renders in microseconds; the budget only stops the unforeseen.
	ExecBudget = time.Second
)

// Errors of execution past its limits.
var (
	ErrTooLong = fmt.Errorf("the rendered text would be longer than %d KiB", MaxOutput>>10)
	ErrTooSlow = fmt.Errorf("rendering took longer than %s", ExecBudget)
)

// TemplateError is a template text that is refused or fails to render:
// where in the text and why.
type TemplateError struct {
	Text string // the template text
	Line int    // 1-based line within the text
	Col  int    // 1-based column in characters within that line; 0 when unknown
	Msg  string
	Err  error // the underlying error, when there is one
}

// Error is the reason with its place in the text before it: the line
// when the text has several, the column when it is known.
func (e *TemplateError) Error() string { return e.placed().Error() }

// Unwrap gives the reason with its place as an interface message, for
// where the error is shown whole, and the reason alone, for where Msg is
// shown at the file's own line and column (lint): both are then shown in
// the interface language. errors.Is and errors.As reach Err.
func (e *TemplateError) Unwrap() []error { return []error{e.placed(), e.Reason()} }

// placed is Reason framed by its place in the text.
func (e *TemplateError) placed() error {
	data := map[string]any{"Line": e.Line, "Col": e.Col, "Reason": e.Reason()}
	switch {
	case e.Line > 1 && e.Col > 0:
		return lang.Errorf("renderfail.at-line-col", data)
	case e.Line > 1:
		return lang.Errorf("renderfail.at-line", data)
	case e.Col > 0:
		return lang.Errorf("renderfail.at-col", data)
	}
	return e.Reason()
}

// Reason is why the text fails, without its place: Msg, whose words are
// those of Err when Err is an interface message (translated with it), and
// which leads to Err for errors.Is and errors.As.
func (e *TemplateError) Reason() error { return reasonText{e.Msg, e.Err} }

type reasonText struct {
	msg string
	err error
}

func (r reasonText) Error() string { return r.msg }
func (r reasonText) Unwrap() error { return r.err }

// compile parses a template text with a locale's functions and checks it
// against the allowlist. Every template crisis executes comes from here.
func compile(text, locale string) (*template.Template, error) {
	if err := checkNesting(text); err != nil {
		return nil, err
	}
	t, err := template.New("").Funcs(Funcs(locale)).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, parseError(text, err)
	}
	if err := check(t, text); err != nil {
		return nil, err
	}
	return t, nil
}

// MaxNesting bounds how deeply actions nest ({{if}} in {{if}}, parentheses
// in parentheses). text/template's parser recurses once per level without
// a bound on blocks: a hundred thousand nested {{if}} in one line of a
// manual made it exhaust memory before any check could run.
const MaxNesting = 50

// checkNesting scans the text's actions, before the parser sees them, for
// blocks and parentheses nested deeper than MaxNesting. An {{else if}} or
// {{else with}} is a block nested in the one it continues, as the parser
// reads it, closed by that block's single {{end}}: a long chain of them
// recurses as deep as as many nested {{if}}.
func checkNesting(text string) error {
	depth := 0
	var chains []int // per open block, the else-if/else-with levels its {{end}} closes too
	for i := 0; ; {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			return nil
		}
		start := i + j
		k := start + 2
		body := strings.TrimLeft(strings.TrimPrefix(text[k:], "-"), " \t\r\n")
		switch word := leadingWord(body); word {
		case "if", "with", "range", "block", "define":
			depth++
			chains = append(chains, 0)
		case "else":
			if next := leadingWord(strings.TrimLeft(body[len(word):], " \t\r\n")); (next == "if" || next == "with") && len(chains) > 0 {
				depth++
				chains[len(chains)-1]++
			}
		case "end":
			depth--
			if n := len(chains); n > 0 {
				depth -= chains[n-1]
				chains = chains[:n-1]
			}
		}
		parens, end := 0, len(text)
		if e := strings.Index(text[k:], "}}"); e >= 0 {
			end = k + e
		}
		quote := byte(0)
		for p := k; p < end; p++ {
			switch c := text[p]; {
			case quote != 0 && c == '\\' && quote == '"':
				p++
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '`' || c == '\'':
				quote = c
			case c == '(':
				parens++
			case c == ')':
				parens--
			}
			if parens > MaxNesting {
				break
			}
		}
		if depth > MaxNesting || parens > MaxNesting {
			line, col := lineCol(text, start+2)
			return reason(text, line, col, words("template.nesting", map[string]any{"Max": MaxNesting}))
		}
		i = min(end+2, len(text))
		if end == len(text) {
			return nil
		}
	}
}

func leadingWord(s string) string {
	n := 0
	for n < len(s) && s[n] >= 'a' && s[n] <= 'z' {
		n++
	}
	return s[:n]
}

// parseErrRE reads text/template's "template: NAME:LINE: message".
var parseErrRE = regexp.MustCompile(`^template: [^:]*:(\d+): (.*)$`)

// undefinedRE reads the parser's "function "x" not defined".
var undefinedRE = regexp.MustCompile(`function "([^"]+)" not defined`)

// parseError reads text/template's parse error, which names a line but no
// column: the column is that of the action naming the undefined function,
// else of the line's first action, so every template error points at a
// "{{" (0 when the line has none).
func parseError(text string, err error) *TemplateError {
	te := &TemplateError{Text: text, Line: 1, Msg: err.Error(), Err: err}
	if m := parseErrRE.FindStringSubmatch(err.Error()); m != nil {
		te.Line, _ = strconv.Atoi(m[1])
		te.Msg = m[2]
	}
	// The position is read from the parser's words; the reason told is
	// the interface's.
	defer func() {
		w := parseWords(te.Msg)
		te.Msg, te.Err = w.Error(), w
	}()
	lines := strings.Split(text, "\n")
	if te.Line < 1 || te.Line > len(lines) {
		return te
	}
	l := lines[te.Line-1]
	at := strings.Index(l, "{{")
	if f := undefinedRE.FindStringSubmatch(te.Msg); f != nil {
		if i := strings.Index(l, f[1]); i >= 0 {
			if j := strings.LastIndex(l[:i], "{{"); j >= 0 {
				at = j
			}
		}
	}
	if at >= 0 {
		te.Col = utf8.RuneCountInString(l[:at]) + 1
	}
	return te
}

// check walks the parsed template and refuses everything but text,
// comments, single-identifier fields, literals, the allowed functions,
// parenthesised pipelines, and if/else/with.
func check(t *template.Template, text string) error {
	c := &checker{text: text}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		if tt.Name() != t.Name() {
			// {{define}} and {{block}} add a template of their own.
			return c.fail(tt.Tree.Root.Position(), "template.define", map[string]any{"Define": "{{define}}", "Block": "{{block}}"})
		}
	}
	if t.Tree == nil {
		return nil
	}
	c.node(t.Tree.Root)
	return c.err
}

type checker struct {
	text string
	err  error
	// with counts the {{with}} bodies around the node: only there is {{.}}
	// one value; elsewhere it is the whole map of values.
	with int
}

// fail refuses the template at pos for the reason of interface message id
// (template.*), filled with data and the template syntax: only ids, so
// that every reason reads in the person's language.
func (c *checker) fail(pos parse.Pos, id string, data map[string]any) error {
	if c.err == nil {
		line, col := lineCol(c.text, int(pos))
		c.err = reason(c.text, line, col, words(id, data))
	}
	return c.err
}

// reason is the TemplateError at line and col of text for reason w: its
// English words as Msg, w itself as Err for translation.
func reason(text string, line, col int, w *lang.Error) *TemplateError {
	return &TemplateError{Text: text, Line: line, Col: col, Msg: w.Error(), Err: w}
}

func (c *checker) node(n parse.Node) {
	if c.err != nil || n == nil {
		return
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, x := range n.Nodes {
			c.node(x)
		}
	case *parse.TextNode, *parse.CommentNode, *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
	case *parse.DotNode:
		if c.with == 0 {
			c.fail(n.Position(), "template.dot", nil)
		}
	case *parse.ActionNode:
		c.pipe(n.Pipe)
	case *parse.IfNode:
		c.branch(&n.BranchNode, false)
	case *parse.WithNode:
		c.branch(&n.BranchNode, true)
	case *parse.PipeNode:
		c.pipe(n)
	case *parse.CommandNode:
		for _, a := range n.Args {
			c.node(a)
		}
	case *parse.FieldNode:
		if len(n.Ident) > 1 {
			c.fail(n.Position(), "template.field", map[string]any{"Ref": "{{" + n.String() + "}}", "Fix": "{{." + n.Ident[0] + "}}"})
		}
	case *parse.IdentifierNode:
		if !isFunc(n.Ident) {
			c.fail(n.Position(), "template.func", funcData(n.Ident))
		}
	case *parse.RangeNode:
		c.fail(n.Position(), "template.range", map[string]any{"Action": "{{range}}"})
	case *parse.TemplateNode:
		c.fail(n.Position(), "template.call", map[string]any{"Action": fmt.Sprintf("{{template %q}}", n.Name)})
	case *parse.VariableNode:
		c.fail(n.Position(), "template.variable", nil)
	case *parse.ChainNode:
		c.fail(n.Position(), "template.chain", map[string]any{"Ref": "{{" + n.String() + "}}"})
	default:
		c.fail(n.Position(), "template.other", map[string]any{"Node": n.String(), "Funcs": FuncNames()})
	}
}

func (c *checker) pipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	if len(p.Decl) > 0 {
		c.fail(p.Position(), "template.variable", nil)
		return
	}
	for _, cmd := range p.Cmds {
		c.node(cmd)
	}
}

// branch checks an {{if}} or a {{with}}: in a with's body, and only
// there, {{.}} is the value tested.
func (c *checker) branch(b *parse.BranchNode, with bool) {
	c.pipe(b.Pipe)
	if with {
		c.with++
	}
	c.node(b.List)
	if with {
		c.with--
	}
	if b.ElseList != nil {
		c.node(b.ElseList)
	}
}

// isFunc tells whether a template may call the function name.
func isFunc(name string) bool {
	for _, f := range FuncDocs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// FuncNames lists the functions a template may call, comma-separated.
func FuncNames() string {
	names := make([]string, len(FuncDocs))
	for i, f := range FuncDocs {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// lineCol turns a byte offset in text into the 1-based line and column (in
// characters, as editors and YAML positions count them) of the action that
// holds it: its "{{", where a reader looks.
func lineCol(text string, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	if i := strings.LastIndex(text[:off], "{{"); i >= 0 {
		off = i
	}
	before := text[:off]
	line = 1 + strings.Count(before, "\n")
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCountInString(before) + 1
}

// limitWriter collects a rendered text, failing once it would exceed
// MaxOutput or the deadline has passed: text/template stops at the first
// write that fails.
type limitWriter struct {
	b        strings.Builder
	deadline time.Time
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.b.Len()+len(p) > MaxOutput {
		return 0, ErrTooLong
	}
	if time.Now().After(w.deadline) {
		return 0, ErrTooSlow
	}
	return w.b.Write(p)
}

// execErrRE reads text/template's "template: NAME:LINE:COL: executing ...:
// message", COL counting bytes from 0.
var execErrRE = regexp.MustCompile(`^template: [^:]*:(\d+):(\d+): executing "[^"]*" at <([^>]*)>: (.*)$`)

// run executes a checked template within the limits.
func run(t *template.Template, text string, data any) (string, error) {
	w := &limitWriter{deadline: time.Now().Add(ExecBudget)}
	err := t.Execute(w, data)
	if err == nil {
		return w.b.String(), nil
	}
	te := &TemplateError{Text: text, Line: 1, Msg: err.Error(), Err: err}
	for _, limit := range []error{ErrTooLong, ErrTooSlow} {
		if errors.Is(err, limit) {
			te.Msg, te.Err = limit.Error(), limit
			return "", te
		}
	}
	node := "" // the part of the action the error names
	if m := execErrRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		byteCol, _ := strconv.Atoi(m[2])
		lines := strings.SplitAfter(text, "\n")
		if line >= 1 && line <= len(lines) && byteCol <= len(lines[line-1]) {
			off := len(strings.Join(lines[:line-1], "")) + byteCol
			te.Line, te.Col = lineCol(text, off+1)
		}
		te.Msg, node = m[4], m[3]
	}
	var words *lang.Error
	if errors.As(err, &words) {
		// A function's own error (date given a text) names the function:
		// without Go's "error calling date: " it reads in one language.
		te.Msg = words.Error()
	} else {
		words = execWords(te.Msg, node)
		te.Msg, te.Err = words.Error(), words
	}
	return "", te
}

// sandboxParser is the go-i18n template parser of one locale: compile and
// run, so messages rendered through the catalog are checked and limited as
// every other template is. A locale's functions never change, so parsed
// templates can be cached (go-i18n's own TextParser refuses to cache once
// functions are set, which made every render re-parse its template), and
// shared by the catalog's bundles (cache).
type sandboxParser struct {
	locale string
	cache  *parseCache
}

func (sandboxParser) Cacheable() bool { return true }

// Parse ignores go-i18n's delimiters: the manual format has no way to set
// them.
func (p sandboxParser) Parse(src, _, _ string) (i18ntemplate.ParsedTemplate, error) {
	return p.cache.get(p.locale, src)
}

type sandboxed struct {
	t    *template.Template
	text string
}

func (s sandboxed) Execute(data any) (string, error) { return run(s.t, s.text, data) }
