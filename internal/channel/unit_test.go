package channel

import "testing"

func TestCountUTF16(t *testing.T) {
	cases := map[string]int{"": 0, "abc": 3, "é": 1, "😀": 2, "🇪🇸": 4, "\xff": 1}
	for s, want := range cases {
		if got := countUTF16(s); got != want {
			t.Errorf("%q: %d, want %d", s, got, want)
		}
	}
}
