package channel

import (
	"encoding/json"
	"mime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestKindsAndLookup(t *testing.T) {
	kinds := Kinds()
	if !slices.IsSorted(kinds) {
		t.Fatal("Kinds is not sorted")
	}
	required := []string{"sms", "x", "telegram", "telegram-caption", "whatsapp", "whatsapp-header", "whatsapp-footer",
		"whatsapp-button", "instagram", "facebook", "slack", "slack-section", "slack-header", "mastodon", "bluesky",
		"signal", "push", "email-subject", "email", "linkedin", "voice", "website-banner", "status-page", "live-chat",
		"store-sign", "youtube", "tiktok", "pinterest", "snapchat", "twitch", "messenger", "website", "mobile-app", "phone"}
	for _, k := range required {
		p, ok := Lookup(k)
		if !ok || !slices.Contains(kinds, k) {
			t.Errorf("kind %q missing", k)
			continue
		}
		if p.Kind != k || p.Limit <= 0 || p.Description == "" || p.Source == "" {
			t.Errorf("kind %q incomplete: %+v", k, p)
		}
	}
	if p, ok := Lookup(" Phone "); !ok || p.counter != algoVoice || p.Kind != "phone" {
		t.Errorf("phone must be the voice script: %+v", p)
	}
	if _, ok := Lookup("carrier-pigeon"); ok {
		t.Error("unknown kind found")
	}
}

func TestSimpleChannels(t *testing.T) {
	cases := []struct {
		kind, text string
		unit       string
		length     int
		fits       bool
	}{
		{"telegram", "😀é", "UTF-16 units", 3, true},
		{"telegram", strings.Repeat("😀", 2048), "UTF-16 units", 4096, true},
		{"telegram-caption", strings.Repeat("a", 1025), "UTF-16 units", 1025, false},
		{"whatsapp-button", strings.Repeat("ó", 25), "characters", 25, true},
		{"whatsapp-button", "e\u0301" + strings.Repeat("a", 24), "characters", 25, true}, // NFC first
		{"whatsapp-header", strings.Repeat("a", 61), "characters", 61, false},
		{"signal", strings.Repeat("ł", 1024), "UTF-8 bytes", 2048, true},
		{"signal", strings.Repeat("ł", 1025), "UTF-8 bytes", 2050, false},
		{"store-sign", "👨‍👩‍👧‍👦 Cerrado", "graphemes", 9, true},
		{"linkedin", strings.Repeat("a", 3001), "characters", 3001, false},
		{"slack-header", strings.Repeat("a", 150), "characters", 150, true},
	}
	for _, c := range cases {
		m := mustLookup(t, c.kind).Measure(c.text)
		if m.Unit != c.unit || m.Length != c.length || m.Fits != c.fits || m.Channel != c.kind {
			t.Errorf("%s %.20q: got %+v", c.kind, c.text, m)
		}
	}
}

func TestMastodon(t *testing.T) {
	p := mustLookup(t, "mastodon")
	cases := map[string]int{
		"https://example.com/a/very/long/path?with=query":    23,
		"see http://x.org/abc and @alice@social.example.org": 4 + 23 + 5 + 6,
		"example.com without scheme counts as text":          len("example.com without scheme counts as text"),
		"👨‍👩‍👧‍👦🇪🇸":                                          2,
		"mail bob@example.org":                               len("mail bob@example.org"),
	}
	for text, want := range cases {
		if got := p.Measure(text).Length; got != want {
			t.Errorf("%q: %d, want %d", text, got, want)
		}
	}
	if m := p.WithLimit(1000).Measure(strings.Repeat("a", 600)); !m.Fits || m.Limit != 1000 {
		t.Errorf("server limit override: %+v", m)
	}
}

func TestBluesky(t *testing.T) {
	p := mustLookup(t, "bluesky")
	if m := p.Measure(strings.Repeat("a", 300)); !m.Fits || m.Length != 300 {
		t.Errorf("300 graphemes: %+v", m)
	}
	family := "👨‍👩‍👧‍👦" // 25 bytes, 1 grapheme
	m := p.Measure(strings.Repeat(family, 121))
	if m.Length != 121 || m.Bytes != 3025 || m.Fits || len(m.Problems) != 1 {
		t.Errorf("byte cap: %+v", m)
	}
}

