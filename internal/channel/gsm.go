package channel

// The GSM 03.38 / 3GPP TS 23.038 default alphabet, in table order (code 0x00
// to 0x7F). Code 0x1B is the escape to the extension table and maps to no
// character, so it is written as a space placeholder and skipped below.
//
// Note the traps the brief warns about: the table has é è ù ì ò à É Ñ ñ Ü ü
// Ä ä Ö ö ¿ ¡ and only a capital Ç; it has no á í ó ú, no lowercase ç, no
// ã õ â ê ô and no Polish letter.
const gsmBasicTable = "@£$¥èéùìòÇ\nØø\rÅå" +
	"Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ" +
	" !\"#¤%&'()*+,-./" +
	"0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNO" +
	"PQRSTUVWXYZÄÖÑÜ§" +
	"¿abcdefghijklmno" +
	"pqrstuvwxyzäöñüà"

// gsmExtensionChars are reached through the escape code, so each costs two
// septets: form feed, ^ { } \ [ ~ ] | and €.
const gsmExtensionChars = "\f^{}\\[~]|€"

// gsmCost[r] is the septet cost of code point r < 0x400: 1 basic, 2
// extension, 0 not in GSM-7. Every table character but "€" is below U+0400
// (Latin-1 and Greek capitals), so an array lookup serves the hot path.
var gsmCost [0x400]uint8

func init() {
	for _, r := range gsmBasicTable {
		if r != 0x1b {
			setGSM(r, 1)
		}
	}
	for _, r := range gsmExtensionChars {
		setGSM(r, 2)
	}
}

func setGSM(r rune, cost uint8) {
	if r == '€' {
		return // handled in gsmSeptets
	}
	gsmCost[r] = cost
}

// gsmSeptets returns how many septets r costs in GSM-7 (1 or 2), or 0 when r
// is in neither table and forces the message to UCS-2.
func gsmSeptets(r rune) int {
	if r >= 0 && r < rune(len(gsmCost)) {
		return int(gsmCost[r])
	}
	if r == '€' {
		return 2
	}
	return 0
}

// IsGSM reports whether r can be sent in a GSM-7 message (basic or
// extension table).
func IsGSM(r rune) bool { return gsmSeptets(r) > 0 }

// gsmAlternatives maps typographic characters that force UCS-2 to a close
// GSM-7 spelling. It deliberately leaves letters alone: Spanish "ó" or Polish
// "ł" are what the writer meant, while a curly quote or an ellipsis usually
// came from a word processor and silently halves the SMS capacity.
var gsmAlternatives = map[rune]string{
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '‹': "'", '›': "'", '´': "'", '`': "'",
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`, '″': `"`, '«': `"`, '»': `"`,
	'…': "...",
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	'•': "-", '·': ".",
	'\u00a0': " ", '\u2000': " ", '\u2001': " ", '\u2002': " ", '\u2003': " ", '\u2004': " ",
	'\u2005': " ", '\u2006': " ", '\u2007': " ", '\u2008': " ", '\u2009': " ", '\u200a': " ",
	'\u202f': " ", '\u205f': " ", '\u3000': " ", '\t': " ",
	// Invisible characters: dropping them changes nothing a reader sees.
	'\u00ad': "", '\u200b': "", '\u200c': "", '\u200d': "", '\u2060': "", '\ufeff': "",
	'\u200e': "", '\u200f': "", '\u2066': "", '\u2067': "", '\u2068': "", '\u2069': "",
}

// GSMAlternative returns a close GSM-7 replacement for a typographic
// character that would force an SMS into UCS-2 (curly quotes, ellipsis,
// dashes, unusual spaces, invisible marks). The replacement may be empty for
// invisible characters. It returns false for letters such as "ó" or "ą":
// those are deliberate and must be kept; lint only warns about the others.
// Dropping the bidi isolates U+2066-U+2069 is only safe in left-to-right text.
func GSMAlternative(r rune) (string, bool) {
	s, ok := gsmAlternatives[r]
	return s, ok
}
