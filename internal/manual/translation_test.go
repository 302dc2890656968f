package manual

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// A playbook with every translatable text, in Spanish (the source), and its
// English translation. Hashes computed by hand, e.g.
// printf 'Facebook no funciona\0la página falla\n\0' | sha1sum.
const translatedPlaybook = `crisis: 1
kind: playbook
title: Facebook no funciona
severity: high
detection: |
  la página falla
` + fbDownFallback + `steps:
  - id: hold
    title: Mensaje de espera
    kind: holding
    owner: speaker
    deadline: 10m
    instructions: Publicadlo ya.
    checklist: [Web, SMS]
    announce: [{message: holding, audiences: [customers], channels: [sms]}]
updates: {every: 30m, message: holding, audiences: [customers], channels: [sms]}
follow_up:
  - id: review
    title: Revisión
    owner: speaker
    deadline: 7d
drill:
  injects:
    - at: 5m
      event: Un cliente pregunta
      expect: Responder
`

const translatedEN = `crisis: 1
kind: translation
hash: sha1-b58e616e73f0dd825d7f13bea25d83e341c0ac5e
title: Facebook is down
detection: |
  the page fails
steps:
  hold:
    hash: sha1-0000000000000000000000000000000000000000
    title: Holding message
    instructions: Post it now.
    checklist: [Website, SMS]
follow_up:
  review:
    title: Review
drill:
  injects:
    - event: A customer asks
      expect: Reply
`

func translated() map[string]string {
	files := valid()
	files[ManualFile] = strings.Replace(files[ManualFile], "supported: [es]", "supported: [es, en, pl]", 1)
	files["templates/en.yaml"] = minimalTemplates
	files["templates/pl.yaml"] = minimalTemplates
	files["playbooks/fb-down.yaml"] = translatedPlaybook
	files["playbooks/fb-down.en.yaml"] = translatedEN
	return files
}

func TestTranslationLoads(t *testing.T) {
	m := loadClean(t, translated())
	p := m.Playbook("fb-down")
	if p == nil || len(p.Translations) != 1 || len(m.Translations) != 1 {
		t.Fatalf("translations not attached: %+v", p)
	}
	tr := p.Translations[0]
	if tr.Locale != "en" || tr.File != "playbooks/fb-down.en.yaml" {
		t.Errorf("translation = %s %s", tr.Locale, tr.File)
	}
	if st := tr.Steps["hold"]; st == nil || st.Pos.Line != 8 || st.Pos.Col != 3 || st.FollowUp {
		t.Errorf("step hold = %+v, want at 8:3, not a follow-up", st)
	}
	if st := tr.Steps["review"]; st == nil || !st.FollowUp || st.Pos.Line != 14 {
		t.Errorf("step review = %+v, want a follow-up at line 14", st)
	}
	if len(tr.Injects) != 1 || tr.Injects[0].Pos.Line != 18 || tr.Injects[0].Pos.Col != 7 {
		t.Errorf("injects = %+v, want one at 18:7", tr.Injects)
	}
}

func TestTranslationHashes(t *testing.T) {
	m, _ := load(t, translated())
	p := m.Playbook("fb-down")
	// printf 'Facebook no funciona\0la página falla\n\0' | sha1sum
	if got, want := p.HeaderHash(), "sha1-b58e616e73f0dd825d7f13bea25d83e341c0ac5e"; got != want {
		t.Errorf("header hash = %s, want %s", got, want)
	}
	// printf 'Mensaje de espera\0Publicadlo ya.\0Web\0SMS\0' | sha1sum
	if got, want := p.Steps[0].TextHash(), "sha1-c351dcad281fcded1af4b039e83dedd1a9f33517"; got != want {
		t.Errorf("step hash = %s, want %s", got, want)
	}
	// printf 'Un cliente pregunta\0Responder\0' | sha1sum
	if got, want := p.Drill.Injects[0].TextHash(), "sha1-070e66b0d8e857d944820bdb2b7dadc58226b5e8"; got != want {
		t.Errorf("inject hash = %s, want %s", got, want)
	}
}

func TestTranslationProblems(t *testing.T) {
	wantEditProblems(t, translated, []editCase{
		{"unknown step", "playbooks/fb-down.en.yaml", "  hold:\n", "  hodl:\n",
			`playbooks/fb-down.en.yaml:8:3: error: playbooks/fb-down.yaml has no step "hodl" to translate [CR005] (did you mean "hold"?)`},
		{"follow-up under steps", "playbooks/fb-down.en.yaml", "follow_up:\n  review:", "  review:",
			`playbooks/fb-down.en.yaml:13:3: error: step "review" is under follow_up in playbooks/fb-down.yaml, not under steps [CR005] (move it under follow_up:)`},
		{"one inject too many", "playbooks/fb-down.en.yaml", "      expect: Reply\n", "      expect: Reply\n    - event: Another\n",
			`playbooks/fb-down.en.yaml:20:7: error: playbooks/fb-down.yaml has 1 drill injects; this is number 2 [CR005] (translate the injects in the playbook's order, one item each)`},
		{"unknown key", "playbooks/fb-down.en.yaml", "    instructions: Post it now.", "    instructoins: Post it now.",
			`playbooks/fb-down.en.yaml:11:5: error: unknown key "instructoins" in the texts of step hold [CR002] (did you mean "instructions"?)`},
		{"kind playbook", "playbooks/fb-down.en.yaml", "kind: translation", "kind: playbook",
			`playbooks/fb-down.en.yaml:2:7: error: this file must be kind: translation, found "playbook" [CR003] (a playbook's translation, ID.LOCALE.yaml, is kind: translation)`},
		{"step twice", "playbooks/fb-down.en.yaml", "follow_up:\n  review:", "  hold:\n    title: Again\nfollow_up:\n  review:",
			`playbooks/fb-down.en.yaml:13:3: error: step "hold" is translated twice [CR004] (remove one of them; the first is at playbooks/fb-down.en.yaml:8:3)`},
		{"checklist as text", "playbooks/fb-down.en.yaml", "checklist: [Website, SMS]", "checklist: Website",
			`playbooks/fb-down.en.yaml:12:16: error: checklist must be a list, found a scalar ("Website") [CR003]`},
	})
}

