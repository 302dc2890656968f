package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// TestTemplateReasonsTranslated: why a template is refused reads in the
// finding's language, every reason the checker and the parser give, at
// the action in the YAML file as in English. The text is written in single
// quotes at line 17, column 40 of templates/en.yaml.
func TestTemplateReasonsTranslated(t *testing.T) {
	const funcs = "upper, lower, title, default, trim, date, clock, window"
	tests := []struct {
		name, text string
		col        int
		en, es, pl string
	}{
		{"misspelt function", `{{windows .platform .platform}}`, 40,
			`function "windows" is not available in messages: did you mean "window"? Messages may call ` + funcs,
			`la función "windows" no está disponible en los mensajes: ¿quería decir "window"? Los mensajes pueden llamar a ` + funcs,
			`funkcja "windows" nie jest dostępna w wiadomościach: czy chodziło o "window"? Wiadomości mogą wywoływać funkcje ` + funcs},
		{"unavailable function", `{{printf "%d" 1}}`, 40,
			`function "printf" is not available in messages; they may call ` + funcs,
			`la función "printf" no está disponible en los mensajes; los mensajes pueden llamar a ` + funcs,
			`funkcja "printf" nie jest dostępna w wiadomościach; wiadomości mogą wywoływać funkcje ` + funcs},
		{"range", `{{range .platform}}x{{end}}`, 40,
			`{{range}} is not available in messages: a message has no lists to repeat`,
			`{{range}} no está disponible en los mensajes: un mensaje no tiene listas que repetir`,
			`w wiadomościach nie można używać {{range}}: wiadomość nie zawiera list do powtarzania`},
		{"template", `{{template "x"}}`, 40,
			`{{template "x"}} is not available in messages: write the text where it is used`,
			`{{template "x"}} no está disponible en los mensajes: escribir el texto donde se usa`,
			`w wiadomościach nie można używać {{template "x"}}: napisz tekst tam, gdzie jest potrzebny`},
		{"define", `{{define "x"}}y{{end}}`, 40,
			`{{define}} and {{block}} are not available in messages: write the text where it is used`,
			`{{define}} y {{block}} no están disponibles en los mensajes: escribir el texto donde se usa`,
			`w wiadomościach nie można używać {{define}} ani {{block}}: napisz tekst tam, gdzie jest potrzebny`},
		{"variable", `{{$.platform}}`, 40,
			`template variables ($) are not available in messages; write {{.name}}`,
			`las variables de plantilla ($) no están disponibles en los mensajes; escribir {{.name}}`,
			`w wiadomościach nie można używać zmiennych szablonu ($); napisz {{.name}}`},
		{"dot", `{{.}}`, 40,
			`{{.}} outside {{with}} is every value of the message at once; write {{.name}}`,
			`{{.}} fuera de {{with}} representa todos los valores del mensaje a la vez; escribir {{.name}}`,
			`{{.}} poza {{with}} oznacza wszystkie wartości wiadomości naraz; napisz {{.name}}`},
		{"field", `{{.platform.name}}`, 40,
			`{{.platform.name}}: a variable has no fields; write {{.platform}}`,
			`{{.platform.name}}: una variable no tiene campos; escribir {{.platform}}`,
			`{{.platform.name}}: zmienna nie ma pól; napisz {{.platform}}`},
		{"chain", `{{(.platform).name}}`, 40,
			`{{(.platform).name}}: a value has no fields`,
			`{{(.platform).name}}: un valor no tiene campos`,
			`{{(.platform).name}}: wartość nie ma pól`},
		{"nesting", strings.Repeat(`{{if .platform}}`, 51) + strings.Repeat(`{{end}}`, 51), 40 + 50*16,
			`actions nest more than 50 deep: a message needs a few`,
			`las acciones están anidadas en más de 50 niveles: a un mensaje le bastan unos pocos`,
			`akcje są zagnieżdżone zbyt głęboko (limit: 50): wiadomość potrzebuje najwyżej kilku poziomów`},
		// text/template's parse errors.
		{"unclosed action", `{{.platform`, 40,
			`an action opened with {{ is not closed with }}`,
			`una acción abierta con {{ no se cierra con }}`,
			`akcja otwarta znakami {{ nie jest zamknięta znakami }}`},
		{"no end", `{{if .platform}}x`, 40,
			`the text ends inside an {{if}} or {{with}}: close it with {{end}}`,
			`el texto termina dentro de un {{if}} o {{with}}: cerrarlo con {{end}}`,
			`tekst kończy się wewnątrz bloku {{if}} lub {{with}}: zamknij go, wpisując {{end}}`},
		{"stray end", `x {{end}}`, 42,
			`{{end}} has no {{if}} or {{with}} before it`,
			`{{end}} no va precedido de ningún {{if}} ni {{with}}`,
			`przed {{end}} brakuje {{if}} lub {{with}}`},
		{"stray else", `{{else}}`, 40,
			`{{else}} has no {{if}} or {{with}} before it`,
			`{{else}} no va precedido de ningún {{if}} ni {{with}}`,
			`przed {{else}} brakuje {{if}} lub {{with}}`},
		{"single brace", `{{.platform} now`, 40,
			`character '}' cannot be used inside {{ }}`,
			`el carácter '}' no se puede usar dentro de {{ }}`,
			`znaku '}' nie można użyć wewnątrz {{ }}`},
		{"open paren", `{{upper (.platform}}`, 40,
			`a parenthesis is opened and not closed`,
			`se abre un paréntesis que no se cierra`,
			`otwarty nawias nie został zamknięty`},
		{"close paren", `{{upper .platform)}}`, 40,
			`a parenthesis is closed that was not opened`,
			`se cierra un paréntesis que no se ha abierto`,
			`nawias zamykający nie ma pasującego nawiasu otwierającego`},
		{"stray character", `{{.platform ~}}`, 40,
			`"~" is out of place in this action`,
			`"~" está fuera de lugar en esta acción`,
			`"~" nie może stać w tym miejscu akcji`},
		{"stray dot", `{{.platform.}}`, 40,
			`"." is out of place in this action`,
			`"." está fuera de lugar en esta acción`,
			`"." nie może stać w tym miejscu akcji`},
		{"if without value", `{{if}}x{{end}}`, 40,
			`{{if}} needs a value to test, such as {{.name}}`,
			`{{if}} necesita un valor que evaluar, como {{.name}}`,
			`{{if}} wymaga wartości do sprawdzenia, np. {{.name}}`},
		{"empty action", `{{ }}`, 40,
			`an action is empty: write a variable such as {{.name}} between {{ and }}`,
			`una acción está vacía: escribir una variable, como {{.name}}, entre {{ y }}`,
			`akcja jest pusta: wpisz zmienną, np. {{.name}}, między {{ a }}`},
		{"open quote", `{{default "shop}}`, 40,
			`a quoted text is not closed`,
			`un texto entre comillas no se cierra`,
			`tekst w cudzysłowie nie ma cudzysłowu zamykającego`},
		{"open comment", `{{/* note }}`, 40,
			`a comment is not closed: end it with */}}`,
			`un comentario no se cierra: terminarlo con */}}`,
			`komentarz nie został zamknięty: zakończ go znakami */}}`},
		{"bad number", `{{default 3x .platform}}`, 40,
			`"3x" is not a number`,
			`"3x" no es un número`,
			`"3x" nie jest liczbą`},
		// A parse error the interface does not name keeps the parser's words.
		{"other parse error", `{{.platform | 3}}`, 40,
			`the template cannot be read: non executable command in pipeline stage 2`,
			`no se puede leer la plantilla: non executable command in pipeline stage 2`,
			`nie można odczytać szablonu: non executable command in pipeline stage 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := lintFiles(t, build(t, edit{fEN, `    other: "Still down. Next update in {{.update_minutes}} minutes."`,
				`    other: 'Still down. Next update in ` + tt.text + `'`}), nil, Config{})
			i := slices.IndexFunc(res.Findings, func(d diag.Diagnostic) bool { return d.Rule == "CR401" })
			if i < 0 {
				t.Fatalf("no CR401 finding: %v", res.Findings)
			}
			d := res.Findings[i]
			if at := fmt.Sprintf("templates/en.yaml:17:%d", tt.col); d.Pos.String() != at {
				t.Errorf("at %s, want %s", d.Pos, at)
			}
			for _, want := range []struct {
				tag        language.Tag
				frame, why string
			}{
				{language.English, "message update.default, form other: ", tt.en},
				{language.Spanish, "mensaje update.default, forma other: ", tt.es},
				{language.Polish, "wiadomość update.default, forma other: ", tt.pl},
			} {
				if got, _ := d.Shown(lang.For(want.tag)); got != want.frame+want.why {
					t.Errorf("%s:\n got %q\nwant %q", want.tag, got, want.frame+want.why)
				}
			}
		})
	}
}
