package render_test

import (
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// BenchmarkRenderAll renders every announcement of the example manual in
// every channel and locale, catalog included, as `render --all` does.
func BenchmarkRenderAll(b *testing.B) {
	m, _, _ := manual.Load(manual.Builtin(), "b")
	for b.Loop() {
		cat, _ := message.NewCatalog(m)
		for _, p := range m.Playbooks {
			if _, err := render.Playbook(m, cat, p, render.Options{Examples: true, Clock: render.Clock{Start: time.Now(), NextUpdate: time.Now()}}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
