package message

import (
	"slices"
	"testing"
)

// TestBound: the static bytes and printed variables of a template, every
// branch of an {{if}} counted; anything printing what the values alone do
// not bound is refused.
func TestBound(t *testing.T) {
	cases := []struct {
		text    string
		static  int
		printed []string
		ok      bool
	}{
		{"plain text", 10, nil, true},
		{"{{.a}} and {{.b}}.", 6, []string{"a", "b"}, true},
		{"{{.a}}{{.a}}", 0, []string{"a", "a"}, true},
		{"Zoé {{- .a -}} !", 5, []string{"a"}, true}, // trimmed spaces are not printed; é is two bytes
		{"x{{if .a}}yy{{.b}}{{else if .c}}zzz{{else}}w{{end}}", 7, []string{"b"}, true},
		{"{{/* note */}}ab", 2, nil, true},
		{"{{upper .a}}", 0, nil, false},
		{"{{.a | upper}}", 0, nil, false},
		{"{{with .a}}{{.}}{{end}}", 0, nil, false},
		{`{{"literal"}}`, 0, nil, false},
		{"{{if .a}}{{date .b}}{{end}}", 0, nil, false},
	}
	for _, c := range cases {
		tmpl, err := Compile(c.text, "en")
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		static, printed, ok := tmpl.Bound()
		if ok != c.ok || ok && (static != c.static || !slices.Equal(printed, c.printed)) {
			t.Errorf("%q: Bound() = %d, %q, %v; want %d, %q, %v", c.text, static, printed, ok, c.static, c.printed, c.ok)
		}
	}
}
