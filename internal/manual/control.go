package manual

import (
	"encoding/binary"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/sanitize"
)

// checkControl reports a text holding a control character or a
// bidirectional override. The file itself cannot hold them raw (checkText
// refuses it), but YAML escapes ("\e[2J", "\x9b", "\u202e") put them in a
// value, and a terminal showing the text would obey them: clear the screen,
// write the clipboard, hide the drill mark, reorder what a person reads.
func (d *decoder) checkControl(n *yaml.Node) {
	if !mayHoldControl(n.Value) {
		return
	}
	if r, i, ok := sanitize.First(n.Value); ok {
		d.report(n, RuleControl, say("loader.control", args{"Char": sanitize.Name(r), "At": i + 1}), say("loader.control.hint", nil))
	}
}

// mayHoldControl is false when s holds none of the characters
// sanitize.First looks for: ASCII controls other than tab and newline,
// DEL, C1 controls (U+0080-U+009F, written C2 80 to C2 9F) and the
// bidirectional formatting characters (U+202A-U+202E, written E2 80 AA to
// E2 80 AE, and U+2066-U+2069, E2 81 A6 to E2 81 A9). Every value of every
// file is checked: eight bytes at a time, a word of printable ASCII is
// passed over at once, and only a word holding some other byte is read
// byte by byte. A text that may hold one is read again by First.
func mayHoldControl(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !printable(binary.LittleEndian.Uint64([]byte(s[i:i+8]))) && controlAt(s, i, i+8) {
			return true
		}
	}
	return controlAt(s, i, len(s))
}

// printable reports whether the eight bytes of x are all printable ASCII,
// 0x20 to 0x7E. The lowest byte under 0x20 borrows in x-0x20 and sets its
// high bit there; the lowest byte of 0x7F or more has its high bit set in
// x+1 or in x. A carry or borrow across bytes can set a high bit too, so a
// word of printable ASCII may be taken for another, never the reverse.
func printable(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((x-0x20*ones)|(x+ones)|x)&highs == 0
}

// controlAt reports whether one of s's bytes from..to starts a character
// mayHoldControl looks for (reading on past to when it does).
func controlAt(s string, from, to int) bool {
	for i := from; i < to; i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n', c == 0x7F:
			return true
		case c == 0xC2 && i+1 < len(s) && s[i+1] <= 0x9F:
			return true
		case c == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xAA && s[i+2] <= 0xAE || s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9):
			return true
		}
	}
	return false
}
