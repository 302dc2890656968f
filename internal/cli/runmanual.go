package cli

import (
	"fmt"
	"os"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// runManual is the manual a run is resumed, reopened or reported with: the
// manual found (--manual, or from the working folder up) when it is the
// one the run used, else the copy of it the run kept in its folder, said
// once on stderr. A run with no copy (started by an older version) and no
// matching manual is refused: never the built-in example in its place, nor
// a manual whose steps and deadlines are not the run's.
// hint ends the note, for a command that could do otherwise.
func (a *App) runManual(run *runbook.Run, hint string) (*manual.Manual, error) {
	root, found, err := a.findManual()
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	why := "no manual was found here or in a parent folder"
	if found {
		cur, _, err := a.Manual()
		if err != nil {
			return nil, err
		}
		differs := runbook.ManualOf(run.State, cur)
		if differs == "" {
			return cur, nil
		}
		why = fmt.Sprintf("the manual in %s is not the one it ran with (%s)", a.displayRoot(root), differs)
	}
	snap, ok := runbook.Snapshot(run.Dir)
	if !ok {
		return nil, &ExitError{Code: ExitManual, Err: fmt.Errorf(
			"run %s kept no copy of its manual, and %s; name the manual it ran with: --manual DIR", run.ID, why)}
	}
	m, _, err := manual.Load(os.DirFS(snap), snap)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: fmt.Errorf("run %s: its copy of the manual: %w", run.ID, err)}
	}
	fmt.Fprintf(a.IO.Err, "crisis: using the copy of the manual run %s started with, in %s: %s%s\n", run.ID, snap, why, hint)
	return m, nil
}
