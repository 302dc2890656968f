package manual

import (
	"strings"
	"testing"
)

// esPE is a regional catalogue: Peru's text of one message of es.yaml, with
// no hash. Line numbers matter: the test names positions in it.
const esPE = `# Peru's texts
holding:
  default:
    one: "Lo sabemos."
    other: "Ya lo sabemos."
`

func TestLoadRegionalCatalogue(t *testing.T) {
	files := valid()
	files["templates/es-PE.yaml"] = esPE
	// Not a locale of its own: no "locale the manual does not list" warning.
	m := loadClean(t, files)
	pe := m.TemplatesFor("es-PE")
	if pe == nil || pe.File != "templates/es-PE.yaml" {
		t.Fatalf("es-PE: %+v", pe)
	}
	if !m.IsRegional(pe) || m.RegionalBase("es-PE") != "es" || m.IsRegional(m.TemplatesFor("es")) {
		t.Errorf("regional: es-PE %v (base %q), es %v", m.IsRegional(pe), m.RegionalBase("es-PE"), m.IsRegional(m.TemplatesFor("es")))
	}
	msg := pe.Lookup("holding.default")
	if msg == nil || msg.Hash != "" || msg.Forms["one"] != "Lo sabemos." {
		t.Fatalf("holding.default: %+v", msg)
	}
	if msg.Pos.String() != "templates/es-PE.yaml:3:3" || msg.FormPos["one"].String() != "templates/es-PE.yaml:4:10" || msg.FormPos["other"].String() != "templates/es-PE.yaml:5:12" {
		t.Errorf("positions: %s, one %s, other %s", msg.Pos, msg.FormPos["one"], msg.FormPos["other"])
	}
	// A file for a full tag whose language is not supported is no
	// regional catalogue: still the warning of an unlisted locale.
	files["templates/pt-BR.yaml"] = esPE
	_, diags := load(t, files)
	if len(diags) != 1 || !strings.Contains(diags[0], `templates/pt-BR.yaml:2:1: warning: templates/pt-BR.yaml holds locale "pt-BR"`) {
		t.Errorf("pt-BR beside es: %v", diags)
	}
}

func TestRegionalBase(t *testing.T) {
	m := &Manual{Locales: Locales{Default: "es", Supported: []string{"es", "pt-BR", "zh-Hant"}}}
	for tag, want := range map[string]string{
		"es-PE":      "es",
		"es_pe":      "es",
		"es-419":     "es",
		"es":         "", // a supported locale is a translation
		"pt-BR":      "", // supported in full
		"pt-PT":      "", // pt is not supported, pt-BR is no parent of it
		"zh-Hant-TW": "zh-Hant",
		"en-GB":      "",
	} {
		if got := m.RegionalBase(tag); got != want {
			t.Errorf("RegionalBase(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestSharedTag(t *testing.T) {
	es, ic, pe, pe2 := &Market{Locale: "es-ES"}, &Market{Locale: "es-ES"}, &Market{Locale: "es-PE"}, &Market{Locale: "es_pe"}
	for _, c := range []struct {
		rs   []*Market
		want string
	}{
		{nil, ""},
		{[]*Market{pe}, "es-PE"},
		{[]*Market{es, ic}, "es-ES"},
		{[]*Market{pe, pe2}, "es-PE"},
		{[]*Market{es, pe}, ""}, // one text for Spain and Peru: no region's
	} {
		if got := SharedTag(c.rs); got != c.want {
			t.Errorf("SharedTag(%v) = %q, want %q", c.rs, got, c.want)
		}
	}
}

// TestMarketReadsAnySpellingOfItsTag: a market reads the texts of its own
// tag however the tag is spelt (es_PE, es-pe), as the regional catalogue
// is found whatever its spelling, and those of its language; not another
// region's.
func TestMarketReadsAnySpellingOfItsTag(t *testing.T) {
	mk := Market{ID: "pe", Locale: "es-PE"}
	for locale, want := range map[string]bool{"es-PE": true, "es_PE": true, "es-pe": true, "es": true, "ES": true, "es-ES": false, "pt": false} {
		if got := mk.Reads(locale); got != want {
			t.Errorf("market es-PE reads %q: %v, want %v", locale, got, want)
		}
	}
}
