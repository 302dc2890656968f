package cli

import (
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// resumeTarget finds the run to resume: a run id (or unique prefix), else
// the one unfinished run of the playbook (of any playbook when none is
// named). Several candidates are an error that lists them.
func (a *App) resumeTarget(runs, target string) (string, bool) {
	if target != "" {
		if dir, err := runbook.Find(runs, target); err == nil {
			return dir, true
		}
	}
	cands, err := runbook.Unfinished(runs, target)
	if err != nil || len(cands) != 1 {
		return "", false
	}
	return cands[0].Dir, true
}

func (a *App) noResumable(runs, playbook string) error {
	cands, err := runbook.Unfinished(runs, playbook)
	if err != nil {
		return err
	}
	if len(cands) > 1 {
		var lines []string
		for _, c := range cands {
			lines = append(lines, fmt.Sprintf("  %s  %s  %s", c.ID, c.Status, c.Title))
		}
		return usageErrorf("%d unfinished runs; name one:\n%s\n(crisis run --resume RUN-ID)", len(cands), strings.Join(lines, "\n"))
	}
	what := "no unfinished run"
	if playbook != "" {
		what += " of " + playbook
	}
	return usageErrorf("%s in %s; crisis runs lists the runs", what, runs)
}

func (a *App) resumeSession(dir string) (*runbook.Session, error) {
	m, _, err := a.Manual()
	if err != nil {
		return nil, err
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	sess, dmg, err := runbook.Resume(dir, runbook.Options{Manual: m, Catalog: cat, Now: a.Now})
	if !dmg.Intact() {
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
