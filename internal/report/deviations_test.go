package report

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// The deviations from the manual read in the reader's language in Markdown
// and HTML, while the JSON keeps them in English.
func TestDeviationsInTheReadersLanguage(t *testing.T) {
	rep := built(t, incident(t))
	for _, c := range []struct {
		tag  language.Tag
		want []string
	}{
		{language.English, []string{
			"- step \"Confirm the outage and open the incident\" completed with checklist items not ticked: ",
			"- step \"Answer every comment and message\" skipped: nothing to answer yet\n",
		}},
		{language.Spanish, []string{
			"- paso \"Confirm the outage and open the incident\" completado con puntos de la lista sin marcar: ",
			"- paso \"Answer every comment and message\" omitido: nothing to answer yet\n",
			"registro íntegro: ",
		}},
		{language.Polish, []string{
			"- krok \"Confirm the outage and open the incident\" zakończony z nieodhaczonymi punktami listy kontrolnej: ",
			"- krok \"Answer every comment and message\" pominięty: nothing to answer yet\n",
			"dziennik nienaruszony (zdarzenia: ",
		}},
		{language.Portuguese, []string{
			"- passo \"Answer every comment and message\" ignorado: nothing to answer yet\n",
		}},
	} {
		b := rendered(t, Markdown, rep, lang.For(c.tag))
		for _, w := range c.want {
			if !strings.Contains(b, w) {
				t.Errorf("%s: the report lacks %q:\n%s", c.tag, w, b)
			}
		}
	}
	h := rendered(t, HTML, rep, lang.For(language.Spanish))
	if !strings.Contains(h, "<li>paso &#34;Answer every comment and message&#34; omitido: nothing to answer yet</li>") {
		t.Errorf("the Spanish HTML report lacks the skipped step")
	}
	js, _ := json.Marshal(rep.Deviations)
	if !strings.Contains(string(js), `"step \"Answer every comment and message\" skipped: nothing to answer yet"`) {
		t.Errorf("JSON deviations not English: %s", js)
	}
}
