package message

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// FuncDocs documents every function a template may call; `crisis render
// --help` prints it. Keep it in step with Funcs.
var FuncDocs = []struct{ Name, Doc string }{
	{"upper", `{{upper .platform}}: the value in capitals`},
	{"lower", `{{lower .platform}}: the value in lowercase`},
	{"title", `{{title .store_name}}: each word capitalised`},
	{"default", `{{default "our shop" .store_name}}: a fallback when the value is empty`},
	{"trim", `{{trim .store_name}}: without surrounding spaces`},
	{"date", `{{date .window_start}}: the day and month of a datetime variable (and its year, if not this year's), in the reader's zone`},
	{"clock", `{{clock .window_start}}: the clock time of a datetime variable, in the reader's zone`},
	{"window", `{{window .window_start .window_end}}: the span between two datetime variables, its day included, in the reader's zone and words`},
}

var funcsCache sync.Map // locale -> template.FuncMap

// Funcs is the whole set of functions templates may call. It is small on
// purpose: a message is text with blanks, not a program. The map for a
// locale is built once.
func Funcs(locale string) template.FuncMap {
	if f, ok := funcsCache.Load(locale); ok {
		return f.(template.FuncMap)
	}
	f := newFuncs(locale)
	funcsCache.Store(locale, f)
	return f
}

func newFuncs(locale string) template.FuncMap {
	tag, err := language.Parse(locale)
	if err != nil {
		tag = language.Und
	}
	titler := cases.Title(tag)
	return template.FuncMap{
		"upper": func(s string) string { return cases.Upper(tag).String(s) },
		"lower": func(s string) string { return cases.Lower(tag).String(s) },
		"title": func(s string) string { return titler.String(s) },
		// default falls back only for an empty text or no value: a count
		// or an instant is printed as {{.name}} prints it, never replaced.
		"default": func(def string, v any) string {
			switch x := v.(type) {
			case string:
				if x != "" {
					return x
				}
			case int:
				return strconv.Itoa(x)
			case fmt.Stringer:
				return x.String()
			}
			return def
		},
		"trim":   strings.TrimSpace,
		"date":   instantPart("date", func(i Instant) string { return i.Date }),
		"clock":  instantPart("clock", func(i Instant) string { return i.Clock }),
		"window": window,
	}
}
