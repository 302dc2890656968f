package scaffold

import (
	"reflect"
	"strings"
	"testing"
)

// A Spanish or Portuguese article before a clock agrees with the hour read
// aloud: "a la 1:33" but "a las 10:33", "à 01:33" but "às 10:33". The
// messages init writes cannot know the hour, so none puts an article
// before {{.next_update}}: "Próxima actualización: 1:33".
func TestNoArticleBeforeTheClock(t *testing.T) {
	for name, tx := range map[string]*texts{"es": &spanish, "pt": &portuguese} {
		v := reflect.ValueOf(tx).Elem()
		for i := range v.NumField() {
			if v.Field(i).Kind() != reflect.String {
				continue
			}
			s := v.Field(i).String()
			for _, bad := range []string{"a las {{.next_update", "a la {{.next_update", "às {{.next_update", "à {{.next_update"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s %s: %q puts an article before the clock", name, v.Type().Field(i).Name, s)
				}
			}
		}
	}
}
