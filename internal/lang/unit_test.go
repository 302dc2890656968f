package lang

import (
	"testing"

	"golang.org/x/text/language"
)

// TestUnitsAgreeWithTheirNumber: a unit after a number takes the form the
// number asks for, written here by hand as a Polish, Spanish or Portuguese
// reader expects it (1 znak, 2 znaki, 5 znaków, 12 znaków, 22 znaki,
// 25 znaków).
func TestUnitsAgreeWithTheirNumber(t *testing.T) {
	for _, tc := range []struct {
		tag  language.Tag
		unit string
		want map[int]string
	}{
		{language.Polish, "characters", map[int]string{1: "znak", 2: "znaki", 5: "znaków", 12: "znaków", 22: "znaki", 25: "znaków"}},
		{language.Polish, "GSM-7 septets", map[int]string{1: "septet GSM-7", 2: "septety GSM-7", 5: "septetów GSM-7", 12: "septetów GSM-7", 22: "septety GSM-7", 25: "septetów GSM-7", 160: "septetów GSM-7", 134: "septety GSM-7"}},
		{language.Polish, "UTF-16 units", map[int]string{1: "jednostka UTF-16", 2: "jednostki UTF-16", 5: "jednostek UTF-16", 12: "jednostek UTF-16", 22: "jednostki UTF-16", 25: "jednostek UTF-16"}},
		{language.Polish, "weighted characters", map[int]string{1: "znak ważony", 3: "znaki ważone", 280: "znaków ważonych"}},
		{language.Spanish, "characters", map[int]string{1: "carácter", 2: "caracteres", 0: "caracteres"}},
		{language.Portuguese, "UTF-8 bytes", map[int]string{0: "bytes UTF-8", 1: "byte UTF-8", 2: "bytes UTF-8"}},
		{language.English, "graphemes", map[int]string{1: "grapheme", 2: "graphemes"}},
		{language.Polish, "furlongs", map[int]string{2: "furlongs"}}, // unknown: as the channel says it
	} {
		l := For(tc.tag)
		for n, want := range tc.want {
			if got := l.Unit(tc.unit, n); got != want {
				t.Errorf("%s %d %s: %q, want %q", tc.tag, n, tc.unit, got, want)
			}
		}
	}
}
