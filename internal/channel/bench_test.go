package channel

import (
	"strings"
	"testing"
)

// mixedText builds about n bytes of the text a crisis team actually sends:
// Spanish, Polish, Portuguese, emoji sequences, URLs with and without a
// scheme, and CJK.
func mixedText(n int) string {
	parts := []string{
		"¿Dónde está el centro de atención? Mañana abrimos a las 9:00. ",
		"Zażółć gęślą jaźń: przerwa w dostawie prądu w Łodzi. ",
		"Atenção: o serviço será retomado às 18h, informações em https://status.example.com/incidentes/42. ",
		"Más detalles: example.org/aviso?id=7&lang=es 👨‍👩‍👧‍👦 🇪🇸 👍🏽 ",
		"停电通知：今晚十点恢复供电，请访问 http://例え.jp/お知らせ 查看。",
		"Plain ASCII update with a t.co link and #hashtags, €5 refunds [details]. ",
	}
	var b strings.Builder
	for b.Len() < n {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}

func benchMeasure(b *testing.B, kind, text string) {
	p := mustLookup(b, kind)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Measure(text)
	}
}

func BenchmarkMeasureSMS1MB(b *testing.B)      { benchMeasure(b, "sms", mixedText(1<<20)) }
func BenchmarkMeasureX1MB(b *testing.B)        { benchMeasure(b, "x", mixedText(1<<20)) }
func BenchmarkMeasureMastodon1MB(b *testing.B) { benchMeasure(b, "mastodon", mixedText(1<<20)) }
func BenchmarkMeasureBluesky1MB(b *testing.B)  { benchMeasure(b, "bluesky", mixedText(1<<20)) }

// Adversarial inputs must stay linear: long runs with no break, dots and
// accents, where a naive URL scan would go quadratic.
func BenchmarkMeasureXAdversarial1MB(b *testing.B) {
	text := strings.Repeat("a.", 1<<18) + strings.Repeat("é", 1<<18) + "http://" + strings.Repeat("日", 1<<17)
	benchMeasure(b, "x", text)
}

func BenchmarkSMSSegments1MB(b *testing.B) {
	text := mixedText(1 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SMSSegments(text)
	}
}
