package lint

import (
	"strings"
	"testing"
)

// Two playbooks declaring a variable with the same example share its
// resolved value only when their declarations are alike: here orders is a
// count in one playbook, whose example "many" is no count, so its SMS is
// not measured, and a text in the other, whose SMS (the example and a long
// text) does not fit its one segment: CR501 reports the second alone,
// whichever is read first.
func TestResolvedByDeclaration(t *testing.T) {
	decl := func(typ string) string {
		return "variables:\n  - name: orders\n    description: Orders\n    type: " + typ + "\n    example: many\n  - name: platform\n"
	}
	for _, text := range []string{"fb-down", "fb-down-2"} {
		t.Run(text, func(t *testing.T) {
			files := build(t, edit{fEN, "is down. Use SMS.", "is down, {{.orders}} orders. " + longSMS})
			count, asText := strings.Replace(files[fPlaybook], "variables:\n  - name: platform\n", decl("count"), 1),
				strings.Replace(files[fPlaybook], "variables:\n  - name: platform\n", decl("text"), 1)
			files[fPlaybook], files["playbooks/fb-down-2.yaml"] = asText, count
			if text == "fb-down-2" {
				files[fPlaybook], files["playbooks/fb-down-2.yaml"] = count, asText
			}
			var got []string
			for _, d := range lintFiles(t, files, nil, Config{}).Findings {
				if d.Rule == "CR501" {
					got = append(got, d.Pos.File)
				}
			}
			if want := "playbooks/" + text + ".yaml"; len(got) != 1 || got[0] != want {
				t.Errorf("CR501 reported in %v, want in %s alone", got, want)
			}
		})
	}
}
