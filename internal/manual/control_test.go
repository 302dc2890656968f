package manual

import (
	"testing"

	"github.com/crisis-cli/crisis/internal/sanitize"
)

// mayHoldControl only lets sanitize.First skip texts that hold nothing it
// finds: every control and bidirectional character it finds is let through.
func TestMayHoldControl(t *testing.T) {
	for _, s := range []string{
		"\x1b[2J", "a\rb", "\x07", "\x00", "del\x7f", "csi \u009b", "\u0080", "\u009f",
		"\u202a", "\u202e", "\u2066", "\u2069", "Łódź \u202e", "tab\tthen\u0085",
		// across and after the eight-byte words the text is read in
		"1234567\u009b", "123456\u202e", "1234567\u2067", "12345678\u202a", "0123456789abc\x1bdef", "0123456789abcdef\x7f",
		"0123456789abcdefghijklm\u0080", "\u00ff\u00ff\u00ff\u00ff~~~~\x1f",
	} {
		if _, _, ok := sanitize.First(s); !ok {
			t.Errorf("sanitize.First(%q) finds nothing: a bad case", s)
		}
		if !mayHoldControl(s) {
			t.Errorf("mayHoldControl(%q) = false, but it holds a control character", s)
		}
	}
	for _, s := range []string{
		"", "Facebook is down", "tab\tand\nnewline", "Łódź, São Paulo, Ríoverde, ½ €", "«quoted» — dash",
		"Check from two networks that it fails, then call the spokesperson.\n\tIndented ~ and {{.status_url}}\n",
		"1234567\u00a0", "123456\u2029", "1234567\u2065", "~~~~~~~~\u206a", "\u00ff\u00ff\u00ff\u00ff~~~~ ",
	} {
		if _, _, ok := sanitize.First(s); ok {
			t.Errorf("sanitize.First(%q) finds a control character: a bad case", s)
		}
		if mayHoldControl(s) {
			t.Errorf("mayHoldControl(%q) = true for a text without control characters", s)
		}
	}
}

// printable takes a word for printable ASCII only when each of its eight
// bytes is, wherever the other byte is and whatever its neighbours are.
func TestPrintable(t *testing.T) {
	byByte := func(w [8]byte) bool {
		for _, c := range w {
			if c < 0x20 || c > 0x7E {
				return false
			}
		}
		return true
	}
	word := func(w [8]byte) uint64 {
		var x uint64
		for i := 7; i >= 0; i-- {
			x = x<<8 | uint64(w[i])
		}
		return x
	}
	for _, fill := range []byte{0x20, 'a', 0x7E} {
		for k := range 8 {
			for b := range 256 {
				w := [8]byte{fill, fill, fill, fill, fill, fill, fill, fill}
				w[k] = byte(b)
				if got, want := printable(word(w)), byByte(w); got != want {
					t.Fatalf("printable(% x) = %t, want %t", w, got, want)
				}
			}
		}
	}
	// Two bytes that are not printable, next to each other or apart,
	// their carries and borrows meeting.
	for k := range 7 {
		for _, pair := range [][2]byte{{0x1F, 0xFF}, {0xFF, 0x1F}, {0x00, 0x7F}, {0x7F, 0x00}, {0xFF, 0xFF}, {0x00, 0x00}, {0x1F, 0x7F}} {
			w := [8]byte{'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'}
			w[k], w[7] = pair[0], pair[1]
			if printable(word(w)) {
				t.Errorf("printable(% x) = true", w)
			}
		}
	}
}
