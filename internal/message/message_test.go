package message

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/manual"
)

func TestCategories(t *testing.T) {
	tests := map[string][]string{
		"en":    {"one", "other"},
		"es":    {"one", "many", "other"},
		"pl":    {"one", "few", "many", "other"},
		"pt":    {"one", "many", "other"},
		"pt-PT": {"one", "many", "other"},
		"ja":    {"other"},
	}
	for loc, want := range tests {
		if got := Categories(loc); !slices.Equal(got, want) {
			t.Errorf("Categories(%s) = %v, want %v", loc, got, want)
		}
	}
}

func TestVariables(t *testing.T) {
	got, err := Variables(`{{.platform}} down, {{if .store}}{{upper .store}}{{else}}{{.city}}{{end}} {{.platform}}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"city", "platform", "store"}; !slices.Equal(got, want) {
		t.Errorf("Variables = %v, want %v", got, want)
	}
	if _, err := Variables(`{{.platform`); err == nil {
		t.Error("want a syntax error")
	}
	if _, err := Variables(`{{env "HOME"}}`); err == nil || !strings.Contains(err.Error(), `function "env" is not available in messages; they may call upper,`) {
		t.Errorf("env must not be callable, got %v", err)
	}
}

const testManual = `crisis: 1
kind: manual
organisation: T
version: "1"
timezone: UTC
locales: {default: es, supported: [es, pl]}
approval: {approved_by: [a], approved_on: 2026-01-01, review_every: 180d}
audiences: [{id: customers}]
domains: [{id: d}]
channels: [{id: sms, kind: sms, audiences: [customers], domain: d}]
roles: [{id: r, person: a}]
people: [{id: a, name: A, contacts: [{via: phone, value: "1"}]}]
`

func catalog(t *testing.T) *Catalog {
	t.Helper()
	return loadCatalog(t, map[string]string{
		"templates/es.yaml": `update:
  default:
    one: "Próxima en {{.n}} minuto."
    many: "Próxima en {{.n}} de minutos."
    other: "Próxima en {{.n}} minutos."
  sms:
    other: "SMS: {{.n}} min"
  email:
    subject:
      other: "Asunto {{.n}}"
    body:
      other: "Cuerpo {{.n}}"
  whatsapp:
    header:
      other: "Aviso {{.n}}"
    body:
      other: "Cuerpo WA {{.n}}"
    footer:
      other: "Pie"
only-es:
  default:
    other: "Solo español {{.v}}"
`,
		"templates/pl.yaml": `update:
  default:
    one: "Za {{.n}} minutę."
    few: "Za {{.n}} minuty."
    other: "Za {{.n}} minut."
`,
	}, true)
}

// loadCatalog loads testManual with the message files templates (path:
// text) and returns its catalog; strict: the manual must have no errors.
func loadCatalog(t *testing.T, templates map[string]string, strict bool) *Catalog {
	t.Helper()
	fsys := fstest.MapFS{manual.ManualFile: {Data: []byte(testManual)}}
	for name, text := range templates {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	m, diags, err := manual.Load(fsys, "t")
	if err != nil || strict && diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	c, err := NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRender(t *testing.T) {
	c := catalog(t)
	tests := []struct {
		name, msg, kind, locale string
		n                       int
		drill                   bool
		wantText, wantSubject   string
		wantLocale              string
		wantWarn                string
	}{
		{"es one", "update", "x", "es", 1, false, "Próxima en 1 minuto.", "", "es", ""},
		{"es other", "update", "x", "es", 5, false, "Próxima en 5 minutos.", "", "es", ""},
		{"es many", "update", "x", "es", 1000000, false, "Próxima en 1000000 de minutos.", "", "es", ""},
		{"sms variant", "update", "sms", "es", 5, false, "SMS: 5 min", "", "es", ""},
		{"email parts", "update", "email", "es", 5, false, "Cuerpo 5", "Asunto 5", "es", ""},
		{"whatsapp parts", "update", "whatsapp", "es", 5, false, "Cuerpo WA 5", "", "es", ""},
		{"pl few", "update", "x", "pl", 3, false, "Za 3 minuty.", "", "pl", ""},
		{"pl many missing falls back to other with a warning", "update", "x", "pl", 5, false, "Za 5 minut.", "", "pl", "many"},
		{"pl generic beats es sms variant", "update", "sms", "pl", 2, false, "Za 2 minuty.", "", "pl", ""},
		{"es-PE falls back to es", "update", "x", "es-PE", 2, false, "Próxima en 2 minutos.", "", "es", "using es"},
		{"missing in pl falls back to default", "only-es", "x", "pl", 0, false, "Solo español {{.v}}", "", "es", "tried pl -> es"},
		{"drill mark", "update", "x", "pl", 1, true, "[ĆWICZENIA] Za 1 minutę.", "", "pl", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.Render(Request{Message: tt.msg, Kind: tt.kind, Locale: tt.locale, Drill: tt.drill,
				Data: map[string]any{"n": tt.n, "v": "{{.v}}"}, Count: tt.n})
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.wantText || res.Subject != tt.wantSubject || res.Locale != tt.wantLocale {
				t.Errorf("got (%q, %q, %s), want (%q, %q, %s)", res.Text, res.Subject, res.Locale, tt.wantText, tt.wantSubject, tt.wantLocale)
			}
			joined := strings.Join(res.Warnings, "\n")
			if (tt.wantWarn == "") != (joined == "") || !strings.Contains(joined, tt.wantWarn) {
				t.Errorf("warnings = %q, want one containing %q", joined, tt.wantWarn)
			}
		})
	}
}

func TestRenderWhatsAppParts(t *testing.T) {
	res, err := catalog(t).Render(Request{Message: "update", Kind: "whatsapp", Locale: "es", Data: map[string]any{"n": 2}, Count: 2, Drill: true})
	if err != nil {
		t.Fatal(err)
	}
	// A WhatsApp header and footer are read apart from the body: a drill
	// marks each of them.
	if res.Header != "[SIMULACRO] Aviso 2" || res.Footer != "[SIMULACRO] Pie" || res.Text != "[SIMULACRO] Cuerpo WA 2" {
		t.Errorf("got header %q, text %q, footer %q", res.Header, res.Text, res.Footer)
	}
}

func TestRenderMissingMessage(t *testing.T) {
	if _, err := catalog(t).Render(Request{Message: "nope", Kind: "sms", Locale: "es"}); err == nil {
		t.Fatal("want an error")
	}
}

func TestCanonicalLocale(t *testing.T) {
	for in, want := range map[string]string{"EN": "en", "es_ES": "es-ES", "pt-br": "pt-BR", "zh-hant-tw": "zh-Hant-TW", "es-419": "es-419"} {
		if got, err := CanonicalLocale(in); err != nil || got != want {
			t.Errorf("CanonicalLocale(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"x-klingon", "und", "/../x", "", "es/../x"} {
		if got, err := CanonicalLocale(in); err == nil {
			t.Errorf("CanonicalLocale(%q) = %q, want an error", in, got)
		}
	}
}

// Unguarded finds the variables printed where an empty value would leave
// a hole: outside an {{if}} or {{with}} on them (their else branches too).
func TestUnguarded(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Call {{.phone}}.", []string{"phone"}},
		{"{{with .phone}}Call {{.}}.{{end}}", nil},
		{"{{if .phone}}Call {{.phone}}.{{end}}", nil},
		{"{{if .phone}}Call {{.phone}}.{{else}}Write to {{.email}} or {{.phone}}.{{end}}", []string{"email", "phone"}},
		{"{{if .url}}{{.phone}}{{end}} {{.url}}", []string{"phone", "url"}},
		{"{{with .a}}{{if .b}}{{.a}} {{.b}} {{.c}}{{end}}{{end}}", []string{"c"}},
	} {
		got, err := Unguarded(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}
