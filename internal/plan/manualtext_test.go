package plan_test

import "testing"

// A plan built from the manual in another language names its people with
// their role in that language (playbooks/manual.LOCALE.yaml).
func TestOwnerInTheReadersLanguage(t *testing.T) {
	m := example(t)
	for loc, want := range map[string]string{
		"es": "Lucía Moreno (directora de comunicación)",
		"en": "Lucía Moreno (communications director)",
		"pl": "Lucía Moreno (dyrektor ds. komunikacji)",
		"pt": "Lucía Moreno (diretora de comunicação)",
	} {
		pl := build(t, m.In(loc), "meta-outage")
		if got := pl.Steps[1].OwnerName; got != want {
			t.Errorf("%s: owner %q, want %q", loc, got, want)
		}
	}
}
