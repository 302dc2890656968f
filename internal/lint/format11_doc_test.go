package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The complete 1.1 manual that docs/format.md shows passes lint with no
// finding, and the page shows the files as they are: a reader who copies it
// gets a manual that works.
func TestFormat11DocManual(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "format11")
	lintClean11(t, dir)
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
