package message

import (
	"fmt"
	"slices"
	"text/template"
	"text/template/parse"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Parse parses a template text with the allowed functions and checks it
// against what messages may use (see sandbox.go), so a syntax error, an
// unknown function or a loop is found before the crisis, not during it.
// Errors are *TemplateError.
func Parse(text string) (*template.Template, error) {
	return compile(text, "und")
}

// Variables lists the variables a template text uses ({{.platform}} ->
// "platform"), sorted and without repeats.
func Variables(text string) ([]string, error) {
	return collect(text, walk)
}

// collect parses a template text and gathers the names visit finds in
// each of its trees, sorted and without repeats.
func collect(text string, visit func(parse.Node, *[]string)) ([]string, error) {
	t, err := Parse(text)
	if err != nil {
		return nil, err
	}
	return gather(t, visit), nil
}

// gather collects the names visit finds in each tree of t, sorted and
// without repeats.
func gather(t *template.Template, visit func(parse.Node, *[]string)) []string {
	var names []string
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			visit(tt.Tree.Root, &names)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

func walk(n parse.Node, names *[]string) {
	visit(n, func(n parse.Node) {
		if f, ok := n.(*parse.FieldNode); ok && len(f.Ident) > 0 {
			*names = append(*names, f.Ident[0])
		}
	})
}

// walkCalls gathers the names of the functions a template calls (those
// of Funcs: a message may call no other).
func walkCalls(n parse.Node, names *[]string) {
	visit(n, func(n parse.Node) {
		if id, ok := n.(*parse.IdentifierNode); ok && isFunc(id.Ident) {
			*names = append(*names, id.Ident)
		}
	})
}

// visit calls f on n and on every node within it that a message may hold.
func visit(n parse.Node, f func(parse.Node)) {
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				visit(c, f)
			}
		}
	case *parse.ActionNode:
		visit(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				visit(c, f)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			visit(a, f)
		}
	case *parse.IfNode:
		visitBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		visitBranch(&n.BranchNode, f)
	case *parse.WithNode:
		visitBranch(&n.BranchNode, f)
	}
}

func visitBranch(b *parse.BranchNode, f func(parse.Node)) {
	visit(b.Pipe, f)
	visit(b.List, f)
	if b.ElseList != nil {
		visit(b.ElseList, f)
	}
}

// MissingError lists every required variable without a value, with what a
// person needs to supply it.
type MissingError struct {
	Missing []Missing
}

// Missing is one variable that has no value.
type Missing struct {
	Name, Description, Example string
}

func (e *MissingError) Error() string {
	s := ""
	for i, part := range e.parts() {
		if i > 0 {
			s += "\n  "
		}
		s += part.Error()
	}
	return s
}

// Unwrap gives the heading and each line as interface messages, so the
// person reads them in their own language (lang.Localizer.Text).
func (e *MissingError) Unwrap() []error {
	var errs []error
	for _, part := range e.parts() {
		errs = append(errs, part)
	}
	return errs
}

func (e *MissingError) parts() []*lang.Error {
	parts := []*lang.Error{lang.Countf("value.missing", len(e.Missing), nil)}
	for _, m := range e.Missing {
		parts = append(parts, lang.Errorf("value.missing.line", map[string]any{
			"Name": m.Name, "Description": m.Description, "Example": fmt.Sprintf("%q", m.Example)}))
	}
	return parts
}

// Execute fills a single template text with data, outside any catalog:
// for quizzes and checks that look at one text. Plural forms are not
// chosen; the caller passes the form it wants.
func Execute(text, locale string, data map[string]any) (string, error) {
	t, err := Compile(text, locale)
	if err != nil {
		return "", err
	}
	return t.Execute(data)
}

// Template is one text, checked against the sandbox and compiled once, to
// be filled with many sets of values (lint renders a message with every
// playbook's).
type Template struct {
	t    *template.Template
	text string
}

// Compile checks and compiles one template text for a locale.
func Compile(text, locale string) (*Template, error) {
	t, err := compile(text, locale)
	if err != nil {
		return nil, err
	}
	return &Template{t: t, text: text}, nil
}

// CompileFor is Compile for a text of m's message files, made from the
// compilation the catalogue renders it with (index): lint reads every
// text and renders many of them, and parsed each of those twice.
func CompileFor(m *manual.Manual, text, locale string) (*Template, error) {
	t, err := indexOf(m).inLocale(text, locale)
	if err != nil {
		return nil, err
	}
	return &Template{t: t, text: text}, nil
}

// Variables lists the variables the template uses, as Variables does for
// its text: the functions' names, all a parse depends on, are the same in
// every locale, so a text compiled once serves both.
func (t *Template) Variables() []string { return gather(t.t, walk) }

// Execute fills the template with data, within the sandbox's limits.
func (t *Template) Execute(data map[string]any) (string, error) { return run(t.t, t.text, data) }

// CheckLocale refuses a locale that is not a BCP 47 language tag naming a
// language (es, pt-BR, zh-Hant-TW). A locale names files (a run's
// announcements), so this is checked before any use: a well-formed tag has
// only letters, digits and hyphens, and cannot reach outside a folder.
func CheckLocale(locale string) error {
	_, err := CanonicalLocale(locale)
	return err
}

// CanonicalLocale is locale as a canonical BCP 47 tag: "EN" is en, es_ES
// is es-ES, pt-br is pt-BR. A tag without a language (x-klingon, und) is
// refused: no manual has texts for it, and every text would silently be
// the default locale's.
func CanonicalLocale(locale string) (string, error) {
	tag, err := language.Parse(locale)
	if err != nil {
		return "", fmt.Errorf("locale %q is not a BCP 47 language tag such as es, en or pt-BR", locale)
	}
	if _, conf := tag.Base(); conf == language.No || tag == language.Und {
		return "", fmt.Errorf("locale %q names no language; use a language tag such as es, en or pt-BR", locale)
	}
	return tag.String(), nil
}

// Unguarded lists the variables a template text prints outside an
// {{if}} or {{with}} on them, sorted and without repeats: where an
// optional value left empty would leave a hole in the text.
func Unguarded(text string) ([]string, error) {
	return collect(text, func(n parse.Node, out *[]string) { unguarded(n, nil, out) })
}

func unguarded(n parse.Node, guarded []string, out *[]string) {
	var b *parse.BranchNode
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				unguarded(c, guarded, out)
			}
		}
		return
	case *parse.ActionNode:
		var used []string
		walk(n.Pipe, &used)
		for _, v := range used {
			if !slices.Contains(guarded, v) {
				*out = append(*out, v)
			}
		}
		return
	case *parse.IfNode:
		b = &n.BranchNode
	case *parse.WithNode:
		b = &n.BranchNode
	case *parse.RangeNode:
		unguarded(n.List, guarded, out)
		if n.ElseList != nil {
			unguarded(n.ElseList, guarded, out)
		}
		return
	default:
		return
	}
	var cond []string
	walk(b.Pipe, &cond)
	unguarded(b.List, append(slices.Clip(guarded), cond...), out)
	if b.ElseList != nil {
		unguarded(b.ElseList, guarded, out)
	}
}
