package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/browsertest"
	"github.com/crisis-cli/crisis/internal/lang"
)

// TestSpanishHTMLInChromium: the Spanish HTML report, with a timeline and
// deliveries, renders in a real browser: Chromium parses it into one
// document whose headings, deliveries and events are the Spanish ones,
// and draws it (a screenshot of a phone's width and of a desktop's).
// CRISIS_SCREENSHOTS=DIR keeps the screenshots.
func TestSpanishHTMLInChromium(t *testing.T) {
	chromium := browsertest.New(t)
	dir := t.TempDir()
	for name, rep := range map[string]*Report{"sends": sendsReport(t, "en"), "incident": built(t, incident(t))} {
		page := filepath.Join(dir, name+".html")
		if err := os.WriteFile(page, []byte(rendered(t, HTML, rep, lang.For(language.Spanish))), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := string(chromium.Run("--dump-dom", "file://"+page))
		want := map[string][]string{
			"sends": {`<html lang="es">`, `<h2 id="deliveries">Envíos</h2>`, "<th>fecha de envío</th>",
				"envío r1/holding/meta-holding/telegram-channel/es: entregados: 1", "Resultados desconocidos:"},
			"incident": {`<html lang="es">`, "<h2>Cronología</h2>", "estado del incidente: en observación",
				"paso completado: Announce that Facebook works again; se declara el fin del incidente", "ejecución terminada"},
		}[name]
		for _, w := range want {
			if !strings.Contains(dom, w) {
				t.Errorf("%s: Chromium's document lacks %q", name, w)
			}
		}
		if strings.Count(dom, "<svg") != 1 || !strings.Contains(dom, "</table>") {
			t.Errorf("%s: Chromium's document lost the timeline or the tables", name)
		}
		chromium.Screenshot("file://"+page, filepath.Join(dir, "report-es-"+name+"-phone.png"), 390, 844)
		chromium.Screenshot("file://"+page, filepath.Join(dir, "report-es-"+name+"-desktop.png"), 1280, 900)
	}
}
