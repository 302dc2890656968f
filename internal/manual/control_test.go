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
