package channel

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// Unit is the counting unit of a channel.
type Unit int

// The counting units. UnitSMS is adaptive: GSM-7 septets while the text fits
// the GSM 03.38 tables, UTF-16 units once a character forces UCS-2.
const (
	UnitCharacters Unit = iota // Unicode code points after NFC
	UnitGraphemes              // extended grapheme clusters (UAX #29) after NFC
	UnitUTF16                  // UTF-16 code units, as JavaScript's String.length
	UnitUTF8Bytes              // UTF-8 encoded bytes
	UnitSMS                    // GSM-7 septets or UTF-16 units
	UnitWeighted               // twitter-text v3 weighted characters
)

// Names used in Measurement.Unit; they are part of the CLI's JSON output.
const (
	unitNameSeptets  = "GSM-7 septets"
	unitNameUTF16    = "UTF-16 units"
	unitNameWeighted = "weighted characters"
	unitNameGraph    = "graphemes"
	unitNameBytes    = "UTF-8 bytes"
	unitNameChars    = "characters"
)

// String returns the unit's display name, as used in Measurement.Unit.
func (u Unit) String() string {
	switch u {
	case UnitGraphemes:
		return unitNameGraph
	case UnitUTF16:
		return unitNameUTF16
	case UnitUTF8Bytes:
		return unitNameBytes
	case UnitSMS:
		return unitNameSeptets + " or " + unitNameUTF16
	case UnitWeighted:
		return unitNameWeighted
	default:
		return unitNameChars
	}
}

// countRunes counts code points after NFC.
func countRunes(s string) int {
	return utf8.RuneCountInString(nfc(s))
}

// countGraphemes counts extended grapheme clusters after NFC.
func countGraphemes(s string) int {
	return graphemeCount(nfc(s))
}

// graphemeCount counts grapheme clusters of s as given. Runs of ASCII take a
// fast path, because uniseg's state machine is the slow part on long texts.
func graphemeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		i += nextCluster(s, i)
		n++
	}
	return n
}

// nextCluster returns the byte length of the grapheme cluster at s[i:].
// Clusters of one lone code point (see loneAt) take a fast path; only the
// rest goes through uniseg, whose state machine is the slow part on long
// texts.
func nextCluster(s string, i int) int {
	_, size, lone := loneAt(s, i)
	if lone {
		return size
	}
	cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1)
	if cluster == "" {
		return size
	}
	return len(cluster)
}

// loneAt decodes the code point at s[i:] and reports whether it is a
// grapheme cluster by itself because neither it nor the next code point can
// join a neighbour (isLoneRune; CR is excluded as it joins a following LF).
func loneAt(s string, i int) (r rune, size int, lone bool) {
	r, size = rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	if i+size == len(s) {
		return r, size, true
	}
	if r == '\r' || !isLoneRune(r) {
		return r, size, false
	}
	next := rune(s[i+size])
	if next >= utf8.RuneSelf {
		next, _ = utf8.DecodeRuneInString(s[i+size:])
	}
	return r, size, isLoneRune(next)
}

// loneRanges are code point ranges whose Grapheme_Cluster_Break property is
// Other (or, for ASCII, Control/LF handled by isLoneRune): between two of
// them UAX #29 always puts a boundary. They exclude combining marks
// (U+0300-U+036F, U+0483-U+0489), the soft hyphen (Control), U+2028/U+2029,
// ZWJ/ZWNJ, emoji modifiers, regional indicators, Hangul jamo and the
// kana voicing marks.
var loneRanges = []runeRange{
	{0x00A0, 0x00AC}, {0x00AE, 0x02FF}, {0x0370, 0x0482}, {0x048A, 0x052F},
	{0x1E00, 0x1FFF}, {0x2010, 0x2027}, {0x2030, 0x205F}, {0x20A0, 0x20CF},
	{0x2100, 0x218F}, {0x3000, 0x3029}, {0x3030, 0x3098}, {0x309B, 0x30FF},
	{0x4E00, 0x9FFF}, {0xFF01, 0xFF9D},
}

// isLoneRune reports whether r can only form a cluster on its own, given a
// neighbour that also satisfies isLoneRune. ASCII qualifies except CR (which
// joins a following LF); invalid UTF-8 (U+FFFD) is not in the table.
func isLoneRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return true
	case r < 0xA0:
		return false
	case r <= 0x2FF:
		return r != 0xAD
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return r <= 0xFFFF && inRanges(r, loneRanges)
}

// countUTF16 counts UTF-16 code units of s as given; invalid UTF-8 bytes
// count as one unit each (they would be replaced by U+FFFD).
func countUTF16(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

// nfc returns s in Normalization Form C; already-normal text is returned
// without copying.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
