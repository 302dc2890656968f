package playbooks_test

import (
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/render"
)

// TestOneWordForPassword: a security notice that says "contraseña" and
// "clave", or "palavra-passe" and "senha", leaves the reader wondering
// whether two things are meant. Every text of the account-related
// playbooks, as previewed with the manual's examples (the reset address
// included), keeps to one word per language.
func TestOneWordForPassword(t *testing.T) {
	m, cat := exampletest.Load(t)
	pairs := map[string][2]string{"es": {"contraseña", "clave"}, "pt": {"palavra-passe", "senha"}}
	for _, id := range []string{"data-leak", "account-hijack"} {
		p := m.Playbook(id)
		for _, a := range preview(t, m, cat, p, render.Options{Locales: []string{"es", "pt"}}) {
			text := strings.ToLower(a.Subject + "\n" + a.Text)
			if w := pairs[a.Locale]; strings.Contains(text, w[0]) && strings.Contains(text, w[1]) {
				t.Errorf("%s %s on %s (%s) says both %q and %q:\n%s", id, a.Message, a.Channel, a.Locale, w[0], w[1], a.Text)
			}
		}
	}
}
