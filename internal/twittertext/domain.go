package twittertext

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// isDomainRune is twitter-text's validDomainChars: anything but ASCII
// punctuation, spaces, controls, invalid characters and directional marks.
// So "http://☃.net" and "http://ああ.com" are URLs.
func isDomainRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	switch {
	case r == 0x85, r == 0xA0, r == 0x1680, r == 0x180E, r >= 0x2000 && r <= 0x200A,
		r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000: // spaces
		return false
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069: // directional
		return false
	}
	return !IsInvalidChar(r)
}

// label is one dot-separated label of a host-like run of text. Offsets are
// int32 to keep the cache small on a text made of nothing but labels.
type label struct {
	start, end int32 // byte range: domain characters, '-' and '_'
	underscore int32 // byte offset of the last '_', or -1
	tldEnd     int32 // end of the TLD at the label's start, or -1
	// best is the largest index u <= this label's whose label starts
	// with a TLD and follows a valid domain-name label, or -1.
	best int32
	// badSub is the smallest index >= this label's of a label that cannot
	// be a subdomain, or the number of labels.
	badSub int32
	// startsRight and endsRight: the first and last characters are domain
	// characters (not '-' or '_').
	startsRight, endsRight bool
}

// hostCache holds the labels of the last host-like run scanned, so that
// every URL start inside it (after each '.', after each non-ASCII letter)
// reuses them: matching stays linear in the length of the text.
type hostCache struct {
	start, end int
	labels     []label
	cursor     int // the label of the last lookup
}

// match matches twitter-text's validDomain at s[i:]:
//
//	validSubdomain* validDomainName (validGTLD | validCCTLD | validPunycode)
//
// Subdomains may hold '-' and '_' inside, the domain name only '-'; the TLD
// must not be followed by [0-9A-Za-z@+-]. As with the greedy expression, the
// host with the most labels wins. It returns the end of the host.
func (h *hostCache) match(s string, i int) (int, bool) {
	if i >= len(s) {
		return 0, false // "http://" at the end of the text
	}
	if c := s[i]; c < utf8.RuneSelf && !isASCIIAlnum(c) {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); !isDomainRune(r) {
		return 0, false
	}
	if i < h.start || i >= h.end {
		// Most words are one label: cache them without decoding. Non-ASCII
		// bytes are taken as domain characters here; when the run has no
		// dot, neither has any host-like run starting inside it.
		j := i
		for j < len(s) && (s[j] >= utf8.RuneSelf || isASCIIAlnum(s[j]) || s[j] == '-' || s[j] == '_') {
			j++
		}
		if j == len(s) || (s[j] < utf8.RuneSelf && s[j] != '.') {
			h.labels = append(h.labels[:0], label{start: int32(i), end: int32(j)})
			h.start, h.end, h.cursor = i, j, 0
			return 0, false
		}
		h.scan(s, i)
	}
	n := len(h.labels)
	j := h.cursor
	if j < n && int(h.labels[j].start) <= i {
		for j < n && int(h.labels[j].end) <= i { // starts come in order: walk on
			j++
		}
	} else {
		j = sort.Search(n, func(k int) bool { return int(h.labels[k].end) > i })
	}
	h.cursor = j
	if j+1 >= n || int(h.labels[j].start) > i {
		return 0, false
	}
	first := h.labels[j] // from i: a suffix of label j, starting right
	if !first.endsRight {
		return 0, false
	}
	if t := h.labels[min(n-1, int(h.labels[j+1].badSub)+1)].best; int(t) > j+1 {
		return int(h.labels[t].tldEnd), true
	}
	if int(first.underscore) < i && h.labels[j+1].tldEnd >= 0 {
		return int(h.labels[j+1].tldEnd), true
	}
	return 0, false
}

// wordEnd returns where the host-like run at s[i] ends when it is a single
// label (a word without a dot): no host starts anywhere in it. It stops
// before a trailing "http" or "https" followed by ':', where a URL with a
// scheme may still start ("日本http://example.com"). It returns i when the
// run is not a single label.
func (h *hostCache) wordEnd(s string, i int) int {
	if len(h.labels) != 1 || i < h.start || i >= h.end {
		return i
	}
	e := h.end
	if e < len(s) && s[e] == ':' {
		for k := 0; k < len("https") && e > i && s[e-1] < utf8.RuneSelf; k++ {
			e--
		}
	}
	return e
}

