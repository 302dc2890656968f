package lint

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// A reply whose text fails to render when drafted: a count given to a
// function that takes text.
const replyUpperCount = "Sorry. We write again in {{upper .update_minutes}} minutes."

// replyInject adds a drill inject answered with reply-apology.
var replyInject = edit{fPlaybook, "updates:\n", "drill:\n  injects:\n    - at: 3m\n      event: A customer asks\n      expect: A reply\n      respond: reply\n      message: reply-apology\nupdates:\n"}

// TestRenderErrorInTheReadersLanguage: the drill's CR802 and the inbox
// step's CR804 say why a reply cannot be drafted in the reader's language,
// as CR404 does; written by hand.
func TestRenderErrorInTheReadersLanguage(t *testing.T) {
	why := map[language.Tag]string{
		language.Spanish: "templates/en.yaml:16:38: reply-apology.default (en): .update_minutes es una cantidad, un número, no un texto: escribir {{.update_minutes}} sin función",
		language.Polish:  "templates/en.yaml:16:38: reply-apology.default (en): .update_minutes to liczba, a nie tekst: napisz {{.update_minutes}} bez funkcji",
	}
	tests := []struct {
		rule string
		tag  language.Tag
		msg  string
	}{
		{"CR804", language.Spanish, "la respuesta apology no se puede preparar para status-page en en: "},
		{"CR804", language.Polish, "nie można przygotować odpowiedzi apology dla status-page (en): "},
		{"CR802", language.Spanish, "el simulacro no puede redactar la respuesta al estímulo de 3m: "},
		{"CR802", language.Polish, "ćwiczenia nie przygotują szkicu odpowiedzi na zdarzenie w 3m: "},
	}
	for _, tt := range tests {
		d := firstOf(t, tt.rule, append(inboxWithReply(replyUpperCount), replyInject)...)
		msg, _ := d.Shown(lang.For(tt.tag))
		if want := tt.msg + why[tt.tag]; msg != want {
			t.Errorf("%s %s:\n got %q\nwant %q", tt.rule, tt.tag, msg, want)
		}
	}
}

// TestReplyErrorOncePerChannel: a reply that cannot be drafted fails alike
// for the two markets reading en on the status page (uk, ie: same text,
// same error); CR804 names no market, so it says so once per channel and
// locale. Pl, read by the pl market, drafts its own short text.
func TestReplyErrorOncePerChannel(t *testing.T) {
	res := lintFiles(t, build(t, replyInMarkets(replyUpperCount, "status.example")...), nil, Config{})
	var got []string
	for _, d := range res.Findings {
		if d.Rule == "CR804" {
			got = append(got, d.Pos.String()+": "+d.Message)
		}
	}
	want := []string{"playbooks/fb-down.yaml:36:15: reply apology cannot be drafted for status-page in en: templates/en.yaml:16:38: reply-apology.default (en): .update_minutes is a count, a number, not text: write {{.update_minutes}} without a function"}
	if !slices.Equal(got, want) {
		t.Errorf("CR804 findings:\n got %q\nwant %q", got, want)
	}
}

// TestCountHintSaysWhatToWrite: for a count given where text is taken, the
// reason says what is wrong (and its one fix) and the hint how the count
// is written in the text, not the reason again; written by hand.
func TestCountHintSaysWhatToWrite(t *testing.T) {
	tc := caseNamed(t, "cr404-bad")
	d := firstOf(t, tc.rule, tc.edits...)
	want := map[language.Tag]string{
		language.English:    "print the count as it is, {{.name}} on its own: a number has no letters to change, and the words that go with it belong in the text around it",
		language.Spanish:    "mostrar la cantidad tal cual, {{.name}} sola: un número no tiene letras que cambiar, y las palabras que la acompañan van en el texto que la rodea",
		language.Polish:     "wstaw samą liczbę, bez zmian: {{.name}}; w liczbie nie ma liter do zmiany, a słowa, które jej towarzyszą, dopisz w tekście obok niej",
		language.Portuguese: "mostre a quantidade tal como está, só {{.name}}: um número não tem letras para alterar, e as palavras que a acompanham ficam no texto à sua volta",
	}
	for tag, hint := range want {
		if _, got := d.Shown(lang.For(tag)); got != hint {
			t.Errorf("%s hint:\n got %q\nwant %q", tag, got, hint)
		}
	}
}
