package statussite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/browsertest"
)

// TestInChromium loads every locale's page in headless Chromium at a phone
// and a desktop width, as a reader would: the DOM shows each incident's
// state, the times in Madrid and the language switch on the right
// language; the screenshots are real pages. CRISIS_SCREENSHOTS=DIR keeps
// them.
func TestInChromium(t *testing.T) {
	browsertest.New(t) // skips here without Chromium
	files, _, _, _ := exampleSite(t)
	site, work := t.TempDir(), t.TempDir()
	if err := files.Write(site); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"es": {`lang="es"`, "En seguimiento", "Investigando", "Resuelto", "24/11/26 10:25", "Próxima actualización",
			"<span>Nuestra web</span> <span class=\"svc down\">Sin servicio</span>", "<span>Facebook</span> <span class=\"svc recovering\">Recuperándose</span>"},
		"en": {`lang="en"`, "Monitoring", "Investigating", "Resolved", "11/24/26 10:25 AM", "Next update",
			"<span>Our website</span> <span class=\"svc down\">Down</span>", "<span>Facebook</span> <span class=\"svc recovering\">Recovering</span>"},
		"pl": {`lang="pl"`, "Monitorujemy", "Ustalamy przyczynę", "Rozwiązany", "24.11.2026 10:25", "Następna aktualizacja",
			"<span>Nasza strona internetowa</span> <span class=\"svc down\">Nie działa</span>", "<span>Facebook</span> <span class=\"svc recovering\">Wraca do działania</span>"},
		"pt": {`lang="pt"`, "Em monitorização", "Em investigação", "Resolvido", "24/11/2026 10:25", "Próxima atualização",
			"<span>O nosso site</span> <span class=\"svc down\">Em baixo</span>", "<span>Facebook</span> <span class=\"svc recovering\">A recuperar</span>"},
	}
	// Each language's page in a Chromium of its own, side by side: a
	// Chromium spends most of its second starting up.
	for l, needles := range want {
		t.Run(l, func(t *testing.T) {
			t.Parallel()
			chromium := browsertest.New(t)
			browser := func(args ...string) string { return string(chromium.Run(args...)) }
			page := "file://" + filepath.Join(site, l, "index.html")
			dom := browser("--dump-dom", page)
			for _, n := range append(needles, `data-state="monitoring"`, `data-state="investigating"`, `data-state="resolved"`, "Europe/Madrid") {
				if !strings.Contains(dom, n) {
					t.Errorf("%s: the page lacks %q", l, n)
				}
			}
			// The current state lists the live incidents' services only: the
			// resolved Meta outage's WhatsApp is not down any more.
			if now := between(dom, `id="services"`, `</section>`); strings.Count(now, "data-service-state=") != 3 || strings.Contains(now, "WhatsApp") {
				t.Errorf("%s: the current state is not the live incidents' three services: %s", l, now)
			}
			current := `hreflang="` + l + `" lang="` + l + `" aria-current="page"`
			if !strings.Contains(dom, current) || strings.Count(dom, `aria-current="page"`) != 1 {
				t.Errorf("%s: the language switch does not mark %s alone as current", l, l)
			}
			pdf := filepath.Join(work, l+".pdf")
			browser("--print-to-pdf="+pdf, "--no-pdf-header-footer", page)
			if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b[:4]), "%PDF") {
				t.Errorf("%s: printing to PDF failed: %v", l, err)
			}
			for _, width := range []int{360, 1280} {
				chromium.Screenshot(page, filepath.Join(work, fmt.Sprintf("status-%s-%d.png", l, width)), width, 800)
			}
		})
	}
}

// between is the part of s from the first from to the next to after it.
func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	out, _, _ := strings.Cut(rest, to)
	return out
}
