package message

import (
	"errors"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/crisis-cli/crisis/internal/lang"
)

// WindowPairs lists the pairs of variables a template text gives window
// ({{window .window_start .window_end}} -> [window_start window_end]), in
// the order written and without repeats: lint checks the pair's examples
// once instead of reporting every text their reversal makes fail. A text
// that does not parse has none (CR401 reports it).
func WindowPairs(text string) [][2]string {
	if !strings.Contains(text, "window") {
		return nil
	}
	t, err := Parse(text)
	if err != nil {
		return nil
	}
	var pairs [][2]string
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		visit(tt.Tree.Root, func(n parse.Node) {
			c, ok := n.(*parse.CommandNode)
			if !ok || len(c.Args) != 3 {
				return
			}
			if id, ok := c.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "window" {
				return
			}
			from, ok1 := c.Args[1].(*parse.FieldNode)
			to, ok2 := c.Args[2].(*parse.FieldNode)
			if !ok1 || !ok2 || len(from.Ident) != 1 || len(to.Ident) != 1 {
				return
			}
			if p := [2]string{from.Ident[0], to.Ident[0]}; !slices.Contains(pairs, p) {
				pairs = append(pairs, p)
			}
		})
	}
	return pairs
}

// IsReversedWindow reports whether err is a text refused because a window
// it writes ends before it starts (window.reversed).
func IsReversedWindow(err error) bool {
	var te *TemplateError
	if !errors.As(err, &te) {
		return false
	}
	var w *lang.Error
	return errors.As(te.Err, &w) && w.ID == "window.reversed"
}
