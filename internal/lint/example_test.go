package lint

import (
	"io/fs"
	"os"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// exampleNow is a day inside the example manual's approval period, so the
// test does not start failing when the calendar moves on.
var exampleNow = func() time.Time { return time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC) }

// TestExampleManualClean lints the shipped example manual, embedded and as
// the repository's folder: it must have no errors and no warnings.
func TestExampleManualClean(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"builtin": manual.Builtin(), "repo": os.DirFS("../..")} {
		t.Run(name, func(t *testing.T) {
			_, res, err := Run(fsys, name, Options{Now: exampleNow})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Findings {
				if d.Severity >= diag.Warning && !knownDrillFit(d) {
					t.Errorf("%v", d)
				}
			}
		})
	}
}
