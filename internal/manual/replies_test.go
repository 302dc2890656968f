package manual

import (
	"strings"
	"testing"
)

// replyFiles is the valid manual in format 1.1 with a staff audience
// marked internal, a reply library of two and an inbox step.
func replyFiles() map[string]string {
	files := valid()
	files[ManualFile] = strings.Replace(strings.Replace(files[ManualFile], "crisis: 1\n", "crisis: 1.1\n", 1),
		"audiences: [{id: customers}, {id: staff}]\n",
		"audiences:\n  - {id: customers, visibility: public}\n  - {id: staff, visibility: internal}\n"+
			"replies:\n  - id: apology\n    message: holding\n    description: Sorry\n  - {id: order-check, message: holding}\n", 1)
	files["playbooks/fb-down.yaml"] = strings.Replace(strings.Replace(files["playbooks/fb-down.yaml"], "crisis: 1\n", "crisis: 1.1\n", 1),
		"    announce: [{message: holding,", "    replies: [apology, order-check]\n    announce: [{message: holding,", 1)
	return files
}

func TestLoadVisibilityAndReplies(t *testing.T) {
	m := loadClean(t, replyFiles())
	if got := []string{m.Audiences[0].Visibility, m.Audiences[1].Visibility}; got[0] != VisibilityPublic || got[1] != VisibilityInternal {
		t.Errorf("visibilities = %v, want public, internal", got)
	}
	if !m.Public("customers") || m.Public("staff") {
		t.Errorf("Public(customers) = %v, Public(staff) = %v", m.Public("customers"), m.Public("staff"))
	}
	if len(m.Replies) != 2 {
		t.Fatalf("replies = %+v", m.Replies)
	}
	r := m.Reply("apology")
	// Lines of the manual: 11 "replies:", 12 "  - id: apology", 13 "    message: holding",
	// 15 "  - {id: order-check, message: holding}".
	if r == nil || r.Message.ID != "holding" || r.Description != "Sorry" ||
		r.Pos.Line != 12 || r.Pos.Col != 5 || r.Message.Pos.Line != 13 || r.Message.Pos.Col != 14 {
		t.Errorf("apology = %+v", r)
	}
	if oc := m.Reply("order-check"); oc == nil || oc.Pos.Line != 15 || oc.Pos.Col != 5 || oc.Message.Pos.Col != 32 {
		t.Errorf("order-check = %+v", oc)
	}
	// Line 17 of the playbook: "    replies: [apology, order-check]".
	s := m.Playbooks[0].Steps[0]
	if len(s.Replies) != 2 || s.Replies[1].ID != "order-check" || s.Replies[0].Pos.Col != 15 || s.Replies[1].Pos.Line != 17 || s.Replies[1].Pos.Col != 24 {
		t.Errorf("step replies = %+v", s.Replies)
	}
}

// A 1.0 audience is public, as it always was.
func TestVisibilityDefault(t *testing.T) {
	m := loadClean(t, valid())
	for _, a := range m.Audiences {
		if a.Visibility != VisibilityPublic {
			t.Errorf("%s: visibility %q", a.ID, a.Visibility)
		}
	}
}

func TestVisibilityAndRepliesErrors(t *testing.T) {
	tests := []struct {
		name, file, from, to, want string
	}{
		{"visibility in 1.0", ManualFile, "crisis: 1.1\n", "crisis: 1\n",
			"playbooks/manual.yaml:9:33: error: an audience's visibility is part of format 1.1, and this file says crisis: 1 [CR008]"},
		{"visibility is optional", ManualFile, "  - {id: staff, visibility: internal}\n", "  - {id: staff}\n",
			""},
		{"unknown visibility", ManualFile, "visibility: internal", "visibility: private",
			`playbooks/manual.yaml:10:29: error: visibility "private" is not one of public, internal [CR003]`},
		{"unknown reply", "playbooks/fb-down.yaml", "[apology, order-check]", "[apology, order-chek]",
			`playbooks/fb-down.yaml:17:24: error: unknown reply "order-chek" [CR005] (did you mean "order-check"?)`},
		{"unknown message", ManualFile, "message: holding\n    description", "message: holdin\n    description",
			`playbooks/manual.yaml:13:14: error: unknown message "holdin" [CR005]`},
		{"duplicate reply", ManualFile, "{id: order-check,", "{id: apology,",
			`playbooks/manual.yaml:15:5: error: reply "apology" is declared twice [CR004]`},
		{"reply without message", ManualFile, "{id: order-check, message: holding}", "{id: order-check}",
			`playbooks/manual.yaml:15:5: error: missing required key "message" [CR006]`},
		{"step replies in 1.0", "playbooks/fb-down.yaml", "crisis: 1.1\n", "crisis: 1\n",
			"playbooks/fb-down.yaml:17:14: error: a step's replies is part of format 1.1, and this file says crisis: 1 [CR008]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := loadEditedIn(t, replyFiles(), tt.file, tt.from, tt.to)
			if tt.want == "" {
				if len(diags) != 0 {
					t.Errorf("unexpected problems:\n%s", strings.Join(diags, "\n"))
				}
				return
			}
			if !containsDiag(diags, tt.want) {
				t.Errorf("no %q in\n%s", tt.want, strings.Join(diags, "\n"))
			}
		})
	}
}

// The reply library in a 1.0 manual is refused at its key's value.
func TestRepliesIn10Manual(t *testing.T) {
	files := replyFiles()
	files[ManualFile] = strings.Replace(strings.Replace(files[ManualFile], "crisis: 1.1\n", "crisis: 1\n", 1),
		"  - {id: customers, visibility: public}\n  - {id: staff, visibility: internal}\n", "  - {id: customers}\n  - {id: staff}\n", 1)
	_, diags := load(t, files)
	want := "playbooks/manual.yaml:12:3: error: the reply library (replies:) is part of format 1.1, and this file says crisis: 1 [CR008]"
	// Refused once, at the library: the steps naming its replies are not
	// reported again.
	if !containsDiag(diags, want) || len(diags) != 1 {
		t.Errorf("want only %q, got\n%s", want, strings.Join(diags, "\n"))
	}
}
