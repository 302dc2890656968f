package message

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestParseRefuses lists what a message template may not do: each was
// accepted by text/template and could hang or exhaust the CI gate and the
// run (a billion iterations, a call to a template that does not exist,
// printf padding to gigabytes).
func TestParseRefuses(t *testing.T) {
	tests := []struct {
		text      string
		line, col int
		want      string
	}{
		{`{{range 1000000000}}x{{end}}`, 1, 1, "{{range}} is not available"},
		{"ok\n  {{range .n}}x{{end}}", 2, 3, "{{range}} is not available"},
		{`a {{template "nope"}}`, 1, 3, `{{template "nope"}} is not available`},
		{`{{define "x"}}loop{{end}}a`, 1, 1, "{{define}} and {{block}} are not available"},
		{`{{block "x" .}}b{{end}}`, 1, 0, "not available"},
		{`{{printf "%0999999999d" 1}}`, 1, 1, `function "printf" is not available`},
		{`{{len .x}}`, 1, 1, `function "len" is not available`},
		{`{{call .f}}`, 1, 1, `function "call" is not available`},
		{`{{upper (index .a 1)}}`, 1, 1, `function "index" is not available`},
		{`{{$x := .a}}{{$x}}`, 1, 0, "template variables ($) are not available"},
		{`{{$.a}}`, 1, 1, "template variables ($) are not available"},
		{`{{.a.b}}`, 1, 1, "a variable has no fields"},
		{`{{.}} no funciona`, 1, 1, "{{.}} outside {{with}}"},
		{`{{upper .}}`, 1, 1, "{{.}} outside {{with}}"},
		{`{{with .a}}{{.}}{{else}}x {{.}}{{end}}`, 1, 27, "{{.}} outside {{with}}"},
		{`{{with .}}{{.}}{{end}}`, 1, 1, "{{.}} outside {{with}}"},
		{`{{(.a).b}}`, 1, 0, "has no fields"},
		{`{{uper .a}}`, 1, 1, `function "uper" is not available in messages: did you mean "upper"? Messages may call upper, lower,`},
		{"x" + strings.Repeat("{{if .a}}", 51) + strings.Repeat("{{end}}", 51), 1, 1 + 1 + 50*9, "nest more than 50 deep"},
		// {{else if}} nests in the parser as deep as {{if}} does, under one {{end}}:
		// the 50th one is the 51st level.
		{"{{if .a}}a" + strings.Repeat("{{else if .a}}b", 92000) + "{{end}}", 1, 1 + 10 + 49*15, "nest more than 50 deep"},
		{"{{with .a}}a" + strings.Repeat("{{- else with .a}}b", 60) + "{{end}}", 1, 1 + 12 + 49*19, "nest more than 50 deep"},
		{"{{upper " + strings.Repeat("(", 51) + ".a" + strings.Repeat(")", 51) + "}}", 1, 1, "nest more than 50 deep"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.text)
		var te *TemplateError
		if !errors.As(err, &te) {
			t.Errorf("Parse(%q) = %v, want a *TemplateError", tt.text, err)
			continue
		}
		if !strings.Contains(te.Msg, tt.want) || te.Line != tt.line || (tt.col != 0 && te.Col != tt.col) {
			t.Errorf("Parse(%q) = line %d col %d %q, want line %d col %d %q", tt.text, te.Line, te.Col, te.Msg, tt.line, tt.col, tt.want)
		}
	}
}

