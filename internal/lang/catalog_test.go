package lang

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// entry is one message as the catalogue files hold it.
type entry struct {
	Description string `yaml:"description"`
	Hash        string `yaml:"hash"`
	Zero        string `yaml:"zero"`
	One         string `yaml:"one"`
	Two         string `yaml:"two"`
	Few         string `yaml:"few"`
	Many        string `yaml:"many"`
	Other       string `yaml:"other"`
}

// readCatalogue reads every locales/AREA.LANG.yaml: language -> id -> entry.
func readCatalogue(t *testing.T) map[string]map[string]entry {
	t.Helper()
	paths, err := fs.Glob(files, "locales/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no catalogue files: %v", err)
	}
	all := map[string]map[string]entry{}
	for _, p := range paths {
		parts := strings.Split(strings.TrimSuffix(path.Base(p), ".yaml"), ".")
		if len(parts) != 2 {
			t.Errorf("%s: want locales/AREA.LANG.yaml", p)
			continue
		}
		data, _ := files.ReadFile(p)
		var m map[string]entry
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		l := parts[1]
		if all[l] == nil {
			all[l] = map[string]entry{}
		}
		for id, e := range m {
			if !strings.HasPrefix(id, parts[0]+".") {
				t.Errorf("%s: id %s does not start with its area %q", p, id, parts[0]+".")
			}
			all[l][id] = e
		}
	}
	return all
}

// TestCatalogComplete fails when a message of the English source lacks a
// translation in es, pl or pt, when a translation is stale (its hash is not
// the hash of today's English text) or has no source, and when a Polish
// counted message lacks one of CLDR's forms one, few and many.
func TestCatalogComplete(t *testing.T) {
	all := readCatalogue(t)
	en := all["en"]
	for _, sup := range Supported[1:] {
		l := sup.String()
		tr := all[l]
		for id, src := range en {
			if src.Description == "" {
				t.Errorf("en %s: no description for translators", id)
			}
			got, ok := tr[id]
			if !ok {
				t.Errorf("%s: %s is not translated", l, id)
				continue
			}
			if want := SourceHash(src.Description, src.Other); got.Hash != want {
				t.Errorf("%s %s: stale or unhashed translation (hash %q, the English text's is %s)", l, id, got.Hash, want)
			}
			if got.Other == "" {
				t.Errorf("%s %s: no other form", l, id)
			}
			counted := src.One != ""
			if counted && l == "pl" && (got.One == "" || got.Few == "" || got.Many == "") {
				t.Errorf("pl %s: a counted message needs one, few and many", id)
			}
			if counted && got.One == "" {
				t.Errorf("%s %s: a counted message needs one", l, id)
			}
		}
		for id := range tr {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: %s has no English source", l, id)
			}
		}
	}
}

// TestPolishPlurals checks CLDR's Polish rules as a Polish reader expects
// them, written by hand: 1 minuta, 2 minuty, 5 minut, 12 minut, 22 minuty,
// 25 minut.
func TestPolishPlurals(t *testing.T) {
	pl := For(language.Polish)
	for n, want := range map[int]string{1: "1 minuta", 2: "2 minuty", 5: "5 minut", 12: "12 minut", 22: "22 minuty", 25: "25 minut"} {
		if got := pl.N("common.minutes", n, nil); got != want {
			t.Errorf("pl %d: %q, want %q", n, got, want)
		}
	}
	// A counted message of the interface, as Polish counts problems.
	for n, want := range map[int]string{1: "1 problem ", 2: "2 problemy ", 5: "5 problemów ", 12: "12 problemów ", 22: "22 problemy ", 25: "25 problemów "} {
		if got := pl.N("cli.manual.unreadable", n, nil); !strings.Contains(got, ": "+want) {
			t.Errorf("pl %d: %q, want %q", n, got, want)
		}
	}
	// CLDR's pt counts 0 as one (Brazilian "0 minuto"); in Portugal 0 is
	// plural, so Portuguese singular texts are written for 1 alone.
	pt := For(language.Portuguese)
	for n, want := range map[int]string{0: "0 minutos", 1: "1 minuto", 2: "2 minutos"} {
		if got := pt.N("common.minutes", n, nil); got != want {
			t.Errorf("pt %d: %q, want %q", n, got, want)
		}
	}
	if got := pt.N("cli.error.unknown-playbook", 0, map[string]any{"Name": "x"}); !strings.HasSuffix(got, "crisis list mostra os 0 protocolos") {
		t.Errorf("pt 0 playbooks: %q", got)
	}
	if got := pt.N("cli.error.unknown-playbook", 1, map[string]any{"Name": "x"}); !strings.HasSuffix(got, "crisis list mostra o único protocolo") {
		t.Errorf("pt 1 playbook: %q", got)
	}
	// The run screens too: 0 texts left unsent are plural in Portugal.
	for n, want := range map[int]string{0: "0 comunicados não marcados como enviados: -", 1: "1 comunicado não marcado como enviado: -"} {
		if got := pt.N("run.done.unsent", n, map[string]any{"List": "-"}); got != want {
			t.Errorf("pt %d unsent: %q, want %q", n, got, want)
		}
	}
	es := For(language.Spanish)
	if got := es.N("common.minutes", 1, nil); got != "1 minuto" {
		t.Errorf("es 1: %q", got)
	}
	if got := es.N("common.minutes", 5, nil); got != "5 minutos" {
		t.Errorf("es 5: %q", got)
	}
	en := For(language.English)
	if got := en.T("no.such.message", nil); got != "no.such.message" {
		t.Errorf("missing id: %q", got)
	}
}
