package manual

import (
	"strings"
	"testing"
)

// A locale's drill mark may differ by channel kind and by channel; the
// most precise one wins, and a locale's language stands for its regions.
func TestDrillMarkByChannel(t *testing.T) {
	files := marketFiles()
	files[ManualFile] = strings.Replace(files[ManualFile], `drill_marks: {pt: "[EXERCÍCIO]"}`,
		`drill_marks: {es: "[ENSAYO]", pt: {default: "[EXERCÍCIO]", sms: "[EXERCICIO]", fb: "[SIM]"}}`, 1)
	m := loadClean(t, files)
	for _, tt := range []struct{ locale, kind, channel, want string }{
		{"pt", "email", "newsletter", "[EXERCÍCIO]"},
		{"pt", "", "", "[EXERCÍCIO]"},
		{"pt", "sms", "sms", "[EXERCICIO]"},
		{"pt-PT", "sms", "sms-other", "[EXERCICIO]"},
		{"pt", "facebook", "fb", "[SIM]"},
		{"pt", "facebook", "fb-pt", "[EXERCÍCIO]"},
		{"es", "sms", "sms", "[ENSAYO]"},
		{"pl", "sms", "sms", "[ĆWICZENIA]"},
	} {
		if got := m.DrillMarkFor(tt.locale, tt.kind, tt.channel); got != tt.want {
			t.Errorf("DrillMarkFor(%q, %q, %q) = %q, want %q", tt.locale, tt.kind, tt.channel, got, tt.want)
		}
	}
	if got := m.DrillMark("pt"); got != "[EXERCÍCIO]" {
		t.Errorf("DrillMark(pt) = %q, want [EXERCÍCIO]", got)
	}
}

// A mark for a kind or channel that does not exist is reported where it is
// written, with the closest names.
func TestDrillMarkByChannelErrors(t *testing.T) {
	for _, tt := range []struct{ to, want string }{
		{`drill_marks: {pt: {default: "[EXERCÍCIO]", smss: "[EX]"}}`,
			`playbooks/manual.yaml:6:88: error: "smss" under drill_marks.pt is neither a channel kind nor a channel of the manual [CR005] (did you mean "sms"?)`},
		{`drill_marks: {pt: {fbb: "[EX]"}}`,
			`playbooks/manual.yaml:6:64: error: "fbb" under drill_marks.pt is neither a channel kind nor a channel of the manual [CR005] (did you mean "fb"?)`},
		{`drill_marks: {pt: {sms: " "}}`,
			`playbooks/manual.yaml:6:69: error: the drill mark of pt sms is empty [CR006]`},
		{`drill_marks: {pt: {}}`,
			`playbooks/manual.yaml:6:63: error: the drill mark of pt is empty [CR006]`},
		{`drill_marks: {pt: {default: "[A]", sms: "[B]"}, pt: "[C]"}`,
			`playbooks/manual.yaml:6:93: error: "pt" is given twice in drill_marks [CR004] (remove one of them)`},
	} {
		files := marketFiles()
		files[ManualFile] = strings.Replace(files[ManualFile], `drill_marks: {pt: "[EXERCÍCIO]"}`, tt.to, 1)
		wantProblem(t, files, tt.want)
	}
}
