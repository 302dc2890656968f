package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// resumeTarget finds the run to resume: a run id (or unique prefix), else
// the one unfinished run of the playbook (of any playbook when none is
// named). Several candidates are an error that lists them.
func (a *App) resumeTarget(runs, target string, isDrill bool) (*runbook.Run, bool) {
	if target != "" {
		run, err := runbook.Find(runs, target, false)
		if err == nil {
			return run, true
		}
		if errors.Is(err, runbook.ErrAmbiguous) {
			// A prefix of several runs: say which, rather than that none exists.
			fmt.Fprintf(a.IO.Err, "crisis: %v\n", err)
		}
	}
	cands, err := unfinished(runs, target, isDrill)
	if err != nil || len(cands) != 1 {
		return nil, false
	}
	return cands[0].Run, true
}

// unfinished lists resumable runs of one kind: run never resumes a drill,
// and drill never resumes a real run.
func unfinished(runs, playbook string, isDrill bool) ([]runbook.Summary, error) {
	cands, err := runbook.Unfinished(runs, playbook)
	return slices.DeleteFunc(cands, func(s runbook.Summary) bool { return s.Drill != isDrill }), err
}

func (a *App) noResumable(runs, playbook string, isDrill bool) error {
	cands, err := unfinished(runs, playbook, isDrill)
	if err != nil {
		return err
	}
	if len(cands) > 1 {
		var lines []string
		for _, c := range cands {
			lines = append(lines, fmt.Sprintf("  %s  %s  %s", c.ID, c.Status, c.Title))
		}
		return usageErrorf("%d unfinished runs; name one:\n%s\n(--resume RUN-ID)", len(cands), strings.Join(lines, "\n"))
	}
	what := "no unfinished run"
	if isDrill {
		what = "no unfinished drill"
	}
	if playbook != "" {
		what += " of " + playbook
	}
	return usageErrorf("%s in %s; crisis runs lists the runs", what, runs)
}

func (a *App) resumeSession(run *runbook.Run, o runOptions) (*runbook.Session, error) {
	m, _, err := a.Manual()
	if err != nil {
		return nil, err
	}
	pre, id := run.State, run.ID
	if pre.Drill && !o.drill {
		return nil, usageErrorf("run %s is a drill; resume it with: crisis drill --resume %s", id, id)
	}
	if !pre.Drill && o.drill {
		return nil, usageErrorf("run %s is a real run, not a drill; resume it with: crisis run --resume %s", id, id)
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	sess, err := runbook.Resume(run, runbook.Options{Manual: m, Catalog: cat, Now: a.clockFor(pre.Drill, pre.Speed, pre.LastEvent)})
	if dmg := run.Journal.Damage; !dmg.Intact() {
		fmt.Fprintf(a.IO.Err, "crisis: warning: journal damage: %s\n", dmg)
		if dmg.MovedTo != "" {
			fmt.Fprintf(a.IO.Err, "crisis: the original journal was kept as %s\n", dmg.MovedTo)
		}
	}
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(a.IO.Err, "crisis: resuming run %s (%d events)\n", sess.State.RunID, sess.State.Events)
	return sess, nil
}
