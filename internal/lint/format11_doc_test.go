package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
)

// The complete 1.1 manual that docs/format.md shows passes lint with no
// finding, and the page shows the files as they are: a reader who copies it
// gets a manual that works.
func TestFormat11DocManual(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "format11")
	m, res, err := Run(os.DirFS(dir), ".", Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Findings {
		t.Errorf("%v", d)
	}
	if m.Format != manual.Format11 || len(m.Playbooks) != 1 || m.Playbooks[0].Format != manual.Format11 {
		t.Fatalf("not a 1.1 manual with one 1.1 playbook")
	}
	doc, err := os.ReadFile(filepath.Join(repoRoot, "docs", "format.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"playbooks/manual.yaml", "playbooks/whatsapp-down.yaml", "templates/es.yaml"} {
		body, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "```yaml\n# "+f+"\n"+string(body)+"```\n") {
			t.Errorf("docs/format.md does not show %s as it is in testdata/format11", f)
		}
	}
}
