package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// urlSpan is the byte range of a URL found in a text.
type urlSpan struct{ start, end int }

// maxURLLen is twitter-text's cap on a URL (with its host punycode-encoded).
const maxURLLen = 4096

// extractURLs finds URLs the way twitter-text's extractor does, closely
// enough for counting: an optional http:// or https://, a host of labels
// ending in a known TLD (scheme-less URLs need an ASCII host), an optional
// port, path and query, with trailing punctuation left out. Matches do not
// overlap and come in order.
//
// Deliberate simplifications: a URL may not start right after a Latin letter
// with an accent (twitter-text allows it; forbidding it keeps the scan
// linear), Unicode punctuation never belongs to a host, and the t.co path
// truncation is not applied.
func extractURLs(s string, withoutScheme bool) []urlSpan {
	var spans []urlSpan
	prev := rune(-1)
	for i := 0; i < len(s); {
		if c := s[i]; isASCIIAlnum(c) && prev >= 0 && prev < utf8.RuneSelf && isASCIIAlnum(byte(prev)) {
			// Inside an ASCII word no URL can start: skip the rest of it.
			j := i + 1
			for j < len(s) && isASCIIAlnum(s[j]) {
				j++
			}
			prev, i = rune(s[j-1]), j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if canPrecedeURL(prev) {
			if end, ok := matchURLAt(s, i, prev, withoutScheme); ok {
				spans = append(spans, urlSpan{i, end})
				prev, _ = utf8.DecodeLastRuneInString(s[i:end])
				i = end
				continue
			}
		}
		prev = r
		i += size
	}
	return spans
}

// canPrecedeURL reports whether a URL may start after r (-1: text start).
func canPrecedeURL(r rune) bool {
	switch {
	case r < 0:
		return true
	case r < utf8.RuneSelf:
		return !isASCIIAlnum(byte(r)) && r != '@' && r != '$' && r != '#'
	}
	return r != '＠' && r != '＃' && !xInvalid(r) && !isLatinAccent(r)
}

// matchURLAt tries a URL starting at s[i:], first with a scheme, then
// without one when allowed.
func matchURLAt(s string, i int, prev rune, withoutScheme bool) (int, bool) {
	c := s[i]
	if c == 'h' || c == 'H' {
		for _, scheme := range [...]string{"https://", "http://"} {
			if len(s)-i >= len(scheme) && strings.EqualFold(s[i:i+len(scheme)], scheme) {
				if end, ok := matchURLBody(s, i, len(scheme)); ok {
					return end, true
				}
			}
		}
	}
	if !withoutScheme || !isASCIIAlnum(c) || prev == '-' || prev == '_' || prev == '.' || prev == '/' {
		return 0, false
	}
	if !dotAhead(s, i) {
		return 0, false
	}
	return matchURLBody(s, i, 0)
}

// dotAhead is a cheap pre-check for a scheme-less URL: the first label
// (letters, digits, '-', or any non-ASCII byte) must be followed by '.'.
func dotAhead(s string, i int) bool {
	for i < len(s) && (isASCIIAlnum(s[i]) || s[i] == '-' || s[i] >= utf8.RuneSelf) {
		i++
	}
	return i < len(s) && s[i] == '.'
}

// matchURLBody matches host, port, path and query after a scheme of
// schemeLen bytes (0: none) and validates the host.
func matchURLBody(s string, start, schemeLen int) (int, bool) {
	hostStart := start + schemeLen
	hostEnd, labels, ok := matchHost(s, hostStart, schemeLen == 0)
	if !ok {
		return 0, false
	}
	end := matchPort(s, hostEnd)
	pathStart := end
	if end < len(s) && s[end] == '/' {
		end = matchPath(s, end)
	}
	hasPath := end > pathStart
	if end < len(s) && s[end] == '?' {
		end = matchQuery(s, end)
	}
	if schemeLen == 0 && !hasPath && isShortCcDomain(labels) {
		return 0, false // "foo.jp" alone is not a link, "foo.co" and "foo.tv" are
	}
	if !validHost(labels, end-start) {
		return 0, false
	}
	return end, true
}

// isShortCcDomain reports a bare "name.cc" host with a country-code TLD other
// than co and tv, which twitter-text does not link without a scheme.
func isShortCcDomain(labels []string) bool {
	if len(labels) != 2 {
		return false
	}
	tld := strings.ToLower(labels[1])
	return ccTLDSet[tld] && tld != "co" && tld != "tv"
}

// validHost applies twitter-text's isValidUrl: every label fits DNS once
// punycode-encoded, and the URL with its encoded host stays under 4096.
func validHost(labels []string, urlLen int) bool {
	extra := 0
	for _, l := range labels {
		n := asciiLabelLen(l)
		if n == 0 || n > maxLabelLen {
			return false
		}
		extra += n - len(l)
	}
	return urlLen+extra <= maxURLLen
}

func matchPort(s string, i int) int {
	if i+1 < len(s) && s[i] == ':' && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i
}

func isASCIIAlnum(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isLatinAccent approximates twitter-text's latinAccentChars: Latin-1 and
// Latin Extended letters, combining diacritics and Latin Extended Additional.
func isLatinAccent(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x250 && r <= 0x2BB:
		return unicode.IsLetter(r)
	case r >= 0x300 && r <= 0x36F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	}
	return false
}
