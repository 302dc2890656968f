package channel

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// mixedPieces mixes characters that are clusters of their own with
// characters that join (combining marks, ZWJ, variation selectors,
// regional indicators, Hangul jamo, prepend, emoji modifiers), GSM-7
// escapes, surrogate pairs, NFC singletons and invalid bytes.
var mixedPieces = []string{"a", "Z", " ", "{", "}", "[", "]", "~", "^", "|", "\\", "€", "é", "ą", "中", "😀", "👍", "\U0001F3FB",
	"\r", "\n", "\r\n", "\u0301", "\u200d", "\ufe0f", "\U0001F1E6", "\U0001F1F8", "\u1100", "\u1161", "\u11a8", "\uac00", "\uac01",
	"\u0600", "\u0915", "\u094d", "\u0958", "\u212b", "\u2126", "\u0085", "\x80", "\xff", "\xe2\x82", "\xac", "ß", "Ω", "Ä", "ñ", "ü", "@", "$", "£", "¥", "\t", "\u00a0"}

// TestSMSFitsWithinRandomMeasure: for random texts drawn from mixedPieces,
// whenever the proof from the summed pieces says a text fits, the
// splitter (Profile.Measure) agrees, for 1 to 4 segments and with a drill
// mark in front.
func TestSMSFitsWithinRandomMeasure(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	sms, _ := Lookup("sms")
	proved, joined := 0, 0
	marks := []string{"[DRILL]", "[ĆWICZENIA]", "[SIMULACRO]", "[€XERCISE]", "😀"}
	for range 200000 {
		var b strings.Builder
		mark := marks[rng.IntN(len(marks))]
		b.WriteString(mark + " ")
		u := SMSUnitsOf(mark).Plus(SMSUnitsOf(" "))
		n := rng.IntN(480)
		for range n {
			var p string
			if rng.IntN(4) == 0 {
				p = mixedPieces[rng.IntN(len(mixedPieces))]
			} else {
				p = mixedPieces[rng.IntN(12)]
			}
			b.WriteString(p)
			u = u.Plus(SMSUnitsOf(p))
		}
		text := b.String()
		if u.Alone && !utf8.ValidString(text) {
			t.Fatalf("%q: invalid text alone", text)
		}
		if !u.Alone {
			joined++
		}
		proved += provedFit(t, sms, text, u, 4)
	}
	if proved == 0 || joined == 0 {
		t.Fatalf("proved %d, joined %d: the test checks nothing", proved, joined)
	}
	t.Logf("proved %d", proved)
}

// TestSMSFitsWithinRandomRunes: random code points of the whole range.
func TestSMSFitsWithinRandomRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	sms, _ := Lookup("sms")
	proved := 0
	for range 20000 {
		var b strings.Builder
		u := SMSUnits{Alone: true}
		for range rng.IntN(200) {
			var r rune
			switch rng.IntN(3) {
			case 0:
				r = rune(rng.IntN(0x80))
			case 1:
				r = rune(rng.IntN(0x3000))
			default:
				r = rune(rng.IntN(0x20000))
			}
			s := string(r)
			b.WriteString(s)
			u = u.Plus(SMSUnitsOf(s))
		}
		text := b.String()
		proved += provedFit(t, sms, text, u, 3)
	}
	t.Logf("proved %d", proved)
}

// provedFit checks, for 1 to most segments allowed, that a text whose
// units the proof passes fits when measured; it returns how many passed.
func provedFit(t *testing.T, sms Profile, text string, u SMSUnits, most int) int {
	t.Helper()
	proved := 0
	for segs := 1; segs <= most; segs++ {
		p := sms.WithLimit(segs)
		if p.SMSFitsWithin(u) {
			proved++
			if m := p.Measure(text); !m.Fits {
				t.Fatalf("%d segments: %q proved (%+v) but measures %d segments", segs, text, u, m.Segments)
			}
		}
	}
	return proved
}
