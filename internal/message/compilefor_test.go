package message

import (
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
)

// A text compiled through the manual's index is the text Compile gives:
// the same variables, the same output in the locale asked for (Turkish
// capitals a dotted i), the same refusal.
func TestCompileForIsCompile(t *testing.T) {
	m := &manual.Manual{}
	data := map[string]any{"city": "izmir", "n": 3}
	for _, c := range []struct{ text, locale, want string }{
		{"{{upper .city}} ({{.n}})", "tr", "İZMİR (3)"},
		{"{{upper .city}} ({{.n}})", "en", "IZMIR (3)"},
		{"{{.city}} is closed", "es", "izmir is closed"},
	} {
		for _, compile := range []func() (*Template, error){
			func() (*Template, error) { return Compile(c.text, c.locale) },
			func() (*Template, error) { return CompileFor(m, c.text, c.locale) },
		} {
			tmpl, err := compile()
			if err != nil {
				t.Fatalf("%s: %v", c.text, err)
			}
			if got, err := tmpl.Execute(data); err != nil || got != c.want {
				t.Errorf("%s in %s: %q, %v; want %q", c.text, c.locale, got, err, c.want)
			}
		}
	}
	for _, text := range []string{"{{range .x}}{{end}}", "{{.city", "{{printf \"%s\" .city}}"} {
		_, want := Compile(text, "en")
		_, got := CompileFor(m, text, "en")
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("%s: CompileFor refuses with %v, Compile with %v", text, got, want)
		}
	}
}
