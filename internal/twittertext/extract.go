package twittertext

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Span is the byte range of a URL in a text.
type Span struct{ Start, End int }

// maxURLLen is twitter-text's cap on a URL, counted in UTF-16 units with
// its scheme ("https://" when it has none) and its host punycode-encoded.
const maxURLLen = 4096

// maxTcoSlugLen is the longest t.co slug twitter-text links.
const maxTcoSlugLen = 40

// defaultSchemeLen is the length of "https://", which a URL without a
// scheme is counted with.
const defaultSchemeLen = len("https://")

// ExtractURLs finds the URLs twitter-text's extractUrlsWithIndices finds by
// default: with an http:// or https:// scheme, and without one (then only
// the ASCII part of the host, after a character other than '-', '_', '.'
// and '/'). Spans do not overlap and come in order.
func ExtractURLs(text string) []Span { return extract(text, true) }

// ExtractURLsWithScheme finds only the URLs written with http:// or
// https:// (twitter-text's extractUrlsWithoutProtocol: false).
func ExtractURLsWithScheme(text string) []Span { return extract(text, false) }

// extract follows twitter-text's extractUrl regular expression as a scanner.
// The expression is matched from left to right; a match it then rejects
// (an invalid host, a scheme-less URL after a forbidden character) is
// skipped as a whole, as the expression's global search does.
func extract(s string, withoutScheme bool) []Span {
	if !strings.Contains(s, ".") || (!withoutScheme && !strings.Contains(s, ":")) {
		return nil
	}
	if len(s) > math.MaxInt32 {
		// The host cache keeps int32 offsets. A text this long is far over
		// any post's limit whatever its URLs count.
		return nil
	}
	var (
		spans []Span
		hosts hostCache
	)
	prev := rune(-1) // the code point before i; -1 at the start of the text
	for i := 0; i < len(s); {
		if isASCIIAlnum(s[i]) && prev >= 0 && prev < utf8.RuneSelf && isASCIIAlnum(byte(prev)) {
			// Inside an ASCII word no URL can start: skip the rest of it.
			j := i + 1
			for j < len(s) && isASCIIAlnum(s[j]) {
				j++
			}
			prev, i = rune(s[j-1]), j
			continue
		}
		if canPrecedeURL(prev) {
			if m, ok := matchURL(s, i, &hosts); ok {
				spans = m.accept(s, spans, prev, withoutScheme)
				// The next URL needs a preceding character of its own,
				// after this match.
				i = m.end
				if i < len(s) {
					r, size := utf8.DecodeRuneInString(s[i:])
					prev, i = r, i+size
				}
				continue
			}
			if e := hosts.wordEnd(s, i); e > i {
				// No URL starts anywhere in this word: skip it.
				prev, _ = utf8.DecodeLastRuneInString(s[:e])
				i = e
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		prev, i = r, i+size
	}
	return spans
}

// canPrecedeURL is twitter-text's validUrlPrecedingChars: anything but an
// ASCII letter or digit, '@', '$', '#' (and their fullwidth forms) or an
// invalid character; directional marks are explicitly allowed. -1 is the
// start of the text.
func canPrecedeURL(r rune) bool {
	switch {
	case r < 0:
		return true
	case r < utf8.RuneSelf:
		return !isASCIIAlnum(byte(r)) && r != '@' && r != '$' && r != '#'
	}
	return r != '＠' && r != '＃' && !IsInvalidChar(r)
}

// urlMatch is one match of the extractUrl expression, before twitter-text's
// checks on it.
type urlMatch struct {
	start, end         int // the whole URL
	hostStart, hostEnd int
	scheme             bool // written with http:// or https://
	path               bool // a path follows the host (and port)
}

// matchURL matches the extractUrl expression at s[i:]: an optional scheme,
// a host, an optional port, path and query.
func matchURL(s string, i int, hosts *hostCache) (urlMatch, bool) {
	m := urlMatch{start: i}
	hostStart := i
	if n := schemeLen(s[i:]); n > 0 {
		if end, ok := hosts.match(s, i+n); ok {
			m.scheme, hostStart, m.hostEnd = true, i+n, end
		}
	}
	if !m.scheme {
		end, ok := hosts.match(s, i)
		if !ok {
			return m, false
		}
		m.hostEnd = end
	}
	m.hostStart = hostStart
	end := matchPort(s, m.hostEnd)
	if end < len(s) && s[end] == '/' {
		m.path = true
		end = matchPath(s, end)
	}
	if end < len(s) && s[end] == '?' {
		end = matchQuery(s, end)
	}
	m.end = end
	return m, true
}

// schemeLen returns the length of a leading "http://" or "https://" (any
// case), or 0.
func schemeLen(s string) int {
	if len(s) == 0 || s[0]|0x20 != 'h' {
		return 0
	}
	for _, scheme := range [...]string{"https://", "http://"} {
		if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return len(scheme)
		}
	}
	return 0
}

// accept applies twitter-text's checks to a match and appends what it
// links: the URL itself when written with a scheme (a t.co link cut after
// its slug and query), or, without a scheme, each ASCII-only domain in the
// host, the last one carrying the path.
func (m urlMatch) accept(s string, spans []Span, prev rune, withoutScheme bool) []Span {
	host := s[m.hostStart:m.hostEnd]
	schemeLen := m.hostStart - m.start
	if schemeLen == 0 {
		schemeLen = defaultSchemeLen
	}
	if !validHostAndLength(host, schemeLen+utf16Len(s[m.start:m.end])-utf16Len(host)) {
		return spans
	}
	if m.scheme {
		end := m.end
		if slug, tcoEnd, ok := matchTco(s[m.start:m.end]); ok {
			if slug > maxTcoSlugLen {
				return spans
			}
			end = m.start + tcoEnd
		}
		return append(spans, Span{m.start, end})
	}
	if !withoutScheme || strings.ContainsRune("-_./", prev) {
		return spans
	}
	n := len(spans)
	for from := 0; from < len(host); {
		start, end, ok := findASCIIDomain(host, from)
		if !ok {
			break
		}
		spans = append(spans, Span{m.hostStart + start, m.hostStart + end})
		from = end
	}
	if len(spans) > n && m.path {
		spans[len(spans)-1].End = m.end
	}
	return spans
}

// matchTco matches twitter-text's validTcoUrl at the start of url,
// "http(s)://t.co/SLUG" and an optional query, returning the slug's length
// and the end of the match.
func matchTco(url string) (slug, end int, ok bool) {
	n := schemeLen(url)
	if n == 0 || len(url) < n+5 || !strings.EqualFold(url[n:n+5], "t.co/") {
		return 0, 0, false
	}
	end = n + 5
	for end < len(url) && isASCIIAlnum(url[end]) {
		end++
	}
	slug = end - n - 5
	if slug == 0 {
		return 0, 0, false
	}
	if end < len(url) && url[end] == '?' {
		end = matchQuery(url, end)
	}
	return slug, end, true
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

// matchPath matches twitter-text's "/" validUrlPath* at s[i] == '/' and
// returns its end: path characters and balanced parentheses, ending on a
// character that may end a URL, so trailing '.', ',', '!' or ')' stay out.
func matchPath(s string, i int) int {
	last := i + 1 // "/" itself may end a path
	for j := i + 1; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '(':
			end, ok := matchParens(s, j)
			if !ok {
				return last
			}
			j, last = end, end
		case isPathRune(r):
			j += size
			if isPathEndRune(r) {
				last = j
			}
		default:
			return last
		}
	}
	return last
}

