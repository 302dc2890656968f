package manual

import (
	"strings"
	"testing"
)

// decisionPlaybook branches on a verification: two endings, and an
// escalation to another playbook.
const decisionPlaybook = "crisis: 1.1\n" + fbDownHead + holdStep + `  - id: verify
    kind: decision
    title: Is it only us?
    owner: speaker
    deadline: 30m
    options:
      - id: ours
        title: Only our page
        next: fix
        severity: critical
      - id: wider
        title: All of Meta is down
        escalate: meta-down
      - id: fine
        title: False alarm
        next: clear
  - id: fix
    title: Fix
    owner: speaker
    deadline: 1h
  - id: clear
    title: Clear
    kind: all-clear
    owner: speaker
    deadline: 2h
updates: {every: 30m, message: holding, audiences: [customers], channels: [sms]}
`

func TestLoadDecision(t *testing.T) {
	files := withPlaybook(decisionPlaybook)
	m := loadClean(t, files)
	s := m.Playbooks[0].Steps[1]
	if s.Kind != StepDecision || len(s.Options) != 3 {
		t.Fatalf("step = %+v", s)
	}
	o := s.Options
	want := []struct {
		id, title, next, sev, esc string
		line, col                 int
	}{
		{"ours", "Only our page", "fix", "critical", "", 24, 9},
		{"wider", "All of Meta is down", "", "", "meta-down", 28, 9},
		{"fine", "False alarm", "clear", "", "", 31, 9},
	}
	for i, w := range want {
		if o[i].ID != w.id || o[i].Title != w.title || o[i].Next.ID != w.next || o[i].Severity != w.sev || o[i].Escalate.ID != w.esc {
			t.Errorf("option %d = %+v, want %+v", i, o[i], w)
		}
		if o[i].Pos.Line != w.line || o[i].Pos.Col != w.col {
			t.Errorf("option %s at %d:%d, want %d:%d", w.id, o[i].Pos.Line, o[i].Pos.Col, w.line, w.col)
		}
	}
	if p := o[0].Next.Pos; p.Line != 26 || p.Col != 15 {
		t.Errorf("next of ours at %v, want 26:15", p)
	}
	if p := o[1].Escalate.Pos; p.Line != 30 || p.Col != 19 {
		t.Errorf("escalate of wider at %v, want 30:19", p)
	}
	if p := o[0].At.Get("severity"); p.Line != 27 || p.Col != 19 {
		t.Errorf("severity of ours at %v, want 27:19", p)
	}
	pb := m.Playbooks[0]
	for i, w := range []struct {
		opt  string
		want string
	}{{"", "verify"}, {"ours", "fix"}, {"wider", ""}, {"fine", "clear"}, {"-", "clear"}, {"--", ""}} {
		at, opt := 0, (*Option)(nil)
		switch w.opt {
		case "":
		case "-":
			at = 2
		case "--":
			at = 3
		default:
			at, opt = 1, s.Option(w.opt)
		}
		if got := pb.After(at, opt); got != w.want {
			t.Errorf("%d: After(%d, %s) = %q, want %q", i, at, w.opt, got, w.want)
		}
	}
}

