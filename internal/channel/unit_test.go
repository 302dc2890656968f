package channel

import (
	"testing"

	"github.com/rivo/uniseg"
)

// TestLoneRunesNeverJoin guards the fast path of nextCluster: every code
// point isLoneRune accepts must form a cluster of its own next to other lone
// code points, as uniseg (UAX #29) says.
func TestLoneRunesNeverJoin(t *testing.T) {
	neighbours := []rune{'a', '\n', 'é', 'Ω', '日', 'あ', '–', '€'}
	for r := rune(0); r < 0x10000; r++ {
		if !isLoneRune(r) || r == '\r' {
			continue
		}
		for _, n := range neighbours {
			for _, s := range []string{string(r) + string(n), string(n) + string(r)} {
				if got := uniseg.GraphemeClusterCount(s); got != 2 {
					t.Fatalf("U+%04X next to %q forms %d cluster(s), want 2", r, n, got)
				}
			}
		}
	}
}

func TestGraphemeCountMatchesUniseg(t *testing.T) {
	for _, s := range []string{"", "a\r\nb", "e\u0301x", "👨‍👩‍👧‍👦🇪🇸🇫🇷", "日本語テキスト", "ą́ę", "क्षि", "\u0600abc", "한국어"} {
		if got, want := graphemeCount(s), uniseg.GraphemeClusterCount(s); got != want {
			t.Errorf("%q: %d clusters, uniseg says %d", s, got, want)
		}
	}
}

func TestCountUTF16(t *testing.T) {
	cases := map[string]int{"": 0, "abc": 3, "é": 1, "😀": 2, "🇪🇸": 4, "\xff": 1}
	for s, want := range cases {
		if got := countUTF16(s); got != want {
			t.Errorf("%q: %d, want %d", s, got, want)
		}
	}
}