// scan reads the labels of the host-like run starting at s[i] and prepares
// the tables match uses. A run of one label is cached too: every start
// inside a long word then fails at once.
func (h *hostCache) scan(s string, i int) {
	h.labels, h.cursor = h.labels[:0], 0
	for j := i; ; {
		l := label{start: int32(j), underscore: -1, tldEnd: -1}
		var last rune
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf { // ASCII: no decoding
				if !isASCIIAlnum(c) && c != '-' && c != '_' {
					break
				}
				if c == '_' {
					l.underscore = int32(j)
				}
				if j == int(l.start) {
					l.startsRight = isASCIIAlnum(c)
				}
				last = rune(c)
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if r != '-' && r != '_' && !isDomainRune(r) {
				break
			}
			if r == '_' {
				l.underscore = int32(j)
			}
			if j == int(l.start) {
				l.startsRight = isDomainRune(r)
			}
			last = r
			j += size
		}
		if j == int(l.start) {
			break // "a..b": the run ends at the first dot
		}
		l.end, l.endsRight = int32(j), isDomainRune(last)
		if len(h.labels) > 0 {
			l.tldEnd = int32(matchTLD(s, int(l.start), j))
		}
		if len(h.labels) == cap(h.labels) {
			// Double: append grows large slices by a quarter, which on a
			// text of nothing but labels allocates five times the table.
			h.labels = slices.Grow(h.labels, len(h.labels)+16)
		}
		h.labels = append(h.labels, l)
		if j+1 >= len(s) || s[j] != '.' {
			break
		}
		j++
	}
	n := len(h.labels)
	h.start, h.end = i, int(h.labels[n-1].end)
	best, bad := int32(-1), int32(n)
	for t := 1; t < n; t++ {
		l, prev := &h.labels[t], &h.labels[t-1]
		if l.tldEnd >= 0 && prev.startsRight && prev.endsRight && prev.underscore < 0 {
			best = int32(t)
		}
		l.best = best
	}
	h.labels[0].best = -1
	for k := n - 1; k >= 0; k-- {
		if l := &h.labels[k]; !l.startsRight || !l.endsRight {
			bad = int32(k)
		}
		h.labels[k].badSub = bad
	}
}

// matchTLD returns the end of the longest TLD twitter-text knows at s[i:]
// within its label (ending by labelEnd) that is not followed by
// [0-9A-Za-z@+-], or of a punycode TLD "xn--[-0-9a-z]+"; -1 if none.
func matchTLD(s string, i, labelEnd int) int {
	best := -1
	for e := i; e < labelEnd && e-i < maxTLDLen; {
		_, size := utf8.DecodeRuneInString(s[e:])
		e += size
		if tldBoundary(s, e) && tlds[strings.ToLower(s[i:e])] != 0 {
			best = e
		}
	}
	if best < 0 && labelEnd-i > 4 && strings.EqualFold(s[i:i+4], "xn--") {
		e := i + 4
		for e < labelEnd && (isASCIIAlnum(s[e]) || s[e] == '-') {
			e++
		}
		if e > i+4 {
			best = e
		}
	}
	return best
}

// tldBoundary is the lookahead after a TLD: not [0-9A-Za-z@+-].
func tldBoundary(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	c := s[e]
	return !isASCIIAlnum(c) && c != '@' && c != '+' && c != '-'
}

// findASCIIDomain finds twitter-text's validAsciiDomain in host from byte
// offset from: labels of ASCII letters, digits, '-' and accented Latin
// letters, then a TLD. It is how a URL without a scheme keeps only the
// ASCII part of its host ("日本語example.com" links "example.com").
func findASCIIDomain(host string, from int) (start, end int, ok bool) {
	for i := from; i < len(host); {
		r, size := utf8.DecodeRuneInString(host[i:])
		if !isASCIIDomainRune(r) {
			i += size
			continue
		}
		// A run of ASCII-domain labels starts at i: take as many labels as
		// are followed by a TLD. A later start in the same run has fewer
		// labels to try, so when this one fails the whole run is skipped.
		e, j := -1, i
		for {
			labelStart := j
			for j < len(host) {
				r, size := utf8.DecodeRuneInString(host[j:])
				if !isASCIIDomainRune(r) {
					break
				}
				j += size
			}
			if j == labelStart || j >= len(host) || host[j] != '.' {
				break
			}
			if t := matchTLD(host, j+1, labelEndIn(host, j+1)); t >= 0 {
				e = t
			}
			j++
		}
		if e >= 0 {
			return i, e, true
		}
		i = max(j, i+size)
	}
	return 0, 0, false
}

// labelEndIn returns where the label of domain characters, '-' and '_'
// starting at host[i] ends.
func labelEndIn(host string, i int) int {
	for i < len(host) {
		r, size := utf8.DecodeRuneInString(host[i:])
		if r != '-' && r != '_' && !isDomainRune(r) {
			break
		}
		i += size
	}
	return i
}

func isASCIIDomainRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || r == '-'
	}
	return isLatinAccent(r)
}

// lookup maps a host the way DNS lookups do (UTS #46) before encoding it.
// '_' and "--" in third and fourth position stay allowed, as twitter-text
// (Java's IDN.toASCII) allows them: "test_underscore.twitter.com" is a link.
var lookup = idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.CheckHyphens(false),
	idna.Transitional(false))

// maxLabelLen is the DNS limit on one label (RFC 1035).
const maxLabelLen = 63

// validHostAndLength is twitter-text's isValidHostAndLength: the host must
// convert to IDNA ASCII with every label 1 to 63 bytes long, and the URL
// (urlLen UTF-16 units besides the host, scheme included) with the ASCII
// host must stay within 4096.
func validHostAndLength(host string, urlLen int) bool {
	ascii := host
	if !isASCII(host) {
		if len(host) >= 4 && strings.EqualFold(host[:4], "xn--") {
			return false // a punycode host cannot hold non-ASCII characters
		}
		var err error
		if ascii, err = lookup.ToASCII(host); err != nil {
			return false
		}
	}
	for l := range strings.SplitSeq(ascii, ".") {
		if len(l) == 0 || len(l) > maxLabelLen {
			return false
		}
	}
	return urlLen+len(ascii) <= maxURLLen
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
