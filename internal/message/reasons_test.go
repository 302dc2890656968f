package message

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// TestFailTakesInterfaceIDs: every reason the checker gives is an
// interface message, so that it reads in the person's language. A new
// c.fail with an English sentence, or an id the catalogue lacks, fails
// here.
func TestFailTakesInterfaceIDs(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "sandbox.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	en := lang.For(language.English)
	calls := 0
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "fail" {
			return true
		}
		calls++
		at := fset.Position(call.Pos())
		lit, ok := call.Args[1].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			t.Errorf("%s: fail's reason must be a literal message id", at)
			return true
		}
		id, _ := strconv.Unquote(lit.Value)
		if !strings.HasPrefix(id, "template.") || !en.Has(id) {
			t.Errorf("%s: fail(%s): not a template.* message of the catalogue", at, lit.Value)
		}
		return true
	})
	if calls < 10 {
		t.Errorf("found %d calls of fail in sandbox.go: is the test still reading them?", calls)
	}
	for _, r := range parseReasons {
		if !en.Has(r.id) {
			t.Errorf("parse reason %s: not in the catalogue", r.id)
		}
	}
}

// TestParseReasonsRecognised: each parse error shape the interface names
// is recognised in text/template's own words, as its parser gives them
// (not a copy of the string), with the line it names.
func TestParseReasonsRecognised(t *testing.T) {
	tests := []struct {
		text, id string
		line     int
	}{
		{`{{windows .a .b}}`, "template.func", 1},
		{"ok\n{{.a", "template.unclosed-action", 2},
		{"{{.a\n  .b", "template.unclosed-action", 2},
		{"{{if .a}}x\ny", "template.eof", 2},
		{`{{end}}`, "template.stray", 1},
		{`{{else}}`, "template.stray", 1},
		{`{{.a}`, "template.bad-char", 1},
		{`{{.a ;}}`, "template.unexpected", 1},
		{`{{(upper .a}}`, "template.paren-open", 1},
		{`{{upper .a)}}`, "template.paren-close", 1},
		{`{{.a ~}}`, "template.unexpected", 1},
		{`{{.a.}}`, "template.unexpected", 1},
		{`{{ | upper}}`, "template.unexpected", 1},
		{`{{if}}x{{end}}`, "template.missing-value", 1},
		{`{{with}}x{{end}}`, "template.missing-value", 1},
		{`{{}}`, "template.empty", 1},
		{`{{"abc}}`, "template.quote", 1},
		{"{{`abc}}", "template.quote", 1},
		{`{{/* x }}`, "template.comment", 1},
		{`{{/* x */ }}`, "template.comment", 1},
		{`{{upper 3x}}`, "template.number", 1},
		{`{{.a | 3}}`, "template.parse", 1},
		{`{{'ab'}}`, "template.parse", 1},
		{`{{if .a}}{{else}}{{else}}{{end}}`, "template.parse", 1},
	}
	for _, tt := range tests {
		_, err := Parse(tt.text)
		var te *TemplateError
		var words *lang.Error
		// the reason's words, not the place in the text framing them
		if !errors.As(err, &te) || !errors.As(te.Err, &words) {
			t.Errorf("Parse(%q) = %v, want a *TemplateError with interface words", tt.text, err)
			continue
		}
		if words.ID != tt.id || te.Line != tt.line {
			t.Errorf("Parse(%q): %s at line %d (%q), want %s at line %d", tt.text, words.ID, te.Line, te.Msg, tt.id, tt.line)
		}
		if te.Msg != words.Error() {
			t.Errorf("Parse(%q): Msg %q is not the words' English %q", tt.text, te.Msg, words.Error())
		}
	}
}
