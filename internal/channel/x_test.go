package channel

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

type xCase struct {
	Description string `json:"description"`
	Text        string `json:"text"`
	Weighted    int    `json:"weighted"`
	Valid       bool   `json:"valid"`
}

// TestXConformance runs the twitter-text v3 conformance cases transcribed in
// testdata/x_conformance.json.
func TestXConformance(t *testing.T) {
	raw, err := os.ReadFile("testdata/x_conformance.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Cases []xCase }
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) < 20 {
		t.Fatalf("only %d cases loaded", len(file.Cases))
	}
	x := mustLookup(t, "x")
	for _, c := range file.Cases {
		t.Run(c.Description, func(t *testing.T) {
			m := x.Measure(c.Text)
			if m.Length != c.Weighted || m.Fits != c.Valid {
				t.Errorf("got length %d fits %v, want %d %v (problems %q)", m.Length, m.Fits, c.Weighted, c.Valid, m.Problems)
			}
		})
	}
}

func TestXWeights(t *testing.T) {
	x := mustLookup(t, "x")
	cases := []struct {
		name, text string
		want       int
	}{
		{"brief: url", "Hi http://test.co", 26},
		{"brief: family", "H🐱☺👨‍👩‍👧‍👦", 7},
		{"euro weighs 2", "€", 2},
		{"ellipsis weighs 2", "…", 2},
		{"bullet weighs 2", "•", 2},
		{"bidi isolates weigh 2 each", "\u2068abc\u2069", 7},
		{"spanish", "¿Dónde está?", 12},
		{"polish", "Zażółć gęślą jaźń", 17},
		{"decomposed polish is normalized", "z\u0307", 1},
		{"keycap", "1\ufe0f\u20e3", 2},
		{"bare keycap", "1\u20e3", 2},
		{"flag", "🇪🇸", 2},
		{"text-style copyright", "©", 1},
		{"emoji-style copyright", "©\ufe0f", 2},
		{"url with trailing period", "see example.com.", 4 + 23 + 1},
		{"short ccTLD domain without path is text", "foo.jp", 6},
		{"short ccTLD domain with path is a url", "foo.jp/a", 23},
		{"url in parentheses", "(https://example.com/a_(b))", 25},
		{"url after @ is not a url", "@example.com", 12},
		{"ftp is not a scheme", "ftp://x", 7},
		{"uppercase scheme", "HTTPS://www.ExaMPLE.COM/index.html", 23},
		{"cyrillic path", "http://example.com/Русские_слова", 23},
		{"port", "http://example.com:8080/x", 23},
		{"query with trailing punctuation", "http://example.com?foo=$bar.;baz?BAZ&c=d-#top/?stories+", 23 + 1},
	}
	for _, c := range cases {
		if got := x.Measure(c.text).Length; got != c.want {
			t.Errorf("%s: %q weighs %d, want %d", c.name, c.text, got, c.want)
		}
	}
}

func TestXInvalidAndEmpty(t *testing.T) {
	x := mustLookup(t, "x")
	for _, text := range []string{"", "a\ufeffb", "\ufffe", "\uffff"} {
		m := x.Measure(text)
		if m.Fits || len(m.Problems) == 0 {
			t.Errorf("%q: fits=%v problems=%q, want invalid with a problem", text, m.Fits, m.Problems)
		}
	}
	if m := x.Measure(strings.Repeat("a", 280)); !m.Fits {
		t.Error("280 ASCII characters must fit")
	}
}

func TestPunycodeLength(t *testing.T) {
	cases := map[string]int{
		"bücher":  len("xn--bcher-kva"),
		"☃":       len("xn--n3h"),
		"example": 7,
		"münchen": len("xn--mnchen-3ya"),
		"日本語":     len("xn--wgv71a119e"),
	}
	for label, want := range cases {
		if got := asciiLabelLen(label); got != want {
			t.Errorf("asciiLabelLen(%q) = %d, want %d", label, got, want)
		}
	}
}

func mustLookup(t testing.TB, kind string) Profile {
	t.Helper()
	p, ok := Lookup(kind)
	if !ok {
		t.Fatalf("Lookup(%q) failed", kind)
	}
	return p
}
