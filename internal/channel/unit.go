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
	return uniseg.GraphemeClusterCount(nfc(s))
}

// clusterLen returns the byte length of the grapheme cluster at s[i:] (one
// byte for invalid UTF-8).
func clusterLen(s string, i int) int {
	if c, _, _, _ := uniseg.FirstGraphemeClusterInString(s[i:], -1); c != "" {
		return len(c)
	}
	return 1
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
