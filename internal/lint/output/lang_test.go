package output

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// TestStructureIsTheSameInEveryLanguage: only what a person reads follows
// the interface language. JSON is byte for byte the English one; SARIF and
// GitLab are the same documents once their texts are blanked; JUnit's test
// cases, GitHub's annotation properties and the positions, severities and
// rule ids of the text formats do not move.
func TestStructureIsTheSameInEveryLanguage(t *testing.T) {
	en := consumerReport(language.English)
	for _, tag := range lang.Supported[1:] {
		r := consumerReport(tag)
		if got, want := writeString(t, JSON, r), writeString(t, JSON, en); got != want {
			t.Errorf("%s: JSON differs from English:\n%s", tag, got)
		}
		for f, blank := range map[Format][]string{SARIF: {"text", "language"}, GitLab: {"description"}} {
			if got, want := blanked(t, writeString(t, f, r), blank), blanked(t, writeString(t, f, en), blank); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s differs from English beyond its texts", tag, f)
			}
		}
		for f, shape := range map[Format]*regexp.Regexp{
			JUnit:   regexp.MustCompile(`<testcase [^>]*>`),
			GitHub:  regexp.MustCompile(`(?m)^::\w+ [^:]*?title=`),
			Compact: regexp.MustCompile(`(?m)^\S+:\d+:\d+: \w+: |\[C[RL]\d+\]`),
			Text:    regexp.MustCompile(`(?m)^\S+: \w+: |\[C[RL]\d+\]$`),
		} {
			got, want := shape.FindAllString(writeString(t, f, r), -1), shape.FindAllString(writeString(t, f, en), -1)
			if len(want) < len(en.Findings) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s structure differs from English:\n%q\nwant\n%q", tag, f, got, want)
			}
		}
	}
}

// blanked is a JSON document with the values of keys emptied.
func blanked(t *testing.T, doc string, keys []string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if strings.Contains(","+strings.Join(keys, ",")+",", ","+k+",") {
					v[k] = ""
				} else {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return v
}

// TestReportsInPolish: what a Polish reader sees in each format, written by
// hand: the finding, its hint, labels and the summary with CLDR's forms.
func TestReportsInPolish(t *testing.T) {
	r := consumerReport(language.Polish)
	msg := "zatwierdzenie wygasło 2026-10-10 (22 dni temu): zatwierdzono 2026-09-01, przegląd co 39d"
	hint := "przejrzyj podręcznik z zarządem, a potem zaktualizuj approved_on"
	for f, want := range map[Format][]string{
		Text: {"crisis/playbooks/manual.yaml:10:3: error: " + msg + " [CR602]\n", "    podpowiedź: " + hint + "\n",
			"7 błędów, 2 ostrzeżenia, 3 uwagi w 4 plikach\n"},
		Compact: {"crisis/playbooks/manual.yaml:10:3: error: " + msg + " [CR602] (podpowiedź: " + hint + ")\n"},
		SARIF:   {`"text": "` + msg + `\npodpowiedź: ` + hint + `"`, `"language": "pl"`},
		JUnit:   {`<failure message="` + msg + `" type="error">`, "podpowiedź: " + hint},
		GitHub:  {"::" + msg + "%0Apodpowiedź: " + hint + "\n", "crisis lint: 7 błędów, 2 ostrzeżenia, 3 uwagi w 4 plikach\n"},
		GitLab:  {`"description": "` + msg + ` (podpowiedź: ` + hint + `)"`},
		JSON:    {`"message": "the approval expired on 2026-10-10 (22 days ago): approved 2026-09-01, review every 39d"`},
	} {
		out := writeString(t, f, r)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", f, w, out)
			}
		}
	}
}

// TestSummaryPlurals: the closing line counts with each language's plural
// forms, written by hand (Polish files after "w" take the locative).
func TestSummaryPlurals(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		s    summary
		want string
	}{
		{language.Polish, summary{Errors: 1, Warnings: 2, Infos: 5, Files: 22}, "1 błąd, 2 ostrzeżenia, 5 uwag w 22 plikach"},
		{language.Polish, summary{Errors: 0, Warnings: 12, Infos: 25, Files: 1}, "0 błędów, 12 ostrzeżeń, 25 uwag w 1 pliku"},
		{language.Polish, summary{Errors: 22, Warnings: 1, Infos: 2, Files: 5}, "22 błędy, 1 ostrzeżenie, 2 uwagi w 5 plikach"},
		{language.Polish, summary{Files: 2}, "brak problemów w 2 plikach"},
		{language.Spanish, summary{Errors: 1, Warnings: 0, Infos: 2, Files: 1}, "1 error, 0 avisos, 2 notas en 1 archivo"},
		{language.Portuguese, summary{Errors: 0, Warnings: 1, Infos: 0, Files: 1}, "0 erros, 1 aviso, 0 notas em 1 ficheiro"},
		{language.Portuguese, summary{Files: 0}, "nenhum problema em 0 ficheiros"},
		{language.English, summary{Errors: 1, Warnings: 2, Infos: 0, Files: 1}, "1 error, 2 warnings, 0 infos in 1 file"},
	}
	for _, tt := range tests {
		if got := (Report{Lang: lang.For(tt.tag)}).summaryLine(tt.s); got != tt.want {
			t.Errorf("%s %+v: %q, want %q", tt.tag, tt.s, got, tt.want)
		}
	}
}
