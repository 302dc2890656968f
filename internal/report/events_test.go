package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// TestTimelineInTheReadersLanguage: the timeline and the deliveries of a
// Spanish and a Polish report are in Spanish and Polish, written here by
// hand, while the JSON keeps its English texts.
func TestTimelineInTheReadersLanguage(t *testing.T) {
	inc := built(t, incident(t))
	for _, c := range []struct {
		tag        language.Tag
		want, gone []string
	}{
		{language.Spanish, []string{
			"T+0m: ejecución iniciada: Meta\n",
			"T+0m: mensaje meta-holding aprobado por Carmen Vidal (consejera delegada)\n",
			"T+0m: enviando meta-holding por telegram-channel (es) a través de telegram\n",
			"T+0m: envío r1/holding/meta-holding/telegram-channel/es: entregados: 1\n",
			"T+0m: mensaje meta-holding enviado por Canal de Telegram t.me/rioverdehogar (es)\n",
			"## Envíos\n\n| canal | idioma | fecha de envío | enviado por | aprobado por | proveedor | id del proveedor | entregados | fallidos | desconocidos | estado |\n",
			"| Canal de Telegram t.me/rioverdehogar | es | ",
			"| lucia | Carmen Vidal (consejera delegada) | telegram | 4242 | 1 | 0 | 0 | enviado |",
			"| 0 | 0 | 1 | resultado desconocido: comprobar antes de reenviar |",
			"Resultados desconocidos:\n",
			"- status.rioverde.example (es), mensaje meta-holding a través de slack: 1 resultado desconocido; comprobar dónde publica slack antes de reenviar\n",
			"- Boletín y correos de pedidos (es), mensaje meta-holding a través de smtp: 100 resultados desconocidos; comprobar /srv/c.csv antes de reenviar\n",
		}, []string{
			"T+0m: variable platform = \"Facebook\"\n",
			"T+2m: paso completado: Confirm the outage and open the incident\n",
			"T+23m: nota: called Ana | the press office\n",
			"T+23m: paso omitido: Answer every comment and message (nothing to answer yet)\n",
			"T+1h53m: estado del incidente: en observación\n",
			"T+1h54m: paso completado: Announce that Facebook works again; se declara el fin del incidente\n",
			"T+1h54m: ejecución terminada\n",
		}},
		{language.Polish, []string{
			"T+0m: rozpoczęto przebieg: Meta\n",
			"T+0m: zatwierdzenie wiadomości meta-holding: Carmen Vidal (prezes zarządu)\n",
			"T+0m: wysyłanie wiadomości meta-holding: telegram-channel (es) przez telegram\n",
			"T+0m: wysyłka r1/holding/meta-holding/telegram-channel/es: dostarczone: 1\n",
			"T+0m: wysłano wiadomość meta-holding: Kanał na Telegramie t.me/rioverdehogar (es)\n",
			"## Wysyłki\n\n| kanał | język | czas wysłania | wysłane przez | zatwierdzone przez | dostawca | id u dostawcy | dostarczone | nieudane | nieznane | stan |\n",
			"| 4242 | 1 | 0 | 0 | wysłane |",
			"| 0 | 0 | 1 | wynik nieznany: sprawdź przed ponownym wysłaniem |",
			"Nieznane wyniki:\n",
			"- status.rioverde.example (es), wiadomość meta-holding przez slack: 1 nieznany wynik; przed ponownym wysłaniem sprawdź, gdzie publikuje slack\n",
			"- Newsletter i e-maile o zamówieniach (es), wiadomość meta-holding przez smtp: 100 nieznanych wyników; przed ponownym wysłaniem sprawdź /srv/c.csv\n",
		}, []string{
			"T+0m: zmienna platform = \"Facebook\"\n",
			"T+2m: wykonano krok: Confirm the outage and open the incident\n",
			"T+23m: notatka: called Ana | the press office\n",
			"T+23m: pominięto krok: Answer every comment and message (nothing to answer yet)\n",
			"T+1h53m: stan incydentu: monitorujemy\n",
			"T+1h54m: wykonano krok: Announce that Facebook works again; ogłoszono koniec incydentu\n",
			"T+1h54m: zakończono przebieg\n",
		}},
	} {
		l := lang.For(c.tag)
		sends := sendsReport(t, c.tag.String())
		for i, rep := range []*Report{sends, inc} {
			md := rendered(t, Markdown, rep, l)
			want := c.want
			if i == 1 {
				want = c.gone
			}
			for _, w := range want {
				if !strings.Contains(md, w) {
					t.Errorf("%s: the report lacks %q:\n%s", c.tag, w, md)
				}
			}
			for _, english := range []string{"## Deliveries", "Unknown outcomes", "run started:", "step done:", ": sent ", "approved by Carmen", "run finished", "the incident is now"} {
				if strings.Contains(md, english) {
					t.Errorf("%s: the report still says %q", c.tag, english)
				}
			}
		}
	}
	// The JSON says the same in every language: its texts are English.
	js, _ := json.Marshal(sendsReport(t, "en").Timeline)
	for _, w := range []string{`"text":"run started: Meta"`, `"text":"send r1/holding/meta-holding/telegram-channel/es: 1 delivered"`} {
		if !bytes.Contains(js, []byte(w)) {
			t.Errorf("JSON timeline lacks %s: %s", w, js)
		}
	}
}

// TestHTMLInTheReadersLanguage: the HTML report's events table and its
// deliveries are in the reader's language too.
func TestHTMLInTheReadersLanguage(t *testing.T) {
	doc := rendered(t, HTML, sendsReport(t, "es"), lang.For(language.Spanish))
	for _, w := range []string{
		`<h2 id="deliveries">Envíos</h2>`, "<th>fecha de envío</th>", "<td>enviado</td>",
		"<td>envío r1/holding/meta-holding/telegram-channel/es: entregados: 1</td>",
		"<p class=\"missed\">Resultados desconocidos:</p>",
	} {
		if !strings.Contains(doc, w) {
			t.Errorf("the Spanish HTML lacks %q", w)
		}
	}
	for _, english := range []string{">Deliveries<", "Unknown outcomes", "<th>sent at</th>", "run started:"} {
		if strings.Contains(doc, english) {
			t.Errorf("the Spanish HTML still says %q", english)
		}
	}
}
