package manual_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The schema and the loader agree on decision steps (format 1.1): what one
// accepts the other accepts.
func TestSchemaAgreesOnDecisions(t *testing.T) {
	s := compileSchemas(t)
	valid := os.DirFS(filepath.Join("..", "..", "testdata", "broken", "_valid"))
	base := fstest.MapFS{}
	for _, rel := range manualFiles(t, valid) {
		data, err := fs.ReadFile(valid, rel)
		if err != nil {
			t.Fatal(err)
		}
		base[rel] = &fstest.MapFile{Data: data}
	}
	const pb, tr = "playbooks/facebook-down.yaml", "playbooks/facebook-down.en.yaml"
	src := string(base[pb].Data)
	const confirm = "  - id: confirm\n    title: Confirm the outage\n"
	if !strings.HasPrefix(src, "crisis: 1\n") || !strings.Contains(src, confirm) {
		t.Fatal("testdata/broken/_valid/playbooks/facebook-down.yaml changed")
	}
	src = strings.Replace(src, "crisis: 1\n", "crisis: 1.1\n", 1)
	src = strings.Replace(src, confirm, confirm+`    kind: decision
    options:
      - id: ours
        title: Only our page is down
        next: holding
        severity: critical
      - id: wider
        title: All of Meta is down
        escalate: meta-outage
`, 1)
	base[pb] = &fstest.MapFile{Data: []byte(src)}
	base[tr] = &fstest.MapFile{Data: []byte(`crisis: 1.1
kind: translation
steps:
  confirm:
    title: Confirm the outage
    options:
      ours: Only our page
`)}
	cases := []struct {
		name, file, old, new string
		ok                   bool
	}{
		{"as is", pb, "crisis: 1.1", "crisis: 1.1", true},
		{"option without next", pb, "        next: holding\n", "", true},
		{"option null title", pb, "title: Only our page is down", "title:", false},
		{"option unknown key", pb, "next: holding", "nxt: holding", false},
		{"option id uppercase", pb, "id: ours", "id: Ours", false},
		{"option severity unknown", pb, "severity: critical", "severity: dire", false},
		{"option next and escalate", pb, "        next: holding\n", "        next: holding\n        escalate: meta-outage\n", false},
		{"option list scalar", pb, "      - id: ours", "      - ours\n      - id: ours", false},
		{"translation as is", tr, "crisis: 1.1", "crisis: 1.1", true},
		{"translation options list", tr, "      ours: Only our page", "      - Only our page", false},
		{"translation option list", tr, "      ours: Only our page", "      ours: [Only our page]", false},
		{"translation option id uppercase", tr, "      ours:", "      Ours:", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := string(base[c.file].Data)
			if !strings.Contains(data, c.old) {
				t.Fatalf("%s holds no %q", c.file, c.old)
			}
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(data, c.old, c.new, 1))}
			_, diags, err := manual.Load(fsys, ".")
			if err != nil {
				t.Fatal(err)
			}
			var errs []string
			for _, d := range diags {
				if d.Severity == diag.Error {
					errs = append(errs, d.Error())
				}
			}
			if loaderOK := len(errs) == 0; loaderOK != c.ok {
				t.Errorf("loader ok=%v, want %v: %s", loaderOK, c.ok, strings.Join(errs, "\n"))
			}
			if serr := validateFile(t, s, fsys, c.file); (serr == nil) != c.ok {
				t.Errorf("schema ok=%v, want %v: %v", serr == nil, c.ok, serr)
			}
		})
	}
}
