package cli

import (
	"fmt"
	"os"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// runManual is the manual a run is resumed, reopened or reported with: the
// manual found (--manual, or from the working folder up) when it is the
// one the run used, else the copy of it the run kept in its folder, said
// once on stderr. A run with no copy (started by an older version) and no
// matching manual is refused: never the built-in example in its place, nor
// a manual whose steps and deadlines are not the run's.
// hint, a message id or "", ends the note, for a command that could do
// otherwise.
func (a *App) runManual(run *runbook.Run, hint string) (*manual.Manual, error) {
	root, found, err := a.findManual()
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	why := lang.Errorf("session.manual.none-found", nil)
	if found {
		cur, _, err := a.Manual()
		if err != nil {
			return nil, err
		}
		differs := runbook.ManualDiffers(run.State, cur)
		if differs == nil {
			return cur, nil
		}
		why = lang.Errorf("session.manual.differs", map[string]any{"Dir": a.displayRoot(root), "Why": differs})
	}
	snap, ok := runbook.Snapshot(run.Dir)
	if !ok {
		return nil, &ExitError{Code: ExitManual, Err: lang.Errorf("session.manual.no-copy", map[string]any{"Run": run.ID, "Why": why})}
	}
	m, _, err := manual.Load(os.DirFS(snap), snap)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: fmt.Errorf("%w: %w", lang.Errorf("session.manual.copy-unreadable", map[string]any{"Run": run.ID}), err)}
	}
	var more any = ""
	if hint != "" {
		more = lang.Errorf(hint, nil)
	}
	fmt.Fprintln(a.IO.Err, a.tr().Text(lang.Errorf("session.manual.using-copy", map[string]any{"Run": run.ID, "Dir": snap, "Why": why, "Hint": more})))
	return m, nil
}
