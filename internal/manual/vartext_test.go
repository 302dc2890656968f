package manual

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// varsTranslated is translated() in format 1.1 with a variable declared
// in the manual (phone) and one in the playbook (platform), each
// translated into en. Hashes by hand:
// printf 'la plataforma caída\0' | sha1sum.
func varsTranslated() map[string]string {
	files := translated()
	files[ManualFile] = strings.Replace(files[ManualFile], "crisis: 1\n", "crisis: 1.1\n", 1) +
		"variables:\n  - {name: phone, description: el teléfono de atención, example: \"900 100 200\"}\n"
	files["playbooks/fb-down.yaml"] = strings.Replace(strings.Replace(translatedPlaybook, "crisis: 1\n", "crisis: 1.1\n", 1),
		"steps:\n", "variables:\n  - {name: platform, description: la plataforma caída, example: Facebook}\nsteps:\n", 1)
	files["playbooks/fb-down.en.yaml"] = strings.Replace(translatedEN, "crisis: 1\n", "crisis: 1.1\n", 1) +
		"variables:\n  platform:\n    hash: sha1-3bd42cbbabc72b44b13d319181c21c2bc137f012\n    description: the platform that is down\n"
	files["playbooks/manual.en.yaml"] = manualEN
	return files
}

const manualEN = `crisis: 1.1
kind: translation
variables:
  phone:
    hash: sha1-35b3c588673cd7f2335c95a6e3a05d8735a93a61
    description: the customer service phone
`

func TestVariableTextsLoad(t *testing.T) {
	m := loadClean(t, varsTranslated())
	p := m.Playbook("fb-down")
	pt := p.Translation("en").Variables["platform"]
	if pt == nil || pt.Description != "the platform that is down" || pt.Pos.String() != "playbooks/fb-down.en.yaml:21:3" {
		t.Errorf("playbook variable text = %+v", pt)
	}
	mt := m.ManualTranslation("en")
	if mt == nil || mt.Variables["phone"] == nil || mt.Variables["phone"].Pos.String() != "playbooks/manual.en.yaml:4:3" {
		t.Fatalf("manual translation = %+v", mt)
	}
	// printf 'la plataforma caída\0' | sha1sum
	if got, want := p.Variables[0].TextHash(), "sha1-3bd42cbbabc72b44b13d319181c21c2bc137f012"; got != want {
		t.Errorf("variable hash = %s, want %s", got, want)
	}
	if len(p.Translations) != 1 {
		t.Errorf("the manual's translation was given to a playbook: %d translations", len(p.Translations))
	}
}

func TestLocalizeDescribes(t *testing.T) {
	m, _ := load(t, varsTranslated())
	p := m.Playbook("fb-down")
	tests := []struct {
		want            language.Tag
		platform, phone string
	}{
		{language.English, "the platform that is down", "the customer service phone"},
		{language.Spanish, "la plataforma caída", "el teléfono de atención"},
		{language.Polish, "la plataforma caída", "el teléfono de atención"}, // no pl: the source
	}
	for _, tt := range tests {
		lp, _, _ := m.Localize(p, tt.want)
		platform, phone := m.Variable(lp, "platform"), m.Variable(lp, "phone")
		if got := lp.Describe(platform); got != tt.platform {
			t.Errorf("%s: platform = %q, want %q", tt.want, got, tt.platform)
		}
		if got := lp.Describe(phone); got != tt.phone {
			t.Errorf("%s: phone = %q, want %q", tt.want, got, tt.phone)
		}
	}
	// The manual and the source playbook are left as they were.
	if m.Variables[0].Description != "el teléfono de atención" || p.Variables[0].Description != "la plataforma caída" {
		t.Errorf("Localize changed the source: %q %q", m.Variables[0].Description, p.Variables[0].Description)
	}
}

func TestVariableTextProblems(t *testing.T) {
	wantEditProblems(t, varsTranslated, []editCase{
		{"unknown playbook variable", "playbooks/fb-down.en.yaml", "  platform:\n", "  platfrom:\n",
			`playbooks/fb-down.en.yaml:21:3: error: playbooks/fb-down.yaml declares no variable "platfrom" to translate [CR005] (did you mean "platform"?)`},
		{"unknown manual variable", "playbooks/manual.en.yaml", "  phone:\n", "  phnoe:\n",
			`playbooks/manual.en.yaml:4:3: error: playbooks/manual.yaml declares no variable "phnoe" to translate [CR005] (did you mean "phone"?)`},
		{"a manual variable in a playbook's translation", "playbooks/fb-down.en.yaml", "  platform:\n", "  phone:\n",
			`playbooks/fb-down.en.yaml:21:3: error: playbooks/fb-down.yaml declares no variable "phone" to translate [CR005]`},
		{"in format 1.0", "playbooks/manual.en.yaml", "crisis: 1.1\n", "crisis: 1\n",
			`playbooks/manual.en.yaml:4:3: error: variables: in a translation is part of format 1.1, and this file says crisis: 1 [CR008] (write crisis: 1.1 at the top of this file to use it (a 1.0 file stays valid as it is))`},
		{"steps in the manual's translation", "playbooks/manual.en.yaml", "variables:\n", "steps: {}\nvariables:\n",
			`playbooks/manual.en.yaml:3:1: error: unknown key "steps" in a translation of the manual [CR002]`},
		{"not a mapping", "playbooks/manual.en.yaml", "variables:\n  phone:\n", "variables: [phone]\nx:\n  phone:\n",
			`playbooks/manual.en.yaml:3:12: error: variables must be a mapping of variable names, found a list [CR003] (map each variable's name to its texts: platform: {hash: ..., description: ...})`},
		{"unknown key", "playbooks/manual.en.yaml", "    description:", "    descripton:",
			`playbooks/manual.en.yaml:6:5: error: unknown key "descripton" in the texts of variable phone [CR002] (did you mean "description"?)`},
	})
}

func TestManualTranslationFiles(t *testing.T) {
	wantMisplacedProblems(t, varsTranslated, manualEN, []misplacedCase{
		{"into the default locale", "playbooks/manual.es.yaml",
			`playbooks/manual.es.yaml:1:1: error: playbooks/manual.yaml is written in es, the manual's default locale: it has no translation into it [CR005] (write these texts in playbooks/manual.yaml, or remove the file)`},
		{"into an unsupported locale", "playbooks/manual.fr.yaml",
			`playbooks/manual.fr.yaml:1:1: warning: playbooks/manual.fr.yaml holds locale "fr", which the manual does not list as supported [CR005] (add it to locales.supported in playbooks/manual.yaml, or remove the file)`},
		{"twice", "playbooks/manual.en.yml",
			`playbooks/manual.en.yml:1:1: error: playbooks/manual.yaml is translated into en twice: here and in playbooks/manual.en.yaml [CR004] (keep one of them)`},
	})
}
