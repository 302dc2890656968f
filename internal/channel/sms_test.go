package channel

import (
	"slices"
	"strings"
	"testing"
)

func TestSMSTwilioCases(t *testing.T) {
	sms := mustLookup(t, "sms")
	digits := func(n int) string { return strings.Repeat("1", n) }
	cases := []struct {
		name, text string
		enc        string
		length     int
		segments   int
	}{
		{"160 digits", digits(160), EncodingGSM7, 160, 1},
		{"161 digits", digits(161), EncodingGSM7, 161, 2},
		// Twilio's escape-character cases: "{" + 158 digits is 159 characters
		// but 160 septets (1 segment); "{" + 159 digits is 161 septets (2).
		{"twilio { + 158 digits", "{" + twilioDigits(158), EncodingGSM7, 160, 1},
		{"twilio { + 159 digits", "{" + twilioDigits(159), EncodingGSM7, 161, 2},
		{"€ + 158 digits", "€" + digits(158), EncodingGSM7, 160, 1},
		{"€ + 159 digits", "€" + digits(159), EncodingGSM7, 161, 2},
		{"€ + 160 digits", "€" + digits(160), EncodingGSM7, 162, 2},
		{"twilio 😜 + 68 digits", "😜" + twilioDigits(68), EncodingUCS2, 70, 1},
		{"twilio 😜 + 69 digits", "😜" + twilioDigits(69), EncodingUCS2, 71, 2},
		{"emoji + 68 digits", "😀" + digits(68), EncodingUCS2, 70, 1},
		{"emoji + 69 digits", "😀" + digits(69), EncodingUCS2, 71, 2},
		{"306 septets", digits(306), EncodingGSM7, 306, 2},
		{"307 septets", digits(307), EncodingGSM7, 307, 3},
		{"134 units", "ó" + digits(133), EncodingUCS2, 134, 2},
		{"135 units", "ó" + digits(134), EncodingUCS2, 135, 3},
		{"empty", "", EncodingGSM7, 0, 0},
	}
	for _, c := range cases {
		m := sms.Measure(c.text)
		if m.Encoding != c.enc || m.Length != c.length || m.Segments != c.segments {
			t.Errorf("%s: got %s %d units %d segments, want %s %d %d", c.name, m.Encoding, m.Length, m.Segments, c.enc, c.length, c.segments)
		}
	}
}

// twilioDigits returns the digit run of the message-segment-calculator test
// bodies: "2345678901..." of n digits.
func twilioDigits(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte(byte('0' + (i+2)%10))
	}
	return b.String()
}

// TestSMSEscapePairNotSplit: an escape pair straddling the 153-septet
// boundary moves whole to the next part.
func TestSMSEscapePairNotSplit(t *testing.T) {
	text := strings.Repeat("a", 152) + "€" + strings.Repeat("b", 10)
	parts := SMSSegments(text)
	if len(parts) != 2 || parts[0] != strings.Repeat("a", 152) || !strings.HasPrefix(parts[1], "€") {
		t.Fatalf("escape pair split badly: %q", parts)
	}
}

func TestSMSSurrogateAndClusterNotSplit(t *testing.T) {
	family := "👨‍👩‍👧‍👦" // 11 UTF-16 units, one grapheme cluster
	text := strings.Repeat("ó", 60) + family + strings.Repeat("x", 10)
	parts := SMSSegments(text)
	if len(parts) != 2 || parts[0] != strings.Repeat("ó", 60) || !strings.HasPrefix(parts[1], family) {
		t.Fatalf("cluster split badly: %q", parts)
	}
	text = strings.Repeat("ó", 66) + "😀" + "xxx" // 71 units: 66 + (2 does not fit in 67)
	parts = SMSSegments(text)
	if len(parts) != 2 || parts[1] != "😀xxx" {
		t.Fatalf("surrogate pair split badly: %q", parts)
	}
}

func TestSMSOversizedClusterIsCut(t *testing.T) {
	text := "a" + strings.Repeat("\u0301", 200) // one cluster of 201 units
	parts := SMSSegments(text)
	if strings.Join(parts, "") != text || len(parts) != 3 { // 3 x 67 units
		t.Fatalf("got %d parts", len(parts))
	}
}

