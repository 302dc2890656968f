package channel

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// X (twitter-text v3) weighting, from config/v3.json: code points weigh 1 in
// these ranges and 2 elsewhere (CJK, "€", "…", "•", bidi isolates...).
var xWeightOne = []runeRange{
	{0x0000, 0x10FF},
	{0x2000, 0x200D},
	{0x2010, 0x201F},
	{0x2032, 0x2037},
}

const (
	xMaxWeighted = 280
	xEmojiWeight = 2
)

// xWeight is the weight of one code point outside URLs and emoji.
func xWeight(r rune) int {
	if r <= 0x10FF {
		return 1
	}
	if r < 0x2000 || r > 0x2037 {
		return 2
	}
	if inRanges(r, xWeightOne) {
		return 1
	}
	return 2
}

// xInvalid reports the code points twitter-text rejects outright.
func xInvalid(r rune) bool { return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF }

// xCount is the weighted length of a post and the distinct invalid
// characters in it.
type xCount struct {
	weighted int
	invalid  []rune
}

// weighX computes the twitter-text v3 weighted length: NFC first, then every
// URL found by the extractor counts urlWeight, every emoji cluster counts 2,
// and every other code point its range weight.
func weighX(text string, urlWeight int) xCount {
	s := nfc(text)
	var c xCount
	pos := 0
	for _, u := range extractURLs(s, true) {
		c.weighText(s[pos:u.start])
		c.weighted += urlWeight
		pos = u.end
	}
	c.weighText(s[pos:])
	return c
}

// weighText adds the weight of a URL-free stretch of text.
func (c *xCount) weighText(s string) {
	var buf [16]rune
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			c.weighted++ // ASCII followed by ASCII is neither an emoji nor invalid
			i++
			continue
		}
		size := clusterLen(s, i)
		rs := buf[:0]
		for _, r := range s[i : i+size] {
			rs = append(rs, r)
		}
		c.weighCluster(rs)
		i += size
	}
}

// weighCluster weighs one grapheme cluster: an emoji counts 2 plus whatever
// non-emoji marks ride on it; anything else counts per code point.
func (c *xCount) weighCluster(rs []rune) {
	emoji := isEmojiCluster(rs)
	if emoji {
		c.weighted += xEmojiWeight
	}
	for _, r := range rs {
		if xInvalid(r) && !slices.Contains(c.invalid, r) {
			c.invalid = append(c.invalid, r)
		}
		if emoji && isEmojiComponent(r) {
			continue
		}
		if emoji && isKeycapBase(r) {
			continue
		}
		c.weighted += xWeight(r)
	}
}

// measureX measures a post for X. Fits follows twitter-text's validity:
// 0 < weighted length <= limit and no invalid character (U+FFFE, U+FEFF,
// U+FFFF).
func (p Profile) measureX(text string) Measurement {
	c := weighX(text, p.URLWeight)
	m := p.simple(unitNameWeighted, c.weighted)
	if c.weighted == 0 {
		m.Fits = false
		m.Problems = append(m.Problems, "an empty post is not valid on X")
	}
	if len(c.invalid) > 0 {
		m.Fits = false
		names := make([]string, 0, len(c.invalid))
		for _, r := range c.invalid {
			names = append(names, fmt.Sprintf("U+%04X", r))
		}
		m.Problems = append(m.Problems, "X rejects the invalid character(s) "+strings.Join(names, ", "))
	}
	return m
}
