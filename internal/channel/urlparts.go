package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isHostRune reports whether r may appear in a host label. Without a scheme
// twitter-text accepts only ASCII letters, digits and accented Latin letters;
// with one, any character that is not punctuation, space, control, an
// invalid character or a directional mark (so "http://☃.net" is a URL).
// '-' and '_' are handled by the label rules, not here.
func isHostRune(r rune, asciiOnly bool) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	if asciiOnly {
		return isLatinAccent(r)
	}
	switch {
	case r == utf8.RuneError, xInvalid(r), isDirectional(r):
		return false
	case unicode.IsSpace(r), unicode.IsControl(r), unicode.IsPunct(r):
		return false
	}
	return true
}

// isDirectional reports the bidi control marks twitter-text keeps out of hosts.
func isDirectional(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// matchHost matches twitter-text's validDomain at s[i:]: subdomain labels
// (letters, digits, inner '-' or '_'), a domain-name label (no '_'), and a
// known TLD not followed by a letter, digit, '@', '+' or '-'. The longest
// such host wins, as with the greedy regular expression. It returns the end
// of the host and its labels.
func matchHost(s string, i int, asciiOnly bool) (int, []string, bool) {
	var startBuf, endBuf [16]int // most hosts have few labels: no allocation
	starts, ends := startBuf[:0], endBuf[:0]
	for j := i; ; {
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if r != '-' && (r != '_' || asciiOnly) && !isHostRune(r, asciiOnly) {
				break
			}
			k += size
		}
		if k == j || k-i > maxURLLen {
			break // a host longer than a URL may be is never a URL
		}
		starts, ends = append(starts, j), append(ends, k)
		if k+1 >= len(s) || s[k] != '.' {
			break
		}
		j = k + 1
	}
	for t := len(starts) - 1; t >= 1; t-- {
		tldEnd, ok := matchTLD(s, starts[t], ends[t])
		if !ok || !validLabels(s, starts[:t], ends[:t]) {
			continue
		}
		labels := make([]string, 0, t+1)
		for n := 0; n < t; n++ {
			labels = append(labels, s[starts[n]:ends[n]])
		}
		return tldEnd, append(labels, s[starts[t]:tldEnd]), true
	}
	return 0, nil, false
}

// validLabels checks the labels before the TLD: each starts and ends with a
// host character, and the last one (the domain name proper) has no '_'.
func validLabels(s string, starts, ends []int) bool {
	for n := range starts {
		l := s[starts[n]:ends[n]]
		if strings.ContainsAny(l[:1], "-_") || strings.ContainsAny(l[len(l)-1:], "-_") {
			return false
		}
		if n == len(starts)-1 && strings.Contains(l, "_") {
			return false
		}
	}
	return true
}

// matchTLD finds the longest known TLD at s[i:] within its label (ending at
// most at labelEnd) that is not followed by [0-9A-Za-z@+-], or a punycode
// TLD ("xn--...").
func matchTLD(s string, i, labelEnd int) (int, bool) {
	label := s[i:labelEnd]
	if len(label) > 4 && strings.EqualFold(label[:4], "xn--") {
		return labelEnd, tldBoundary(s, labelEnd)
	}
	best := -1
	for e := i; e < labelEnd && e-i < maxTLDLen; {
		_, size := utf8.DecodeRuneInString(s[e:])
		e += size
		if tldSet[strings.ToLower(s[i:e])] && tldBoundary(s, e) {
			best = e
		}
	}
	return best, best >= 0
}

// tldBoundary is twitter-text's lookahead after a TLD.
func tldBoundary(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	c := s[e]
	return !isASCIIAlnum(c) && c != '@' && c != '+' && c != '-'
}

// matchPath matches a path starting at s[i] == '/' and returns its end: path
// characters and balanced parentheses, ending on a character that may end a
// URL, so trailing '.', ',', '!' or ')' stay outside.
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

// matchParens matches "(...)" of path characters with at most one nested
// level, as in Wikipedia links.
func matchParens(s string, i int) (int, bool) {
	depth, inner := 0, 0
	for j := i; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		j += size
		switch {
		case r == '(' && depth < 2:
			depth++
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

func isPathRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || strings.ContainsRune("!*';:=+,.$/%#[]-_~&|@", r)
	}
	return r == '\u2013' || (r >= 0x400 && r <= 0x4FF) || isLatinAccent(r)
}

func isPathEndRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || strings.ContainsRune("+-=_#/", r)
	}
	return (r >= 0x400 && r <= 0x4FF) || isLatinAccent(r)
}

// matchQuery matches "?query" at s[i] and returns its end; a query that
// ends on no valid character is left out entirely.
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
