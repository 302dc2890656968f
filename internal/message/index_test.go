package message

import (
	"runtime"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// A manual's variable index must not keep the manual alive: a process
// linting or rendering one manual after another would hold them all.
func TestVariableIndexLetsManualGo(t *testing.T) {
	entries := func() int {
		n := 0
		indexes.Range(func(any, any) bool { n++; return true })
		return n
	}
	before := entries()
	for range 3 {
		MessageVariables(&manual.Manual{}, "holding")
	}
	if got := entries(); got != before+3 {
		t.Fatalf("%d index entries after indexing 3 manuals, want %d", got, before+3)
	}
	// Cleanups run on their own goroutine after a collection.
	for deadline := time.Now().Add(5 * time.Second); entries() > before && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := entries(); got > before {
		t.Errorf("%d index entries left once their manuals were unreachable, want %d", got, before)
	}
}

// The catalogue executes the very parse of a text that the variable index
// read: a whole manual's texts are parsed once, not once for their
// variables and again to render them.
func TestCatalogueSharesTheIndexParse(t *testing.T) {
	c := catalog(t)
	if _, err := c.Render(Request{Message: "update", Kind: "sms", Locale: "es", Data: map[string]any{"n": 2}, Count: 2}); err != nil {
		t.Fatal(err)
	}
	text := "SMS: {{.n}} min"
	p, err := c.parsed.get("es", text)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := c.parsed.texts.compiled(text)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.(sandboxed).t.Tree; got != shared.Tree {
		t.Errorf("the catalogue's template of %q has a parse of its own, not the index's", text)
	}
}

// A text compiled once runs with the functions of the locale it is
// rendered in: Turkish upper-cases i as İ, other languages as I.
func TestIndexTextInLocale(t *testing.T) {
	ix := indexOf(&manual.Manual{})
	for _, c := range []struct{ locale, want string }{{"tr", "İ"}, {"en", "I"}, {"tr", "İ"}} {
		tmpl, err := ix.inLocale("{{upper .v}}", c.locale)
		if err != nil {
			t.Fatal(err)
		}
		got, err := run(tmpl, "{{upper .v}}", map[string]any{"v": "i"})
		if err != nil || got != c.want {
			t.Errorf("upper i in %s = %q, %v; want %q", c.locale, got, err, c.want)
		}
	}
}

// A text calling none of the functions runs as compiled in every locale,
// not cloned with each locale's functions; one calling a function, at any
// depth, gets the locale's.
func TestIndexClonesOnlyTextsCallingFunctions(t *testing.T) {
	ix := indexOf(&manual.Manual{})
	for text, calls := range map[string]bool{
		"Hola {{.name}}":                                false,
		"{{if .n}}una{{else}}{{.n}}{{end}}":             false,
		"{{with .v}}{{.}}{{end}} {{/* upper */}}":       false,
		"{{upper .v}}":                                  true,
		"{{if .v}}a{{else}}{{default \"x\" .w}}{{end}}": true,
		"{{with .v}}{{lower .}}{{end}}":                 true,
		"{{if .v}}{{(title .w)}}{{end}}":                true,
	} {
		shared, err := ix.compiled(text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		got, err := ix.inLocale(text, "pl")
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if cloned := got != shared; cloned != calls {
			t.Errorf("%q in pl: cloned %v, want %v", text, cloned, calls)
		}
	}
}
