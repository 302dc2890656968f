package message

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// FuzzTemplate parses and executes a template text with fuzzed values, as
// lint, render and run do. Whatever the text: no panic, a bounded time and
// output, every failure a *TemplateError whose line is inside the text, and
// nothing Parse refuses ever executes.
func FuzzTemplate(f *testing.F) {
	for _, seed := range []string{
		"{{.platform}} no funciona. Próxima actualización: {{.n}}.",
		"{{if .platform}}{{upper .platform}}{{else}}{{default \"la web\" .x}}{{end}}",
		"{{with .platform}}{{title (trim .)}}{{end}} {{/* nota */}}",
		"{{.platform | lower | upper}}",
		"{{range 1000000000}}x{{end}}",
		"{{range $i, $e := .platform}}{{$e}}{{end}}",
		"{{template \"nope\"}}",
		"{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}",
		"{{block \"b\" .}}x{{end}}",
		"{{printf \"%0999999999d\" 1}}",
		"{{index .platform 0}} {{len .platform}} {{slice .platform 1}} {{call .f}}",
		"{{.platform.Len}} {{$}} {{$x := 1}}{{$x}}",
		"{{upper .n}}",
		"{{.platform}}{{.platform}}{{.platform}}{{.platform}}{{.platform}}{{.platform}}{{.platform}}{{.platform}}",
		"línea\n  {{if}}",
		"{{.platform",
		"{{ \"\\x1b]52;c;eA==\\a\" }}",
		strings.Repeat("{{if .platform}}", 200) + "x" + strings.Repeat("{{end}}", 200),
	} {
		f.Add(seed, "Facebook", 3)
	}
	f.Fuzz(func(t *testing.T, text, value string, n int) {
		if len(text) > 64<<10 || len(value) > 16<<10 {
			t.Skip("a manual file is bounded; the bound itself is the loader's test")
		}
		data := map[string]any{"platform": value, "x": "", "n": n}
		start := time.Now()
		out, err := Execute(text, "es", data)
		if d := time.Since(start); d > 2*ExecBudget+time.Second {
			t.Fatalf("took %s", d)
		}
		if len(out) > MaxOutput {
			t.Fatalf("output of %d bytes, over the cap", len(out))
		}
		_, perr := Parse(text)
		if perr != nil && err == nil {
			t.Fatalf("Parse refuses (%v) what Execute ran", perr)
		}
		for _, e := range []error{perr, err} {
			if e == nil {
				continue
			}
			var te *TemplateError
			if !errors.As(e, &te) {
				t.Fatalf("error %v (%T) is not a *TemplateError", e, e)
			}
			if lines := strings.Count(text, "\n") + 1; te.Line < 1 || te.Line > lines || te.Col < 0 {
				t.Fatalf("position %d:%d outside the text of %d lines: %v", te.Line, te.Col, lines, e)
			}
			if te.Msg == "" {
				t.Fatal("an error without a message")
			}
		}
	})
}
