package message

import "text/template/parse"

// Bound says how long the template's output can get: it prints at most
// static bytes of its own text plus, for each name in printed (once per
// place the template prints it), the printed value of that variable. Not
// ok when the template prints anything else: a function's result, a
// range, a {{with}} (whose dot is a value), another template. Both
// branches of an {{if}} count, so the bound holds whichever runs; a
// condition prints nothing. Lint uses it to skip renders that cannot
// exceed a channel's limit.
func (t *Template) Bound() (static int, printed []string, ok bool) {
	return t.BoundBy(func(text []byte) int { return len(text) })
}

// BoundBy is Bound with each piece of the template's own text counted by
// size rather than in bytes (lint counts an SMS's septets and units).
func (t *Template) BoundBy(size func([]byte) int) (static int, printed []string, ok bool) {
	if len(t.t.Templates()) > 1 || t.t.Tree == nil {
		return 0, nil, false
	}
	ok = bound(t.t.Tree.Root, size, &static, &printed)
	return static, printed, ok
}

func bound(n parse.Node, size func([]byte) int, static *int, printed *[]string) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !bound(c, size, static, printed) {
				return false
			}
		}
		return true
	case *parse.TextNode:
		*static += size(n.Text)
		return true
	case *parse.CommentNode:
		return true
	case *parse.ActionNode:
		// Only {{.name}}: one command of one field, nothing declared.
		p := n.Pipe
		if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
			return false
		}
		f, isField := p.Cmds[0].Args[0].(*parse.FieldNode)
		if !isField || len(f.Ident) != 1 {
			return false
		}
		*printed = append(*printed, f.Ident[0])
		return true
	case *parse.IfNode:
		return bound(n.List, size, static, printed) && bound(n.ElseList, size, static, printed)
	default:
		return false
	}
}

// Safe reports whether executing the template with a value for every
// variable it uses can fail only past the sandbox's limits (MaxOutput,
// ExecBudget): it prints only its text and plain variables (Bound is ok)
// and its {{if}}s test plain variables, so no function is called and no
// field looked up in a value. Lint's CR404 skips executing such a form
// when its bound is under MaxOutput.
func (t *Template) Safe() bool {
	if _, _, ok := t.Bound(); !ok {
		return false
	}
	return plainTests(t.t.Tree.Root)
}

func plainTests(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !plainTests(c) {
				return false
			}
		}
	case *parse.IfNode:
		p := n.Pipe
		if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
			return false
		}
		if f, ok := p.Cmds[0].Args[0].(*parse.FieldNode); !ok || len(f.Ident) != 1 {
			return false
		}
		return plainTests(n.List) && plainTests(n.ElseList)
	}
	return true // text, comments and plain actions (Bound checked them)
}
