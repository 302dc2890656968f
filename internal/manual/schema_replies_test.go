package manual_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSchemaAgreesOnRepliesAndVisibility: the loader and the schemas accept
// and refuse the same audience visibilities, reply libraries and step
// replies (format 1.1).
func TestSchemaAgreesOnRepliesAndVisibility(t *testing.T) {
	s := compileSchemas(t)
	valid := os.DirFS(filepath.Join("..", "..", "testdata", "broken", "_valid"))
	base := map[string]string{}
	for _, rel := range manualFiles(t, valid) {
		data, err := fs.ReadFile(valid, rel)
		if err != nil {
			t.Fatal(err)
		}
		base[rel] = string(data)
	}
	const pb, mf = "playbooks/facebook-down.yaml", "playbooks/manual.yaml"
	base[mf] = strings.Replace(base[mf], "crisis: 1\n", "crisis: 1.1\n", 1)
	base[pb] = strings.Replace(base[pb], "crisis: 1\n", "crisis: 1.1\n", 1)
	const lib = "\nreplies:\n  - id: apology\n    message: holding\n    description: Sorry\n"
	cases := []struct {
		name, file, old, new string
		ok                   bool
	}{
		{"visibility internal", mf, "  - id: customers\n", "  - id: customers\n    visibility: internal\n", true},
		{"visibility public", mf, "  - id: customers\n", "  - id: customers\n    visibility: public\n", true},
		{"visibility private", mf, "  - id: customers\n", "  - id: customers\n    visibility: private\n", false},
		{"visibility capitalised", mf, "  - id: customers\n", "  - id: customers\n    visibility: Public\n", false},
		{"visibility list", mf, "  - id: customers\n", "  - id: customers\n    visibility: [public]\n", false},
		{"replies", mf, "\nroles:", lib + "roles:", true},
		{"replies empty", mf, "\nroles:", "\nreplies:\nroles:", true},
		{"reply without message", mf, "\nroles:", "\nreplies:\n  - id: apology\nroles:", false},
		{"reply id uppercase", mf, "\nroles:", "\nreplies:\n  - {id: Apology, message: holding}\nroles:", false},
		{"reply unknown key", mf, "\nroles:", "\nreplies:\n  - {id: apology, message: holding, channel: sms}\nroles:", false},
		{"reply scalar", mf, "\nroles:", "\nreplies: apology\nroles:", false},
		{"step replies", pb, "    checklist:\n", "    replies: []\n    checklist:\n", true},
		{"step replies scalar", pb, "    checklist:\n", "    replies: apology\n    checklist:\n", false},
		{"step replies bad id", pb, "    checklist:\n", "    replies: [Apology]\n    checklist:\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			if !strings.Contains(base[c.file], c.old) {
				t.Fatalf("%s holds no %q", c.file, c.old)
			}
			fsys[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(base[c.file], c.old, c.new, 1))}
			checkAgreement(t, s, fsys, c.file, c.ok)
		})
	}
}
