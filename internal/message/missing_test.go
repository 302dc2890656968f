package message

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// The list of values a text still needs reads in the person's language,
// counted as that language counts; the English stays as scripts know it.
func TestMissingErrorInTheReadersLanguage(t *testing.T) {
	one := &MissingError{Missing: []Missing{{Name: "platform", Description: "The platform that is down", Example: "Facebook"}}}
	two := &MissingError{Missing: append(one.Missing, Missing{Name: "store", Description: "The store", Example: "Valencia"})}
	for _, tt := range []struct {
		tag  language.Tag
		err  *MissingError
		want string
	}{
		{language.English, one, "a variable has no value:\n  platform: The platform that is down (e.g. --var platform=\"Facebook\")"},
		{language.English, two, "2 variables have no value:\n  platform: The platform that is down (e.g. --var platform=\"Facebook\")\n  store: The store (e.g. --var store=\"Valencia\")"},
		{language.Spanish, two, "faltan los valores de 2 variables:\n  platform: The platform that is down (p. ej., --var platform=\"Facebook\")\n  store: The store (p. ej., --var store=\"Valencia\")"},
		{language.Polish, one, "zmienna bez wartości:\n  platform: The platform that is down (np. --var platform=\"Facebook\")"},
		{language.Polish, two, "zmienne bez wartości (2):\n  platform: The platform that is down (np. --var platform=\"Facebook\")\n  store: The store (np. --var store=\"Valencia\")"},
		{language.Portuguese, one, "falta o valor de uma variável:\n  platform: The platform that is down (p. ex., --var platform=\"Facebook\")"},
	} {
		if got := lang.For(tt.tag).Text(tt.err); got != tt.want {
			t.Errorf("%v:\n got %q\nwant %q", tt.tag, got, tt.want)
		}
	}
}
