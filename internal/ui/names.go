package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/lang"
)

// roleLabel is a role as a screen names it: the manual's short title
// for it (the words before a ";" in the role's title, "Portavoz; la única
// voz de la marca"), written in the manual's language, or its id when
// the title is a sentence too long for an 80-column line.
func roleLabel(id, title string) string {
	short, _, _ := strings.Cut(title, ";")
	short = strings.TrimSpace(short)
	if short == "" || utf8.RuneCountInString(short) > maxRoleLabel {
		return id
	}
	return short
}

// maxRoleLabel keeps "ROLE: Name - phone +34 600 100 003" on one line.
const maxRoleLabel = 24

// via is a contact's kind in the interface language where the catalogue
// has a word for it (phone, sms, email); app names (signal, slack) are
// the same everywhere.
func via(l *lang.Localizer, kind string) string {
	if id := "screen.via." + kind; l.Has(id) {
		return l.T(id, nil)
	}
	return kind
}
