package manual

import (
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

// A file's bad byte is reported at its line and column in characters,
// whether the text before it on its line is ASCII read eight bytes at a
// time, accented letters read one by one, or both.
func TestCheckTextColumn(t *testing.T) {
	tests := []struct {
		data string
		want string
	}{
		{"title: " + strings.Repeat("x", 30) + "\xe9\n", "f.yaml:1:38"},
		{"a: b\n" + strings.Repeat("abcdefgh", 5) + "\x1b", "f.yaml:2:41"},
		{"a: b\r\n" + strings.Repeat("abcdefgh", 5) + "\x1b", "f.yaml:2:41"},
		{"title: Łódź and São Paulo, then Kraków ok\nsecond: " + strings.Repeat("ó", 9) + "123456789\x07", "f.yaml:2:27"},
		{"x: 1234567\u0081", "f.yaml:1:11"},
		{"\xef\xbb\xbfkey: 12345678901234567890\x00", "f.yaml:1:1"}, // NUL: a binary file
		{"key: 1234567\rvalue", "f.yaml:1:13"},
	}
	for _, tt := range tests {
		var diags diag.List
		if ok, _ := checkText("f.yaml", []byte(tt.data), &diags); ok {
			t.Errorf("%q: accepted", tt.data)
			continue
		}
		if len(diags) != 1 || diags[0].Pos.String() != tt.want {
			t.Errorf("%q: got %v, want one finding at %s", tt.data, diags, tt.want)
		}
	}
	var diags diag.List
	ok := "title: " + strings.Repeat("Łódź, 12345678 ", 20) + "\n\tkey: ok\r\n"
	if accepted, _ := checkText("f.yaml", []byte(ok), &diags); !accepted || len(diags) != 0 {
		t.Errorf("%q refused: %v", ok, diags)
	}
}

// checkText finds a document marker at the start of any line, after
// ASCII, accented text or a CR LF, so that a file holding a second
// document is never parsed as if it held one.
func TestCheckTextMarked(t *testing.T) {
	for data, want := range map[string]bool{
		"a: 1\nb: 2\n":            false,
		"a: '---'\nb: ...\n":      false,
		"  ---\n":                 false,
		"---\na: 1\n":             true,
		"a: 1\n---\nb: 2\n":       true,
		"a: 1\r\n---\r\nb: 2\r\n": true,
		"a: Łódź\n...\n":          true,
		"a: " + strings.Repeat("x", 30) + "\n--- b\n": true,
	} {
		var diags diag.List
		ok, marked := checkText("f.yaml", []byte(data), &diags)
		if !ok || marked != want {
			t.Errorf("%q: ok %v marked %v, want marked %v (%v)", data, ok, marked, want, diags)
		}
	}
}
