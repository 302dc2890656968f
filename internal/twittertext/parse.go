package twittertext

import (
	"slices"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// Result is what twitter-text's parseTweet reports. The ranges are UTF-16
// indices (inclusive ends) into the text as given, as twitter-text counts.
type Result struct {
	WeightedLength int
	Valid          bool // 0 < WeightedLength <= MaxWeightedLength and no invalid character
	Permillage     int  // WeightedLength per thousand of MaxWeightedLength, rounded down

	DisplayRangeStart, DisplayRangeEnd int // the whole text
	ValidRangeStart, ValidRangeEnd     int // the part that fits, up to the first invalid character

	// Invalid lists the distinct characters that make a post invalid
	// (U+FFFE, U+FEFF, U+FFFF), in order of first appearance.
	Invalid []rune
}

// IsInvalidChar reports the code points twitter-text rejects outright.
func IsInvalidChar(r rune) bool { return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF }

// Parse measures text as twitter-text's parseTweet does with configuration
// c: NFC first; every URL the extractor finds (with or without a scheme)
// counts TransformedURLLength; with EmojiParsing every emoji sequence counts
// DefaultWeight; every other code point counts its range weight.
func Parse(text string, c Config) Result {
	s := text
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	p := parser{cfg: &c, max: c.MaxWeightedLength * c.Scale, valid: true, validEnd: -1, asciiWeight: c.weight(0)}
	for b := rune(1); b < utf8.RuneSelf; b++ {
		if c.weight(b) != p.asciiWeight {
			p.asciiWeight = -1 // ranges split ASCII: weigh each byte
			break
		}
	}
	pos := 0
	for _, u := range ExtractURLs(s) {
		p.text(s[pos:u.Start])
		p.add(c.TransformedURLLength*c.Scale, utf16Len(s[u.Start:u.End]), 0)
		pos = u.End
	}
	p.text(s[pos:])

	r := Result{WeightedLength: p.weighted / c.Scale, Invalid: p.invalid}
	r.Valid = p.valid && r.WeightedLength > 0 && r.WeightedLength <= c.MaxWeightedLength
	r.Permillage = r.WeightedLength * 1000 / c.MaxWeightedLength
	n := p.units
	if len(s) != len(text) || s != text {
		n = utf16Len(text) // normalization changed the text
	}
	r.DisplayRangeEnd = max(n-1, 0)
	// twitter-text shifts the valid range by what normalization removed.
	r.ValidRangeEnd = max(p.validEnd, 0) + n - p.units
	return r
}

// parser walks a text element by element: a URL, an emoji sequence or a
// code point.
type parser struct {
	cfg      *Config
	max      int // MaxWeightedLength in 1/Scale units
	weighted int // so far, in 1/Scale units
	units    int // UTF-16 units walked so far
	valid    bool
	validEnd int // UTF-16 index of the last unit that still fits
	invalid  []rune
	// asciiWeight is the weight every ASCII character has, or -1.
	asciiWeight int
}

// add accounts for one element of weight w spanning n UTF-16 units, whose
// last code point is last (0 when it cannot be invalid).
func (p *parser) add(w, n int, last rune) {
	p.weighted += w
	p.units += n
	if IsInvalidChar(last) {
		p.valid = false
		if !slices.Contains(p.invalid, last) {
			p.invalid = append(p.invalid, last)
		}
	}
	if p.valid && p.weighted <= p.max {
		p.validEnd = p.units - 1
	}
}

// addASCII adds n ASCII characters of weight w each (never invalid).
func (p *parser) addASCII(n, w int) {
	fits := n
	if room := p.max - p.weighted; w > 0 && room < n*w {
		fits = max(room, 0) / w
	}
	if p.valid && fits > 0 {
		p.validEnd = p.units + fits - 1
	}
	p.weighted += n * w
	p.units += n
}

// text adds a URL-free stretch of text.
func (p *parser) text(s string) {
	for i := 0; i < len(s); {
		if p.asciiWeight >= 0 {
			// A run of ASCII skips the cluster walk, the slow part on long
			// texts: ASCII next to ASCII is never an emoji nor invalid, and
			// "\r\n" weighs the same as one cluster or two. The run leaves
			// out its last character when an emoji component may follow
			// (a keycap "1\uFE0F\u20E3").
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			if j < len(s) && p.cfg.EmojiParsing && j > i {
				j--
			}
			if j > i {
				p.addASCII(j-i, p.asciiWeight)
				i = j
				continue
			}
		}
		if !p.cfg.EmojiParsing {
			r, size := utf8.DecodeRuneInString(s[i:])
			p.add(p.cfg.weight(r), utf16.RuneLen(r), r)
			i += size
			continue
		}
		size := 1 // an invalid byte
		if c, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1); c != "" {
			size = len(c)
		}
		p.cluster(s[i : i+size])
		i += size
	}
}

// cluster adds one grapheme cluster: an emoji counts DefaultWeight plus
// whatever non-emoji marks ride on it; anything else counts per code point.
func (p *parser) cluster(s string) {
	var buf [16]rune
	rs := buf[:0]
	for _, r := range s {
		rs = append(rs, r)
	}
	if !isEmojiCluster(rs) {
		for _, r := range rs {
			p.add(p.cfg.weight(r), utf16.RuneLen(r), r)
		}
		return
	}
	w := p.cfg.DefaultWeight
	for _, r := range rs {
		if !isEmojiComponent(r) && !isKeycapBase(r) {
			w += p.cfg.weight(r)
		}
	}
	p.add(w, utf16Len(s), 0)
}

// utf16Len counts the UTF-16 units of s; invalid UTF-8 bytes count one each
// (they become U+FFFD).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