// matchParens matches validUrlBalancedParens at s[i] == '(': path
// characters in parentheses, with at most one nested pair holding at least
// one character, as in Wikipedia links.
func matchParens(s string, i int) (int, bool) {
	depth, inner, nested := 0, 0, false
	for j := i; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		j += size
		switch {
		case r == '(' && depth == 0, r == '(' && depth == 1 && !nested:
			depth++
			nested = depth == 2
			inner = 0
		case r == ')' && inner > 0:
			depth--
			if depth == 0 {
				return j, true
			}
		case isPathRune(r):
			inner++
		default:
			return 0, false
		}
	}
	return 0, false
}

// isPathRune is validGeneralUrlPathChars.
func isPathRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || strings.ContainsRune("!*';:=+,.$/%#[]-_~@|&", r)
	}
	return r == '\u2013' || isCyrillic(r) || isLatinAccent(r)
}

// isPathRune is validUrlPathEndingChars (balanced parentheses aside).
func isPathEndRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || strings.ContainsRune("+-=_#/", r)
	}
	return isCyrillic(r) || isLatinAccent(r)
}

// matchQuery matches "?" validUrlQueryChars* validUrlQueryEndingChars at
// s[i] == '?' and returns its end; a query that ends on no valid character
// is left out entirely.
func matchQuery(s string, i int) int {
	last := i
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		if !isASCIIAlnum(c) && !strings.ContainsRune("!?*'@();:&=+$/%#[]-_.,~|", rune(c)) {
			break
		}
		if isASCIIAlnum(c) || strings.ContainsRune("-_&=#/", rune(c)) {
			last = j + 1
		}
	}
	return last
}

func isASCIIAlnum(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// isLatinAccent is twitter-text's latinAccentChars.
func isLatinAccent(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x300 && r <= 0x36F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	}
	switch r {
	case 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263, 0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB:
		return true
	}
	return false
}
