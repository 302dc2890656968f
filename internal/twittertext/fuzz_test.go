package twittertext

import (
	"strings"
	"testing"
)

// FuzzExtract checks what any text must give: spans in order, not
// overlapping, on character boundaries, each starting with a scheme or an
// ASCII letter or digit; and Parse never panics.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "see https://rioverde.photography now", "foo.jp/a b.co", "http://☃.net/",
		"twitter.jp日本語it.so中国語foo.jp", "a.a.a.a.com", "(https://example.com/a_(b))", "日本http://example.com",
		"http://t.co/abc?x=1", "xn--p1ai.xn--p1ai", "\u2066\u202Atwitter.com\u202C\u2069", "\xff.com", "a-.com _a.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		Parse(text, V3)
		for _, find := range []func(string) []Span{ExtractURLs, ExtractURLsWithScheme} {
			last := 0
			for _, sp := range find(text) {
				if sp.Start < last || sp.End <= sp.Start || sp.End > len(text) {
					t.Fatalf("bad span %v after %d in %q", sp, last, text)
				}
				u := text[sp.Start:sp.End]
				if schemeLen(u) == 0 && !isASCIIAlnum(u[0]) && !strings.HasPrefix(u, "-") && !isLatinAccent([]rune(u)[0]) {
					t.Fatalf("URL %q starts oddly in %q", u, text)
				}
				last = sp.End
			}
		}
	})
}
