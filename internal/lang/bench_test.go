package lang

import (
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// BenchmarkFirstMessage is what a command that prints interface text pays
// once: the bundle of the English messages and its language's, then the
// first message (the README's figure; budget 3 ms). Commands that print none,
// like crisis version, pay nothing: the catalogue is parsed on first use.
func BenchmarkFirstMessage(b *testing.B) {
	for _, tag := range Supported {
		b.Run(tag.String(), func(b *testing.B) {
			for b.Loop() {
				c := load(tag)
				l := &Localizer{Tag: tag, l: i18n.NewLocalizer(c.bundle, tag.String(), "en"), ids: c.ids}
				if l.T("cli.usage.usage", nil) == "" {
					b.Fatal("empty")
				}
			}
		})
	}
}
