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

// TestSafe: a template printing and testing plain variables only cannot
// fail with every value given; one testing a function's result or a
// value's field can.
func TestSafe(t *testing.T) {
	cases := map[string]bool{
		"plain text":                            true,
		"{{.a}} and {{.b}}":                     true,
		"{{if .a}}{{.a}}{{else if .b}}x{{end}}": true,
		"{{if upper .a}}x{{end}}":               false,
		"{{if .a}}x{{else if trim .b}}y{{end}}": false,
		"{{if .a}}{{upper .a}}{{end}}":          false,
		"{{with .a}}x{{end}}":                   false,
	}
	for text, want := range cases {
		tmpl, err := Compile(text, "en")
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if got := tmpl.Safe(); got != want {
			t.Errorf("%q: Safe() = %v, want %v", text, got, want)
		}
	}
}
