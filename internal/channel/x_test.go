package channel

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestXConformance runs twitter-text's v3 weighting cases (the vendored
// validate.yml, section WeightedTweetsWithDiscountedEmojiCounterTest)
// through the X profile, so the wiring of limit, URL weight and validity
// is checked against the same outside reference as package twittertext.
func TestXConformance(t *testing.T) {
	raw, err := os.ReadFile("../twittertext/testdata/validate.yml")
	if err != nil {
		t.Fatal(err)
	}
	var suite struct {
		Tests struct {
			Cases []struct {
				Description string
				Text        string
				Expected    struct {
					WeightedLength int  `yaml:"weightedLength"`
					Valid          bool `yaml:"valid"`
				}
			} `yaml:"WeightedTweetsWithDiscountedEmojiCounterTest"`
		}
	}
	if err := yaml.Unmarshal(raw, &suite); err != nil {
		t.Fatal(err)
	}
	if len(suite.Tests.Cases) < 20 {
		t.Fatalf("only %d cases loaded", len(suite.Tests.Cases))
	}
	x := mustLookup(t, "x")
	for _, c := range suite.Tests.Cases {
		m := x.Measure(c.Text)
		if m.Length != c.Expected.WeightedLength || m.Fits != c.Expected.Valid {
			t.Errorf("%s: got length %d fits %v, want %d %v (problems %q)", c.Description,
				m.Length, m.Fits, c.Expected.WeightedLength, c.Expected.Valid, m.Problems)
		}
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
		// twitter-text links a bare "name.cc" since 2019 (extract.yml: "foo.jp").
		{"short ccTLD domain without path is a url", "foo.jp", 23},
		{"short ccTLD domain with path is a url", "foo.jp/a", 23},
		// A TLD the old hand-picked list missed: twitter-text weighs 31.
		{"regression: any TLD of tld_lib.yml", "see https://rioverde.photography now", 4 + 23 + 4},
		{"regression: TLD without a scheme", "visit rioverde.photography", 6 + 23},
		{"regression: punycode host", "http://bücher.de/x", 23},
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

func mustLookup(t testing.TB, kind string) Profile {
	t.Helper()
	p, ok := Lookup(kind)
	if !ok {
		t.Fatalf("Lookup(%q) failed", kind)
	}
	return p
}
