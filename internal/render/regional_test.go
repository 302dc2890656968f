package render_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// regionalManual is testdata/format11 (a bookshop selling in Spain and
// Peru) with Peru's own holding text and apology in templates/es-PE.yaml,
// and a banner, web-all, that reaches both markets at once.
func regionalManual(t *testing.T) (*manual.Manual, *message.Catalog) {
	t.Helper()
	src := os.DirFS(filepath.Join("..", "..", "testdata", "format11"))
	fsys := fstest.MapFS{}
	for _, name := range []string{"playbooks/manual.yaml", "playbooks/whatsapp-down.yaml", "templates/es.yaml"} {
		data, err := fs.ReadFile(src, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	edit := func(name, old, new string) {
		s := string(fsys[name].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name].Data = []byte(strings.Replace(s, old, new, 1))
	}
	edit("playbooks/manual.yaml", "  - {id: web-pe,", "  - {id: web-all, kind: website-banner, audiences: [customers], domain: hosting, owner: spokesperson}\n  - {id: web-pe,")
	edit("playbooks/whatsapp-down.yaml", "channels: [web-es, web-pe, email-es, email-pe]", "channels: [web-es, web-pe, web-all, email-es, email-pe]")
	fsys["templates/es-PE.yaml"] = &fstest.MapFile{Data: []byte(`holding:
  default:
    other: "WhatsApp no funciona en este momento. Llámanos al {{.support_phone}}."
reply-apology:
  default:
    other: "Disculpa que no te hayamos respondido: WhatsApp no funciona. Llámanos al {{.support_phone}}."
`)}
	m, cat := exampletest.LoadFS(t, fsys, "regional")
	return m, cat
}

// A text read only in Peru is Peru's; one read in Spain and Peru at once
// is the base's, also when only Peru's texts are previewed; a reply, to
// one person in Peru, is Peru's on any channel.
func TestRegionalReaders(t *testing.T) {
	m, cat := regionalManual(t)
	p := m.Playbook("whatsapp-down")
	for _, market := range []string{"", "es-pe"} {
		anns, err := render.Playbook(m, cat, p, render.Options{Step: "holding", Market: market, Examples: true, Clock: marketClock})
		if err != nil {
			t.Fatal(err)
		}
		pe, all := find(t, anns, "holding", "web-pe", "es"), find(t, anns, "holding", "web-all", "es")
		if pe.Region != "es-PE" || pe.Text != "WhatsApp no funciona en este momento. Llámanos al 0800 12345." {
			t.Errorf("market %q: web-pe reads %q from %q, want Peru's text", market, pe.Text, pe.Region)
		}
		if all.Region != "" || !strings.HasPrefix(all.Text, "WhatsApp no funciona ahora mismo.") {
			t.Errorf("market %q: web-all, read in Spain and Peru, reads %q from %q, want the es text", market, all.Text, all.Region)
		}
		if market == "" {
			if es := find(t, anns, "holding", "web-es", "es"); es.Region != "" || !strings.HasPrefix(es.Text, "WhatsApp no funciona ahora mismo.") {
				t.Errorf("web-es reads %q from %q, want the es text", es.Text, es.Region)
			}
		}
	}
	r := m.Reply("apology")
	for _, c := range []struct{ channel, market, region, text string }{
		{"web-all", "es-pe", "es-PE", "Disculpa que no te hayamos respondido: WhatsApp no funciona. Llámanos al 0800 12345."},
		{"web-all", "es-es", "", "Sentimos no haberte contestado: WhatsApp no funciona. Cuéntanos aquí qué necesitas o llámanos al 900 123 456."},
	} {
		a, err := render.Reply(m, cat, p, r, m.Channel(c.channel), "es", render.Options{Market: c.market, Examples: true, Clock: marketClock})
		if err != nil {
			t.Fatal(err)
		}
		if a.Region != c.region || a.Text != c.text {
			t.Errorf("reply on %s for %s: %q from %q, want %q from %q", c.channel, c.market, a.Text, a.Region, c.text, c.region)
		}
	}
}
