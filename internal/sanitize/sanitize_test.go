package sanitize

import "testing"

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\nline", "plain\ttext\nline"},
		{"Facebook\x1b[2J", `Facebook\x1b[2J`},                             // clear screen
		{"\x1b]52;c;ZWNobyBwd25lZA==\x07", `\x1b]52;c;ZWNobyBwd25lZA==\a`}, // OSC 52 clipboard write
		{"\x1b]0;pwned\x07", `\x1b]0;pwned\a`},                             // window title
		{"x\rDRILL", `x\rDRILL`},
		{"\u009b2J", `\u009b2J`}, // C1 CSI
		{"abc\u202edef", `abc\u202edef`},
		{"\u2066x\u2069", `\u2066x\u2069`},
		{"ñandú \x7f", `ñandú \x7f`},
		{"\x00", `\x00`},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Text("\x1b[1mbold\x1b[0m\x1b[8m", "\x1b[1m", "\x1b[0m"); got != "\x1b[1mbold\x1b[0m\\x1b[8m" {
		t.Errorf("keep: got %q", got)
	}
}

func TestFirst(t *testing.T) {
	if r, i, ok := First("añb\x1bc"); !ok || r != 0x1b || i != 3 {
		t.Errorf("First = %U %d %v", r, i, ok)
	}
	if _, _, ok := First("tab\tnewline\n"); ok {
		t.Error("tab and newline are text")
	}
}