func TestPush(t *testing.T) {
	p := mustLookup(t, "push")
	m := p.Measure(`Say "hi"`)
	want := len(`{"aps":{"alert":{"body":"Say \"hi\""}}}`)
	if m.Length != want || m.Bytes != want || m.Unit != "UTF-8 bytes" {
		t.Errorf("push payload: %+v, want %d", m, want)
	}
}

func TestInstagramHashtags(t *testing.T) {
	p := mustLookup(t, "instagram")
	tags := strings.Repeat("#tag ", 31)
	if m := p.Measure(tags); m.Fits || m.Hashtags != 31 || len(m.Problems) != 1 {
		t.Errorf("31 hashtags: %+v", m)
	}
	if m := p.WithHashtagCap(5).Measure("#uno #dos #tres #cuatro #cinco #seis"); m.Fits {
		t.Errorf("cap 5: %+v", m)
	}
	if n := countHashtags("#2025 is#not a#tag but #ñandú and ＃全角 are"); n != 2 {
		t.Errorf("hashtags counted %d, want 2", n)
	}
}

func TestEmailSubject(t *testing.T) {
	p := mustLookup(t, "email-subject")
	short := p.Measure("Aviso: servicio interrumpido")
	if !short.Fits || len(short.Problems) != 0 || short.Limit != 78 || short.EncodedSubject != "Aviso: servicio interrumpido" {
		t.Errorf("short subject: %+v", short)
	}
	long := p.Measure(strings.Repeat("a", 100))
	if !long.Fits || len(long.Problems) != 1 {
		t.Errorf("SHOULD: %+v", long)
	}
	if m := p.Measure(strings.Repeat("a", 999)); m.Fits {
		t.Errorf("MUST: %+v", m)
	}
	for _, s := range []string{"Przerwa w dostawie prądu – Łódź", "停电通知：今晚十点恢复供电", "Atenção"} {
		enc := EncodeSubject(s)
		if !strings.HasPrefix(enc, "=?utf-8?") {
			t.Errorf("%q not encoded: %q", s, enc)
		}
		dec, err := new(mime.WordDecoder).DecodeHeader(enc)
		if err != nil || dec != s {
			t.Errorf("%q round trip: %q, %v", s, dec, err)
		}
	}
}

func TestVoiceAndSlack(t *testing.T) {
	v := mustLookup(t, "voice")
	m := v.Measure(strings.Repeat("word ", 150))
	if m.ReadAloud != time.Minute || m.Limit != 4096 {
		t.Errorf("voice: %+v", m)
	}
	s := mustLookup(t, "slack")
	if m := s.Measure(strings.Repeat("a", 40001)); m.Fits || len(m.Problems) != 1 {
		t.Errorf("slack truncation: %+v", m)
	}
}

// TestJSONContract pins the keys the CLI prints.
func TestJSONContract(t *testing.T) {
	check := func(kind, text string, want []string) {
		raw, err := json.Marshal(mustLookup(t, kind).Measure(text))
		if err != nil {
			t.Fatal(err)
		}
		var obj map[string]any
		if err := json.Unmarshal(raw, &obj); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		slices.Sort(want)
		if !slices.Equal(keys, want) {
			t.Errorf("%s JSON keys %v, want %v (%s)", kind, keys, want, raw)
		}
	}
	base := []string{"channel", "unit", "length", "limit", "fits"}
	check("x", "hola", base)
	check("voice", "hola", base)
	check("email-subject", "hóla", base)
	check("sms", "hola", append(slices.Clone(base), "encoding", "segments"))
	check("sms", "hóla", append(slices.Clone(base), "encoding", "segments", "forcing"))
}

func TestWithLimitIgnoresNonPositive(t *testing.T) {
	p := mustLookup(t, "x")
	if p.WithLimit(0).Limit != 280 || p.WithLimit(-5).Limit != 280 || p.WithLimit(100).Limit != 100 {
		t.Error("WithLimit")
	}
}
