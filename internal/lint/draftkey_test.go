package lint

import (
	"strings"
	"testing"
)

// Two playbooks drafting the same reply share its draft only when their
// declarations of its variables are the same ones: here each declares
// orders itself, one with an example that is not a number, and only that
// one's inject is reported, whichever playbook is drafted first.
func TestReplyDraftsByDeclaration(t *testing.T) {
	const inject = "drill:\n  injects:\n    - at: 3m\n      event: A customer asks\n      expect: A reply\n      respond: reply\n      message: reply-orders\nupdates:\n"
	const text = "{{.orders}} orders are safe."
	decl := func(example string) string {
		return "variables:\n  - name: orders\n    description: Orders\n    type: count\n    example: \"" + example + "\"\n  - name: platform\n"
	}
	for _, bad := range []string{"fb-down", "fb-down-2"} {
		t.Run(bad, func(t *testing.T) {
			files := build(t, edit{fPlaybook, "updates:\n", inject},
				edit{fEN, "update:\n", "reply-orders:\n  default:\n    description: Reply\n    other: \"" + text + "\"\nupdate:\n"},
				edit{fPL, "update:\n", "reply-orders:\n  default:\n    hash: " + plHash("Reply", text) + "\n    other: \"Zamowienia sa bezpieczne: {{.orders}}.\"\nupdate:\n"})
			good, wrong := strings.Replace(files[fPlaybook], "variables:\n  - name: platform\n", decl("3"), 1),
				strings.Replace(files[fPlaybook], "variables:\n  - name: platform\n", decl("many"), 1)
			files[fPlaybook], files["playbooks/fb-down-2.yaml"] = good, wrong
			if bad == "fb-down" {
				files[fPlaybook], files["playbooks/fb-down-2.yaml"] = wrong, good
			}
			// One worker: the playbooks are drafted in the manual's order.
			_, res, err := Run(mapFS(files), "test", Options{Now: testNow, Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range res.Findings {
				if d.Rule == "CR802" {
					got = append(got, d.Pos.File)
				}
			}
			if want := "playbooks/" + bad + ".yaml"; len(got) != 1 || got[0] != want {
				t.Errorf("CR802 reported in %v, want in %s alone", got, want)
			}
		})
	}
}
