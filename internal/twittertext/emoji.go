package twittertext

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// inRanges reports whether r is in the sorted table (a hand-written binary
// search: it sits on the hot path of every measurement).
func inRanges(r rune, table []runeRange) bool {
	lo, hi := 0, len(table)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < table[m].lo:
			hi = m
		case r > table[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// Emoji components that may follow the base of an emoji sequence.
const (
	zwj          = '\u200d'
	vs15         = '\ufe0e' // text presentation selector
	vs16         = '\ufe0f' // emoji presentation selector
	keycapMark   = '\u20e3'
	modifierLo   = 0x1F3FB // skin tones
	modifierHi   = 0x1F3FF
	tagLo        = 0xE0020 // tag sequences (subdivision flags)
	tagHi        = 0xE007F
	regionalLo   = 0x1F1E6
	regionalHi   = 0x1F1FF
	maxWeightOne = 0x10FF
)

// isExtendedPictographic reports the Unicode Extended_Pictographic property,
// from the table generated out of emoji-data.txt (see gen_emoji.go).
func isExtendedPictographic(r rune) bool {
	return r >= 0xA9 && inRanges(r, extendedPictographic)
}

// isEmojiPresentation reports the Unicode Emoji_Presentation property.
func isEmojiPresentation(r rune) bool {
	return r >= 0x231A && inRanges(r, emojiPresentation)
}

// isEmojiCluster reports whether a grapheme cluster (runes) is an emoji the
// way twitter-text's emoji parser sees one, which then weighs 2 whatever its
// length:
//   - a keycap: [0-9#*] FE0F? U+20E3;
//   - a flag: regional indicators;
//   - a pictograph shown as emoji: Emoji_Presentation by default, or any
//     Extended_Pictographic code point followed by FE0F, a skin tone or a
//     ZWJ sequence, or one already weighing 2 on its own.
//
// A text-style pictograph in the weight-1 range, such as a bare "©", keeps
// its code-point weight of 1.
func isEmojiCluster(rs []rune) bool {
	first := rs[0]
	switch {
	case first >= regionalLo && first <= regionalHi:
		return true
	case len(rs) >= 2 && isKeycapBase(first) && rs[len(rs)-1] == keycapMark:
		return true
	case !isExtendedPictographic(first):
		return false
	case first > maxWeightOne || isEmojiPresentation(first):
		return true
	}
	for _, r := range rs[1:] {
		if r == vs16 || r == zwj || (r >= modifierLo && r <= modifierHi) {
			return true
		}
	}
	return false
}

func isKeycapBase(r rune) bool { return r == '#' || r == '*' || (r >= '0' && r <= '9') }

// isEmojiComponent reports the code points an emoji sequence absorbs: they
// cost nothing beyond the sequence's 2.
func isEmojiComponent(r rune) bool {
	switch {
	case r == zwj, r == vs15, r == vs16, r == keycapMark:
		return true
	case r >= modifierLo && r <= modifierHi, r >= tagLo && r <= tagHi, r >= regionalLo && r <= regionalHi:
		return true
	}
	return isExtendedPictographic(r)
}