func TestParseAllows(t *testing.T) {
	for _, text := range []string{
		`plain text, 50% off`,
		`{{.platform}} down {{/* a note */}}`,
		`{{if .store}}{{upper .store}}{{else if .city}}{{title .city}}{{else}}{{default "la tienda" .x}}{{end}}`,
		`{{with .store}}{{trim .}}{{end}}`,
		`{{with .store}}{{if .}}{{upper .}}{{end}}{{end}}`,
		`{{.a | lower | upper}}`,
		`{{upper (lower .a)}}`,
		strings.Repeat("{{if .a}}", 50) + strings.Repeat("{{end}}", 50),
		// Each {{end}} closes its whole else-if chain.
		strings.Repeat("{{if .a}}a"+strings.Repeat("{{else if .b}}b", 40)+"{{end}}", 10),
		"{{if .a}}" + strings.Repeat("{{if .a}}a{{else if .b}}b{{end}}", 100) + "{{end}}",
		`{{default "((((((((((((((((((((((((((((((((((((((((((((((((((((((" .a}}`,
	} {
		if _, err := Parse(text); err != nil {
			t.Errorf("Parse(%q): %v", text, err)
		}
	}
}

// TestExecuteLimits: a checked template cannot loop, but values and
// repetition can still make a text huge; execution stops at MaxOutput.
func TestExecuteLimits(t *testing.T) {
	big := strings.Repeat("x", 10000)
	text := strings.Repeat("{{.v}}", 10)
	if _, err := Execute(text, "es", map[string]any{"v": big}); !errors.Is(err, ErrTooLong) {
		t.Errorf("100 KB of output: err = %v, want ErrTooLong", err)
	}
	out, err := Execute(text, "es", map[string]any{"v": "ab"})
	if err != nil || out != strings.Repeat("ab", 10) {
		t.Errorf("Execute = %q, %v", out, err)
	}
	w := &limitWriter{deadline: time.Now().Add(-time.Second)}
	if _, err := w.Write([]byte("x")); !errors.Is(err, ErrTooSlow) {
		t.Errorf("past the deadline: err = %v, want ErrTooSlow", err)
	}
}

func TestExecuteErrorPosition(t *testing.T) {
	_, err := Execute("Hola\n  {{upper .n}}", "es", map[string]any{"n": 3})
	var te *TemplateError
	if !errors.As(err, &te) || te.Line != 2 || te.Col != 3 || !strings.Contains(te.Msg, ".n is a count, a number, not text") {
		t.Fatalf("err = %#v, want line 2 col 3, a count given as text", err)
	}
}

// TestRenderRefusesLoop: the catalog goes through the same check as lint,
// so a run never executes what lint refuses (it ran out of memory here).
func TestRenderRefusesLoop(t *testing.T) {
	c := catalogOf(t, "loop:\n  default:\n    other: \"{{range 1000000000}}x{{end}}\"\n")
	_, err := c.Render(Request{Message: "loop", Kind: "sms", Locale: "es"})
	var re *RenderError
	var te *TemplateError
	if !errors.As(err, &re) || re.ID != "loop.default" || !errors.As(err, &te) || !strings.Contains(te.Msg, "{{range}}") {
		t.Fatalf("Render = %v, want a RenderError for loop.default refusing range", err)
	}
	if !strings.HasPrefix(err.Error(), "templates/es.yaml:3:13: loop.default (es): ") {
		t.Errorf("the error does not say where the text is written: %v", err)
	}
}

// TestRenderErrorAtAction: an error found while rendering names the
// action's "{{" in the file, the column lint names for it.
func TestRenderErrorAtAction(t *testing.T) {
	c := catalogOf(t, "up:\n  default:\n    other: \"ok {{upper .n}}\"\n")
	_, err := c.Render(Request{Message: "up", Kind: "sms", Locale: "es", Data: map[string]any{"n": 3}})
	var re *RenderError
	if !errors.As(err, &re) || re.Pos.String() != "templates/es.yaml:3:16" {
		t.Fatalf("Render = %v, want an error at templates/es.yaml:3:16", err)
	}
}

// catalogOf is the catalog of testManual with es messages templates.
func catalogOf(t *testing.T, templates string) *Catalog {
	t.Helper()
	return loadCatalog(t, map[string]string{"templates/es.yaml": templates}, false)
}
