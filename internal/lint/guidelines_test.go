package lint

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// TestGuidelinesLintClean: the scenarios of public incident-communication
// guidelines encoded in testdata/guidelines (see docs/guidelines.md) are
// 1.1 manuals that lint with no finding at all, and each keeps what the
// guideline asks of its cadences.
func TestGuidelinesLintClean(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "guidelines", "*"))
	if err != nil || len(dirs) < 2 {
		t.Fatalf("guidelines: %v %v", dirs, err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			lintClean11(t, dir)
		})
	}
	// PagerDuty: at least every 20 minutes for the first two hours, then
	// less often; an update whenever the impact changes.
	m := lintClean11(t, filepath.Join(repoRoot, "testdata", "guidelines", "pagerduty"))
	c := m.Playbooks[0].CadenceFor("status-page", []string{"customers"})
	if c == nil || c.Interval(0) != 20*time.Minute || c.Interval(2*time.Hour) != time.Hour || !c.OnChange {
		t.Errorf("pagerduty customers' cadence %+v", c)
	}
}

// lintClean11 lints the manual in dir, which must be a 1.1 manual with one
// 1.1 playbook and lint with no finding at all, and returns it.
func lintClean11(t *testing.T, dir string) *manual.Manual {
	t.Helper()
	m, res, err := Run(os.DirFS(dir), ".", Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Findings {
		t.Errorf("%v", d)
	}
	if m.Format != manual.Format11 || len(m.Playbooks) != 1 || m.Playbooks[0].Format != manual.Format11 {
		t.Fatalf("not a 1.1 manual with one 1.1 playbook: %+v", m.Playbooks)
	}
	return m
}