func TestTranslationFiles(t *testing.T) {
	wantMisplacedProblems(t, translated, translatedEN, []misplacedCase{
		{"of no playbook", "playbooks/fb-up.en.yaml",
			`playbooks/fb-up.en.yaml:1:1: error: translation of playbook "fb-up", which the manual does not have [CR005] (rename it after its playbook (playbooks/ID.en.yaml), or remove it)`},
		{"into the default locale", "playbooks/fb-down.es.yaml",
			`playbooks/fb-down.es.yaml:1:1: error: playbooks/fb-down.yaml is written in es, the manual's default locale: it has no translation into it [CR005] (write these texts in playbooks/fb-down.yaml, or remove the file)`},
		{"into an unsupported locale", "playbooks/fb-down.fr.yaml",
			`playbooks/fb-down.fr.yaml:1:1: warning: playbooks/fb-down.fr.yaml holds locale "fr", which the manual does not list as supported [CR005] (add it to locales.supported in playbooks/manual.yaml, or remove the file)`},
		{"twice", "playbooks/fb-down.en.yml",
			`playbooks/fb-down.en.yml:1:1: error: playbooks/fb-down.yaml is translated into en twice: here and in playbooks/fb-down.en.yaml [CR004] (keep one of them)`},
		{"not a locale", "playbooks/fb-down.english.yaml",
			`playbooks/fb-down.english.yaml:1:1: error: file name "fb-down.english.yaml" is not a playbook id and a locale [CR003]`},
	})
}

// editCase is one edit of a fixture's file and the diagnostic it must
// raise, written whole.
type editCase struct {
	name, file, from, to string
	want                 string
}

// wantEditProblems makes each case's edit in a fresh fixture and wants its
// problem.
func wantEditProblems(t *testing.T, fixture func() map[string]string, tests []editCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, editedIn(t, fixture(), tt.file, tt.from, tt.to), tt.want)
		})
	}
}

// misplacedCase is a translation written again under another file name,
// and the problem that name must raise.
type misplacedCase struct {
	name, file, want string
}

// wantMisplacedProblems writes text to each case's file in a fresh fixture
// and wants its problem.
func wantMisplacedProblems(t *testing.T, fixture func() map[string]string, text string, tests []misplacedCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := fixture()
			files[tt.file] = text
			wantProblem(t, files, tt.want)
		})
	}
}

func TestLocalize(t *testing.T) {
	m, _ := load(t, translated())
	p := m.Playbook("fb-down")
	tests := []struct {
		want   language.Tag
		locale string
		found  bool
		title  string
	}{
		{language.English, "en", true, "Holding message"},
		{language.BritishEnglish, "en", true, "Holding message"},
		{language.Spanish, "es", true, "Mensaje de espera"},
		{language.MustParse("es-PE"), "es", true, "Mensaje de espera"},
		// pl is supported, but the playbook has no Polish text: es, said.
		{language.Polish, "es", false, "Mensaje de espera"},
	}
	for _, tt := range tests {
		lp, loc, found := m.Localize(p, tt.want)
		if loc != tt.locale || found != tt.found || lp.Steps[0].Title != tt.title {
			t.Errorf("Localize(%s) = %s %v %q, want %s %v %q", tt.want, loc, found, lp.Steps[0].Title, tt.locale, tt.found, tt.title)
		}
	}
	en := p.In("en")
	want := []string{"Facebook is down", "the page fails\n", "Post it now.", "Website", "Review", "A customer asks", "Reply"}
	got := []string{en.Title, en.Detection, en.Steps[0].Instructions, en.Steps[0].Checklist[0], en.FollowUp[0].Title,
		en.Drill.Injects[0].Event, en.Drill.Injects[0].Expect}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("In(en) texts = %q, want %q", got, want)
	}
	// The source is left as it was.
	if p.Title != "Facebook no funciona" || p.Steps[0].Checklist[0] != "Web" || p.Drill.Injects[0].Event != "Un cliente pregunta" {
		t.Errorf("In changed the source playbook: %q %q %q", p.Title, p.Steps[0].Checklist[0], p.Drill.Injects[0].Event)
	}
}

// A translation that is incomplete leaves the source text where it gives
// none, and a checklist of another length is not used: items are checked
// off by number.
func TestInFallsBackPerText(t *testing.T) {
	files := translated()
	files["playbooks/fb-down.en.yaml"] = strings.NewReplacer(
		"    instructions: Post it now.\n", "",
		"checklist: [Website, SMS]", "checklist: [Website]",
		"    - event: A customer asks\n      expect: Reply\n", "    - event: A customer asks\n",
	).Replace(translatedEN)
	m := loadClean(t, files)
	en := m.Playbook("fb-down").In("en")
	got := []string{en.Steps[0].Title, en.Steps[0].Instructions, strings.Join(en.Steps[0].Checklist, ","), en.Drill.Injects[0].Event, en.Drill.Injects[0].Expect}
	want := []string{"Holding message", "Publicadlo ya.", "Web,SMS", "A customer asks", "Responder"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("texts = %q, want %q", got, want)
	}
}
