package ui

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/plan"
)

// crisis show lists a decision's options and where each leads, in the
// interface language.
func TestPlanShowsOptions(t *testing.T) {
	m, _ := exampletest.LoadDir(t, "decisions")
	for _, tt := range []struct {
		tag  language.Tag
		want []string
	}{
		{language.English, []string{
			"   2. T+2h ¿La muestra es auténtica? [decision]\n",
			"      1. La muestra coincide con nuestros datos (credible) → goes on at step confirm · severity critical\n",
			"      2. La muestra es falsa (fake) → goes on at step fake-clear\n",
			"      3. También caen Instagram y WhatsApp (wider) → escalates to playbook outage\n",
		}},
		{language.Polish, []string{
			"[decyzja]\n",
			"      2. La muestra es falsa (fake) → dalej krok fake-clear\n",
			"      3. También caen Instagram y WhatsApp (wider) → eskalacja do scenariusza outage\n",
		}},
	} {
		var b strings.Builder
		if err := WritePlan(&b, plainTheme(), lang.For(tt.tag), plan.Build(m, m.Playbook("leak")), 0); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: no %q in\n%s", tt.tag, w, b.String())
			}
		}
	}
}
