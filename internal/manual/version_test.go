package manual

import (
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
	"gopkg.in/yaml.v3"
)

// A file says which format it is written in; 1.0 files stay valid and 1.1
// is read, anything else is refused at the version's position.
func TestFormatVersions(t *testing.T) {
	for _, tt := range []struct{ version, want string }{
		{"1", Format10}, {`"1"`, Format10}, {"1.0", Format10}, {"1.1", Format11}, {`"1.1"`, Format11},
	} {
		files := valid()
		files["playbooks/fb-down.yaml"] = strings.Replace(files["playbooks/fb-down.yaml"], "crisis: 1", "crisis: "+tt.version, 1)
		files[ManualFile] = strings.Replace(files[ManualFile], "crisis: 1", "crisis: "+tt.version, 1)
		m, diags := load(t, files)
		if len(diags) != 0 {
			t.Errorf("crisis: %s: %v", tt.version, diags)
			continue
		}
		if m.Format != tt.want || m.Playbooks[0].Format != tt.want {
			t.Errorf("crisis: %s read as manual %q, playbook %q; want %q", tt.version, m.Format, m.Playbooks[0].Format, tt.want)
		}
	}
	for _, bad := range []string{"1.2", "2", "1.10", "v1.1"} {
		diags := loadEdited(t, "playbooks/fb-down.yaml", "crisis: 1", "crisis: "+bad)
		want := `fb-down.yaml:1:9: error: format version "` + bad + `" is not supported [CR008]`
		if !containsDiag(diags, want) {
			t.Errorf("crisis: %s: no %q in\n%s", bad, want, strings.Join(diags, "\n"))
		}
	}
}

// What 1.1 adds is refused in a file that says crisis: 1, at the construct,
// with the line to add.
func TestSince11(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a: 1\nmarkets: []\n"), &doc); err != nil {
		t.Fatal(err)
	}
	n := doc.Content[0].Content[2]
	var diags diag.List
	d := &decoder{file: "playbooks/manual.yaml", diags: &diags, format: Format10}
	if d.since11(n, "markets") {
		t.Error("a 1.0 file may use markets")
	}
	got := diags
	if len(got) != 1 || got[0].Error() != "playbooks/manual.yaml:2:1: error: markets is part of format 1.1, and this file says crisis: 1 [CR008] (write crisis: 1.1 at the top of this file to use it (a 1.0 file stays valid as it is))" {
		t.Errorf("got %v", got)
	}
	d = &decoder{file: "playbooks/manual.yaml", diags: &diags, format: Format11}
	if !d.since11(n, "markets") {
		t.Error("a 1.1 file may not use markets")
	}
}

func containsDiag(diags []string, want string) bool {
	for _, d := range diags {
		if strings.Contains(d, want) {
			return true
		}
	}
	return false
}