func TestSMSLanguages(t *testing.T) {
	sms := mustLookup(t, "sms")
	cases := []struct {
		name, text string
		enc        string
		forcing    []string
	}{
		{"spanish GSM letters", "¿Qué pasó? ¡Él está aquí! Niño, cigüeña, Ñandú.", EncodingUCS2, []string{"ó", "á", "í", "ú"}},
		{"spanish without á í ó ú", "¿Qué? ¡Sí... no! Mañana, España, pingüino.", EncodingUCS2, []string{"í"}},
		{"gsm spanish", "¿Dónde?", EncodingUCS2, []string{"ó"}},
		{"pure gsm", "é è ù ì ò à É Ñ ñ Ü ü Ä ä Ö ö ¿ ¡ £ ¥ § ß Å å Æ æ Ø ø Ç", EncodingGSM7, nil},
		{"polish", "Zażółć gęślą jaźń", EncodingUCS2, []string{"ż", "ó", "ł", "ć", "ę", "ś", "ą", "ź", "ń"}},
		{"each character once, however often it comes", "Łódź, Łódź, óŁó", EncodingUCS2, []string{"Ł", "ó", "ź"}},
		{"more than a few, repeated", "Zażółć gęślą jaźń: żółć, ą, 😀 i 😀 ń", EncodingUCS2, []string{"ż", "ó", "ł", "ć", "ę", "ś", "ą", "ź", "ń", "😀"}},
		{"portuguese", "Atenção: não há serviço, você", EncodingUCS2, []string{"ç", "ã", "á", "ê"}},
		{"lowercase ç forces, capital Ç does not", "Ç", EncodingGSM7, nil},
		{"curly quote", "It’s closed…", EncodingUCS2, []string{"’", "…"}},
		{"extension table", "^{}\\[~]|€\f", EncodingGSM7, nil},
	}
	for _, c := range cases {
		m := sms.Measure(c.text)
		if m.Encoding != c.enc || !slices.Equal(m.Forcing, c.forcing) {
			t.Errorf("%s: got %s forcing %q, want %s %q", c.name, m.Encoding, m.Forcing, c.enc, c.forcing)
		}
	}
	if m := sms.Measure("^{}\\[~]|€\f"); m.Length != 20 {
		t.Errorf("extension characters cost %d septets, want 20", m.Length)
	}
}

func TestSMSLimitIsSegments(t *testing.T) {
	sms := mustLookup(t, "sms")
	if sms.SegmentLimit != 3 || sms.Limit != 459 {
		t.Fatalf("default sms profile: %d segments, limit %d", sms.SegmentLimit, sms.Limit)
	}
	text := strings.Repeat("a", 200) // 2 segments
	if m := sms.WithLimit(1).Measure(text); m.Fits || m.Limit != 160 || m.Segments != 2 {
		t.Errorf("1 segment: %+v", m)
	}
	if m := sms.WithLimit(2).Measure(text); !m.Fits || m.Limit != 306 {
		t.Errorf("2 segments: %+v", m)
	}
	if m := sms.Measure(strings.Repeat("ł", 202)); m.Fits || m.Limit != 201 || m.Unit != "UTF-16 units" {
		t.Errorf("UCS-2 3 segments: %+v", m)
	}
	if m := sms.Measure("e\u0301"); len(m.Problems) == 0 {
		t.Error("non-NFC text must be reported")
	}
}

func TestGSMAlternative(t *testing.T) {
	for _, r := range "’‘“”…–—\u00a0«»" {
		alt, ok := GSMAlternative(r)
		if !ok {
			t.Errorf("%q has no alternative", r)
			continue
		}
		for _, a := range alt {
			if !IsGSM(a) {
				t.Errorf("alternative %q of %q is not GSM-7", alt, r)
			}
		}
	}
	for _, r := range "áíóúçãõâêôąćęłńśźż😀" {
		if _, ok := GSMAlternative(r); ok {
			t.Errorf("%q is a deliberate letter, it must have no alternative", r)
		}
	}
}