func TestLoadDecisionProblems(t *testing.T) {
	const f = "playbooks/fb-down.yaml"
	for _, tt := range []struct{ name, from, to, want string }{
		{"1.0 file", "crisis: 1.1", "crisis: 1",
			"fb-down.yaml:19:11: error: kind: decision is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"next dangling", "next: fix", "next: fx",
			`fb-down.yaml:26:15: error: option "ours" of step "verify" goes on at step "fx", which fb-down has not among its steps [CR005] (did you mean "fix"?)`},
		{"next and escalate", "        next: fix\n", "        next: fix\n        escalate: meta-down\n",
			`fb-down.yaml:27:9: error: option "ours" has both next and escalate [CR003]`},
		{"duplicate option", "id: fine", "id: ours",
			`fb-down.yaml:31:13: error: option "ours" is given twice in step "verify" [CR004] (the first is at playbooks/fb-down.yaml:24:9)`},
		{"severity unknown", "severity: critical", "severity: dire",
			`fb-down.yaml:27:19: error: severity "dire" is not one of low, medium, high, critical [CR003]`},
		{"option without title", "        title: False alarm\n", "",
			`fb-down.yaml:31:9: error: missing required key "title" [CR006]`},
		{"options on an action", "kind: decision", "kind: action",
			`fb-down.yaml:23:5: error: options are for a decision step, and step "verify" is kind: action [CR003]`},
		{"unknown option key", "next: clear", "nxt: clear",
			`fb-down.yaml:33:9: error: unknown key "nxt" in an option [CR002]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := valid()
			files[f] = strings.Replace(decisionPlaybook, tt.from, tt.to, 1)
			if files[f] == decisionPlaybook {
				t.Fatalf("no %q in the fixture", tt.from)
			}
			_, diags := load(t, files)
			if !containsDiag(diags, tt.want) {
				t.Errorf("no %q in\n%s", tt.want, strings.Join(diags, "\n"))
			}
		})
	}
	// A decision is taken before the all-clear, never among the follow-ups.
	files := valid()
	files[f] = strings.Replace(decisionPlaybook, "updates:", "follow_up:\n  - id: review\n    title: Review\n    kind: decision\n    owner: speaker\n    deadline: 7d\n    options: [{id: a, title: A}, {id: b, title: B}]\nupdates:", 1)
	_, diags := load(t, files)
	if want := `fb-down.yaml:46:11: error: follow-up step "review" is a decision; decisions are taken before the all-clear [CR003]`; !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
	// One option is no choice; none either.
	one := strings.Replace(decisionPlaybook, "      - id: wider\n        title: All of Meta is down\n        escalate: meta-down\n      - id: fine\n        title: False alarm\n        next: clear\n", "", 1)
	files = valid()
	files[f] = one
	_, diags = load(t, files)
	if want := `fb-down.yaml:24:7: error: decision step "verify" has one option; a decision needs two options at least [CR006]`; !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
	files[f] = strings.Replace(decisionPlaybook, "    options:\n", "    optionz:\n", 1)
	_, diags = load(t, files)
	if want := `fb-down.yaml:18:5: error: decision step "verify" has no options [CR006]`; !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
}

// A translation gives the option titles by option id; the step's hash
// covers them, and a step without options hashes as in 1.0.
func TestTranslateOptions(t *testing.T) {
	files := withPlaybook(decisionPlaybook)
	files["playbooks/fb-down.en.yaml"] = `crisis: 1.1
kind: translation
steps:
  verify:
    title: Only us?
    options:
      ours: Just our page
      fine: A false alarm
`
	files[ManualFile] = strings.Replace(files[ManualFile], "supported: [es]", "supported: [es, en]", 1)
	files["templates/en.yaml"] = minimalTemplates
	m := loadClean(t, files)
	p := m.Playbooks[0]
	en := p.In("en")
	got := []string{en.Steps[1].Options[0].Title, en.Steps[1].Options[1].Title, en.Steps[1].Options[2].Title}
	if strings.Join(got, "|") != "Just our page|All of Meta is down|A false alarm" {
		t.Errorf("translated options = %q", got)
	}
	if p.Steps[1].Options[0].Title != "Only our page" {
		t.Error("the source changed")
	}
	// printf 'Is it only us?\0\0ours: Only our page\0wider: All of Meta is down\0fine: False alarm\0' | sha1sum
	if h := p.Steps[1].TextHash(); h != "sha1-0805891a08db357029e73465d731a3ca121d6e5d" {
		t.Errorf("hash = %s", h)
	}
	files["playbooks/fb-down.en.yaml"] = strings.Replace(files["playbooks/fb-down.en.yaml"], "crisis: 1.1", "crisis: 1", 1)
	_, diags := load(t, files)
	if want := "fb-down.en.yaml:6:5: error: options is part of format 1.1, and this file says crisis: 1 [CR008]"; !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
}
