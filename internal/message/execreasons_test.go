package message

import (
	"errors"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// TestExecReasonsTranslated: the errors text/template raises while it
// fills a checked template with values, those a manual's author can cause,
// read in the person's language, with the template's own syntax kept.
// Written by hand, in English, Spanish and Polish (and Portuguese for one).
func TestExecReasonsTranslated(t *testing.T) {
	start := NewInstant(time.Date(2026, 12, 3, 2, 0, 0, 0, time.UTC), time.UTC, "es", time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	data := map[string]any{"platform": "Facebook", "update_minutes": 20, "window_start": start, "window_end": start}
	tests := []struct {
		text       string
		en, es, pl string
	}{
		{`{{upper .platform .platform}}`,
			`function "upper" takes 1 value, not 2: write it as {{upper .platform}}`,
			`la función "upper" admite 1 valor, no 2: escribirla como {{upper .platform}}`,
			`funkcja "upper" przyjmuje 1 wartość, a podano 2: napisz ją jako {{upper .platform}}`},
		{`{{window .window_start}}`,
			`function "window" takes 2 values, not 1: write it as {{window .window_start .window_end}}`,
			`la función "window" admite 2 valores, no 1: escribirla como {{window .window_start .window_end}}`,
			`funkcja "window" przyjmuje 2 wartości, a podano 1: napisz ją jako {{window .window_start .window_end}}`},
		{`{{.platform | default "x" "y"}}`,
			`function "default" takes 2 values, not 3: write it as {{default "our shop" .store_name}}`,
			`la función "default" admite 2 valores, no 3: escribirla como {{default "nuestra tienda" .store_name}}`,
			`funkcja "default" przyjmuje 2 wartości, a podano 3: napisz ją jako {{default "nasz sklep" .store_name}}`},
		{`{{upper 3}}`,
			`3 is not text: write text in quotes, such as "our shop", or a variable, such as {{.name}}`,
			`3 no es un texto: escribir un texto entre comillas, como "nuestra tienda", o una variable, como {{.name}}`,
			`3 nie jest tekstem: napisz tekst w cudzysłowie, np. "nasz sklep", albo zmienną, np. {{.name}}`},
		{`{{default nil .platform}}`,
			`nil is not text: write text in quotes, such as "our shop", or a variable, such as {{.name}}`,
			`nil no es un texto: escribir un texto entre comillas, como "nuestra tienda", o una variable, como {{.name}}`,
			`nil nie jest tekstem: napisz tekst w cudzysłowie, np. "nasz sklep", albo zmienną, np. {{.name}}`},
		{`{{nil}}`,
			`nil is not text: write text in quotes, such as "our shop", or a variable, such as {{.name}}`,
			`nil no es un texto: escribir un texto entre comillas, como "nuestra tienda", o una variable, como {{.name}}`,
			`nil nie jest tekstem: napisz tekst w cudzysłowie, np. "nasz sklep", albo zmienną, np. {{.name}}`},
		{`{{upper .window_start}}`,
			`.window_start is a datetime variable, not text: write (date .window_start) or (clock .window_start) in its place`,
			`.window_start es una variable de fecha y hora (datetime), no un texto: escribir (date .window_start) o (clock .window_start) en su lugar`,
			`.window_start to zmienna typu data i godzina (datetime), a nie tekst: napisz w jej miejsce (date .window_start) lub (clock .window_start)`},
		{`{{.window_start | lower}}`,
			`function "lower" takes text, not a datetime variable: pipe the variable through date or clock first (| date | lower)`,
			`la función "lower" admite texto, no una variable de fecha y hora (datetime): pasar antes la variable por date o clock (| date | lower)`,
			`funkcja "lower" przyjmuje tekst, a nie zmienną typu data i godzina (datetime): najpierw przekaż zmienną do date lub clock (| date | lower)`},
		{`{{upper .update_minutes}}`,
			`.update_minutes is a count, a number, not text: write {{.update_minutes}} without a function`,
			`.update_minutes es una cantidad, un número, no un texto: escribir {{.update_minutes}} sin función`,
			`.update_minutes to liczba, a nie tekst: napisz {{.update_minutes}} bez funkcji`},
		{`{{.update_minutes | title}}`,
			`function "title" takes text, not a number: write a count alone, such as {{.name}}`,
			`la función "title" admite texto, no un número: escribir la cantidad sola, como {{.name}}`,
			`funkcja "title" przyjmuje tekst, a nie liczbę: napisz samą liczbę, np. {{.name}}`},
		{`{{.platform 3}}`,
			`{{.platform}} is a variable, not a function: it takes no values`,
			`{{.platform}} es una variable, no una función: no admite valores`,
			`{{.platform}} to zmienna, a nie funkcja: nie przyjmuje wartości`},
		{`{{if .store}}x{{end}}`,
			`{{.store}} has no value here: check its name against the manual's variables`,
			`{{.store}} no tiene valor aquí: comprobar que su nombre coincida con el de una variable del manual`,
			`{{.store}} nie ma tu wartości: sprawdź, czy jej nazwa zgadza się z nazwą którejś zmiennej podręcznika`},
	}
	for _, tt := range tests {
		_, err := Execute(tt.text, "es", data)
		var te *TemplateError
		if !errors.As(err, &te) {
			t.Errorf("Execute(%q) = %v, want a *TemplateError", tt.text, err)
			continue
		}
		for _, want := range []struct {
			tag  language.Tag
			text string
		}{{language.English, tt.en}, {language.Spanish, tt.es}, {language.Polish, tt.pl}} {
			if got := lang.For(want.tag).Text(te.Reason()); got != want.text {
				t.Errorf("%s, %v:\n got %s\nwant %s", tt.text, want.tag, got, want.text)
			}
		}
	}

	// In Portuguese, and framed by its place: line 2, the action at column 6 ("Ver: " is five characters).
	_, err := Execute("Hola.\nVer: {{upper .window_start}}", "es", data)
	want := "linha 2, coluna 6 do texto: .window_start é uma variável de data e hora (datetime), não um texto: escreva (date .window_start) ou (clock .window_start) no seu lugar"
	if got := lang.For(language.Portuguese).Text(err); got != want {
		t.Errorf("pt:\n got %s\nwant %s", got, want)
	}

	// default's usage quotes the example text in the reader's language,
	// as templateexec.not-text does.
	_, err = Execute(`{{.platform | default "x" "y"}}`, "es", data)
	want = `coluna 1 do texto: a função "default" aceita 2 valores, não 3: escreva-a como {{default "a nossa loja" .store_name}}`
	if got := lang.For(language.Portuguese).Text(err); got != want {
		t.Errorf("pt:\n got %s\nwant %s", got, want)
	}
}
