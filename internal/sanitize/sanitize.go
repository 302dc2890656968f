// Package sanitize makes text that came from outside (a manual, a --var
// value, a journal) safe to print on a terminal. A terminal obeys control
// characters: an escape sequence in a value can clear the screen, write the
// clipboard (OSC 52) or retitle the window, a carriage return can hide the
// drill mark under what follows, and bidirectional overrides make a text
// read differently from what it holds. Such characters are shown as Go
// escapes (\x1b, \r, \u202e) instead: visible, and inert.
package sanitize

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// IsControl reports whether r is a character that must not reach a terminal
// as it is: C0 controls but tab and newline, DEL, C1 controls, and the
// bidirectional embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) of "Trojan Source".
func IsControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	}
	return IsBidi(r)
}

// IsBidi reports whether r is a bidirectional embedding, override or
// isolate (U+202A-U+202E, U+2066-U+2069): invisible, and it reorders the
// text around it.
func IsBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// First finds the first control character of s: its rune and its index in
// runes, or ok false when s has none.
func First(s string) (r rune, index int, ok bool) {
	i := 0
	for _, c := range s {
		if IsControl(c) {
			return c, i, true
		}
		i++
	}
	return 0, 0, false
}

// Name describes a control character for a message: "U+001B (escape)".
func Name(r rune) string {
	names := map[rune]string{0x1B: "escape", '\r': "carriage return", 0x07: "bell", 0x08: "backspace", 0x7F: "delete",
		0x9B: "control sequence introducer", 0x9D: "operating system command", 0x202E: "right-to-left override",
		0x202D: "left-to-right override", 0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
		0x202C: "pop directional formatting", 0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate",
		0x2068: "first strong isolate", 0x2069: "pop directional isolate"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X (a control character)", r)
}

// Text returns s with every control character written as its Go escape;
// tabs and newlines stay. keep lists exact sequences that pass unchanged:
// the styles the caller itself emits (see ui.Theme), never anything a value
// could use to move the cursor or talk to the terminal.
func Text(s string, keep ...string) string {
	i := strings.IndexFunc(s, IsControl)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsControl(r) {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if seq := kept(s[i:], keep); seq != "" {
			b.WriteString(seq)
			i += len(seq)
			continue
		}
		q := fmt.Sprintf("%+q", string(r)) // "\x1b", "\r", "\u202e"
		b.WriteString(q[1 : len(q)-1])
		i += n
	}
	return b.String()
}

func kept(s string, keep []string) string {
	for _, k := range keep {
		if k != "" && strings.HasPrefix(s, k) {
			return k
		}
	}
	return ""
}
