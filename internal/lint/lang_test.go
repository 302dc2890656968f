package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// firstOf lints the base manual with edits and returns rule's first finding.
func firstOf(t *testing.T, rule string, edits ...edit) diag.Diagnostic {
	t.Helper()
	res := lintFiles(t, build(t, edits...), nil, Config{})
	i := slices.IndexFunc(res.Findings, func(d diag.Diagnostic) bool { return d.Rule == rule })
	if i < 0 {
		t.Fatalf("%s did not report; findings: %v", rule, res.Findings)
	}
	return res.Findings[i]
}

func caseNamed(t *testing.T, name string) ruleCase {
	t.Helper()
	i := slices.IndexFunc(ruleCases, func(c ruleCase) bool { return c.name == name })
	if i < 0 {
		t.Fatalf("no case %s", name)
	}
	return ruleCases[i]
}

// TestFindingsInTheReadersLanguage: representative findings as a Spanish
// and a Polish reader get them, written by hand. The English text the
// finding carries (what JSON shows) does not change.
func TestFindingsInTheReadersLanguage(t *testing.T) {
	checkInReadersLanguage(t, []readerFinding{
		{"cr101-bad", language.Spanish, `whatsapp comparte el dominio de fallo "meta" con facebook-page, que está caído: caerá con él`,
			"elegir un canal que dependa de otro proveedor; si cae todo el proveedor, añadirlo en down.domains"},
		{"cr101-bad", language.Polish, `whatsapp ma wspólną domenę awarii "meta" z kanałem facebook-page, który jest niedostępny: padnie razem z nim`,
			"wybierz kanał zależny od innego dostawcy; jeśli niedostępny jest cały dostawca, wpisz go w down.domains"},
		{"cr103-bad", language.Spanish, "el público customers pierde facebook-page y no tiene alternativa",
			"añadir customers: [canales que sigan funcionando] en fallbacks"},
		{"cr103-bad", language.Polish, "odbiorcy customers tracą kanał facebook-page i nie mają kanału zapasowego",
			"dodaj customers: [kanały, które działają] w fallbacks"},
		{"cr703-bad", language.Spanish, "el protocolo fb-down no tiene paso de fin del incidente",
			"añadir un paso con kind: all-clear que anuncie el fin del incidente"},
		{"cr703-bad", language.Polish, "scenariusz fb-down nie ma kroku ogłaszającego koniec incydentu",
			"dodaj krok z kind: all-clear, który ogłasza koniec incydentu"},
		{"cr902-unknown", language.Spanish, "la exclusión indica una regla desconocida, CR1O1", `¿quizá "CR101"?`},
		{"cr902-unknown", language.Polish, "wyciszenie wskazuje nieznaną regułę CR1O1", `czy chodziło o "CR101"?`},
	})
}

// readerFinding is the first finding of the rule case name as a reader of
// tag gets it: its message and hint, written by hand.
type readerFinding struct {
	name      string
	tag       language.Tag
	msg, hint string
}

// checkInReadersLanguage checks each finding as its reader gets it, and
// that the English text the finding carries (what JSON shows) is still the
// case's.
func checkInReadersLanguage(t *testing.T, tests []readerFinding) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.tag.String(), func(t *testing.T) {
			tc := caseNamed(t, tt.name)
			d := firstOf(t, tc.rule, tc.edits...)
			msg, hint := d.Shown(lang.For(tt.tag))
			if msg != tt.msg || hint != tt.hint {
				t.Errorf("%s:\n got %q\n     %q\nwant %q\n     %q", tt.tag, msg, hint, tt.msg, tt.hint)
			}
			if !regexp.MustCompile(regexp.QuoteMeta(tc.says)).MatchString(d.Message) {
				t.Errorf("the English message changed: %q", d.Message)
			}
		})
	}
}

// TestCountedFindingInPolish: the expired approval counts days, and Polish
// has three forms for them (1 dzień, 2 dni, 5 dni, 22 dni).
func TestCountedFindingInPolish(t *testing.T) {
	// Approved on 2026-09-01, linted on 2026-11-01: 61 days later.
	tests := []struct {
		every, en, pl, es string
	}{
		{"60d", "the approval expired on 2026-10-31 (1 day ago): approved 2026-09-01, review every 60d",
			"zatwierdzenie wygasło 2026-10-31 (1 dzień temu): zatwierdzono 2026-09-01, przegląd co 60d",
			"la aprobación caducó el 2026-10-31 (hace 1 día): aprobado el 2026-09-01, revisión cada 60d"},
		{"59d", "the approval expired on 2026-10-30 (2 days ago): approved 2026-09-01, review every 59d",
			"zatwierdzenie wygasło 2026-10-30 (2 dni temu): zatwierdzono 2026-09-01, przegląd co 59d",
			"la aprobación caducó el 2026-10-30 (hace 2 días): aprobado el 2026-09-01, revisión cada 59d"},
		{"56d", "the approval expired on 2026-10-27 (5 days ago): approved 2026-09-01, review every 56d",
			"zatwierdzenie wygasło 2026-10-27 (5 dni temu): zatwierdzono 2026-09-01, przegląd co 56d",
			"la aprobación caducó el 2026-10-27 (hace 5 días): aprobado el 2026-09-01, revisión cada 56d"},
		{"39d", "the approval expired on 2026-10-10 (22 days ago): approved 2026-09-01, review every 39d",
			"zatwierdzenie wygasło 2026-10-10 (22 dni temu): zatwierdzono 2026-09-01, przegląd co 39d",
			"la aprobación caducó el 2026-10-10 (hace 22 días): aprobado el 2026-09-01, revisión cada 39d"},
	}
	for _, tt := range tests {
		d := firstOf(t, "CR602", edit{fManual, "review_every: 3650d", "review_every: " + tt.every})
		if d.Message != tt.en {
			t.Errorf("en: %q, want %q", d.Message, tt.en)
		}
		for tag, want := range map[language.Tag]string{language.Polish: tt.pl, language.Spanish: tt.es} {
			if got, _ := d.Shown(lang.For(tag)); got != want {
				t.Errorf("%s: %q, want %q", tag, got, want)
			}
		}
	}
}

// TestEveryTextIdIsInTheCatalogue: each catalogue id the rules name exists
// in English (a missing one would be shown as its id), also for findings
// no case triggers.
func TestEveryTextIdIsInTheCatalogue(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	ids := regexp.MustCompile(`"(lint\.CR\d{3}[a-z.]*)"`)
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ids.FindAllStringSubmatch(string(src), -1) {
			n++
			if english().T(m[1], map[string]any{}) == m[1] {
				t.Errorf("%s: %s is not in the catalogue", f, m[1])
			}
		}
	}
	if n < 80 {
		t.Errorf("found %d ids in the rules; the pattern no longer matches how they are named", n)
	}
}
