package lint

import (
	"slices"
	"strings"
	"testing"
)

// plOwn translates the base manual's own texts into Polish (format 1.1):
// its roles' titles and the descriptions of its audiences and domains (it
// names no channel and gives no one a role). Hashes by hand:
// printf 'Speaks\0' | sha1sum.
const plOwn = `roles:
  spokesperson: {hash: sha1-2dae7f09c97e8acd9b222ab23a81031d3cda5553, title: Mówi}
  approver: {hash: sha1-e33f43b349fc7d95e10458831ef5558099eaf381, title: Zatwierdza}
audiences:
  customers: {hash: sha1-1e6534d78df3b0e020cfe288130e00ecb37c4c9d, description: Kupujący}
  staff: {hash: sha1-b3cca9c2e34e00098c1531a59950ca5bc67bb0b4, description: Pracownicy}
domains:
  meta: {hash: sha1-0511e4cc7b58153d0235a9e8892d6c4c8079b388, description: Meta}
  telecom: {hash: sha1-43042df31d9d24f9d18922b7ecffde1c9bef8ddc, description: Operatorzy komórkowi}
  hosting: {hash: sha1-c5ccee16549c8baa10c3c82dba4a85f03646683e, description: Hosting}
`

// own11 is vars11 with the manual's own texts translated too.
var own11 = append(slices.Clone(vars11), edit{fPLManual, "", plManual + plOwn})

var manualTextCases = []ruleCase{
	{name: "cr306-own-good", rule: "CR306", edits: own11},
	{name: "cr306-own-role", rule: "CR306", fires: true, edits: append(slices.Clone(own11), edit{fPLManual, "  approver: {hash: sha1-e33f43b349fc7d95e10458831ef5558099eaf381, title: Zatwierdza}\n", ""}),
		at: anchor{fManual, "- id: approver", "id"}, says: `the title of approver in roles has no pl text in playbooks/manual.pl.yaml`},
	{name: "cr306-own-channel", rule: "CR306", fires: true, edits: append(slices.Clone(own11), edit{fManual, "  - id: whatsapp\n", "  - id: whatsapp\n    name: WhatsApp Business\n"}),
		at: anchor{fManual, "- id: whatsapp", "id"}, says: `the name of whatsapp in channels has no pl text in playbooks/manual.pl.yaml`},
	{name: "cr307-own-good", rule: "CR307", edits: own11},
	{name: "cr307-own-stale", rule: "CR307", fires: true, edits: append(slices.Clone(own11), edit{fManual, "description: Buyers", "description: Our buyers"}),
		at: anchor{fPLManual, "  customers:", "customers"}, says: `the translation of the description of customers in audiences (pl) is stale: its source text changed`},
	{name: "cr307-own-nohash", rule: "CR307", fires: true, edits: append(slices.Clone(own11), edit{fPLManual, "hash: sha1-c5ccee16549c8baa10c3c82dba4a85f03646683e, ", ""}),
		at: anchor{fPLManual, "  hosting:", "hosting"}, says: `the translation of the description of hosting in domains (pl) has no hash`},
}

func init() { ruleCases = append(ruleCases, manualTextCases...) }

// A manual that translates its own texts into one locale and lacks the
// file of another is told which file to write, at its roles.
func TestManualTextsFileMissing(t *testing.T) {
	files := build(t, edit{fManual, "crisis: 1\n", "crisis: 1.1\n"}, edit{fManual, "supported: [en, pl]", "supported: [en, pl, pt]"},
		edit{"templates/pt.yaml", "", baseEN}, edit{"playbooks/manual.pt.yaml", "", "crisis: 1.1\nkind: translation\n" + plOwn})
	files[fManual] = files[fManual][:strings.Index(files[fManual], "variables:")]
	res := lintFiles(t, files, nil, Config{})
	want := "the manual's own texts (roles, people, audiences, domains, channels, replies) have no pl translation: playbooks/manual.pl.yaml does not exist"
	for _, d := range res.Findings {
		if d.Rule == "CR306" && d.Message == want {
			if d.Pos.File != fManual || d.Pos.Line != 48 || d.Pos.Col != 3 {
				t.Errorf("reported at %v, want %s:48:3 (the roles)", d.Pos, fManual)
			}
			return
		}
	}
	t.Errorf("no %q in %v", want, res.Findings)
}
