package channel

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// smsPieces are pieces of SMS texts whose characters are each a cluster
// of their own: GSM-7 letters (one septet), escaped ones (two), letters
// GSM-7 lacks (UCS-2), a pictograph (a surrogate pair), CR LF (one
// cluster of two) and a lone CR.
var smsPieces = []string{"a", "Hello ", "{", "€", "é", "ą", "Ć", "中", "😀", "\r\n", "\r", "\n", ". ", "[ĆWICZENIA] ", "Łódź", "ÿ"}

// TestSMSFitsWithin: every text made of such pieces that SMSFitsWithin
// passes fits when measured, for 1 to 4 segments allowed; the pieces'
// units add up to the text's own; and texts of the most units the proof
// allows, made of the costliest characters, pass and fit.
func TestSMSFitsWithin(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sms, _ := Lookup("sms")
	proved := 0
	for range 3000 {
		var b strings.Builder
		u := SMSUnits{Alone: true}
		for range rng.IntN(260) {
			p := smsPieces[rng.IntN(len(smsPieces))]
			b.WriteString(p)
			u = u.Plus(SMSUnitsOf(p))
		}
		text := b.String()
		if whole := SMSUnitsOf(text); whole != u {
			t.Fatalf("%q: pieces count %+v, the whole %+v", text, u, whole)
		}
		if !u.Alone {
			t.Fatalf("%q: not alone", text)
		}
		proved += provedFit(t, sms, text, u, 4)
	}
	if proved == 0 {
		t.Fatal("nothing proved: the test checks nothing")
	}
	// At the edge: 3 x 152 septets of letters and of escaped characters,
	// 3 x 66 units of surrogate pairs and of CR LF (UCS-2 by its first
	// letter); one more character is past it.
	for _, text := range []string{strings.Repeat("a", 456), strings.Repeat("{", 228), strings.Repeat("😀", 99), "ą" + strings.Repeat("\r\n", 98) + "a"} {
		u := SMSUnitsOf(text)
		if !sms.SMSFitsWithin(u) || !sms.Measure(text).Fits {
			t.Errorf("%q (%+v): proved %v, fits %v", text[:4], u, sms.SMSFitsWithin(u), sms.Measure(text).Fits)
		}
		if sms.SMSFitsWithin(u.Plus(SMSUnitsOf("a"))) {
			t.Errorf("%q and one more: proved past the edge", text[:4])
		}
	}
	// A character joining its neighbours proves nothing: here a combining
	// accent.
	if u := SMSUnitsOf("e\u0301"); u.Alone || sms.SMSFitsWithin(u) {
		t.Errorf("combining accent: %+v proved", u)
	}
	for _, p := range []Profile{mustLookup(t, "x"), mustLookup(t, "status-page")} {
		if p.SMSFitsWithin(SMSUnits{Alone: true}) {
			t.Errorf("%s: not an SMS, proved", p.Kind)
		}
	}
}

// TestAlone: a character alone is a cluster of its own next to any other
// alone, whatever their classes: every character of the BMP and a few
// planes beyond, after and before one of each class that is alone (a
// letter, a control, CR, LF, a pictograph, a CJK ideograph, a letter with
// its accent composed); and the classes that join are not alone.
func TestAlone(t *testing.T) {
	partners := []rune{'a', '\x01', '\r', '\n', '😀', '中', 'é', 'ą', '\u0E40' /* Thai, Other */}
	for _, p := range partners {
		if !alone(p) && p >= 0x80 {
			t.Fatalf("partner %U not alone", p)
		}
	}
	for r := rune(0x80); r < 0x30000; r++ {
		if r >= 0xD800 && r < 0xE000 || !alone(r) {
			continue
		}
		for _, p := range partners {
			for _, pair := range []string{string(p) + string(r), string(r) + string(p)} {
				if first, _, _, _ := uniseg.FirstGraphemeClusterInString(pair, -1); len(first) == len(pair) && pair != "\r\n" {
					t.Fatalf("%U next to %U is one cluster", r, p)
				}
			}
		}
	}
	for _, r := range []rune{'\u0301', '\u200D', '\u0903', '\u0600', '\U0001F1EA', '\u1100', '\u1161', '\u11A8', '\uAC00', '\uAC01'} {
		if alone(r) {
			t.Errorf("%U is alone", r)
		}
	}
}
