package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/drillrecord"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// resumeTarget finds the run to resume: a run id (or unique prefix), else
// the one unfinished run of the playbook (of any playbook when none is
// named). Several candidates are an error that lists them.
func (a *App) resumeTarget(runs, target string, isDrill bool) (*runbook.Run, bool, error) {
	if target != "" {
		run, err := runbook.Find(runs, target, false)
		if err == nil {
			return run, true, nil
		}
		var unreadable *runbook.RunError
		if errors.As(err, &unreadable) {
			// The run exists but cannot be opened: say what is wrong
			// with which file, not that no such run exists.
			return nil, false, err
		}
		if errors.Is(err, runbook.ErrAmbiguous) {
			// A prefix of several runs: say which, and nothing else.
			return nil, false, &ExitError{Code: ExitUsage, Err: err}
		}
	}
	cands, err := unfinished(runs, target, isDrill)
	if err != nil || len(cands) != 1 {
		return nil, false, nil
	}
	return cands[0].Run, true, nil
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
		return &ExitError{Code: ExitUsage, Err: lang.Countf("run.several-unfinished", len(cands), map[string]any{"List": strings.Join(lines, "\n")})}
	}
	id := "run.none-unfinished"
	if isDrill {
		id = "run.none-unfinished-drill"
	}
	if playbook != "" {
		id += "-of"
	}
	return usageError(id, map[string]any{"Playbook": playbook, "Dir": runs})
}

// resumeSession checks the manual and the values first, as a new run does,
// and only then reopens the run (which journals that it resumed): a
// resume refused for a broken playbook or a wrong --var leaves the
// journal as it was.
func (a *App) resumeSession(run *runbook.Run, o runOptions, given map[string]string, asker runbook.Asker) (*runbook.Session, error) {
	pre, id := run.State, run.ID
	if pre.Drill && !o.drill {
		return nil, usageError("run.is-drill", map[string]any{"Run": id})
	}
	if !pre.Drill && o.drill {
		return nil, a.realRunError(id)
	}
	m, p, err := a.runPlaybook(run, o.currentManual)
	if err != nil {
		return nil, err
	}
	p = a.localize(m, p)
	if pre.Finished && pre.Drill {
		// The drill's process may have been stopped before it saved
		// the drill's record: save it from the journal now.
		if err := a.recoverDrillRecord(run, p); err != nil {
			return nil, err
		}
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	var vals map[string]string
	if !pre.Finished {
		if vals, err = runbook.Vars(m, p, pre.Vars, given, asker); err != nil {
			return nil, err
		}
	}
	open := runbook.Resume
	if o.reopen != "" {
		open = runbook.Reopen
	}
	sess, err := open(run, runbook.Options{Manual: a.humanManual(m), Playbook: p, Catalog: cat, Now: a.clockFor(pre.Drill, pre.Speed, pre.LastEvent),
		CurrentManual: o.currentManual})
	if dmg := run.Journal.Damage; !dmg.Intact() {
		fmt.Fprintln(a.IO.Err, a.tr().Text(lang.Errorf("run.journal-damage", map[string]any{"Damage": runbook.DamageText(dmg)})))
		if dmg.MovedTo != "" {
			fmt.Fprintln(a.IO.Err, a.T("run.journal-kept", map[string]any{"Path": dmg.MovedTo}))
		}
	}
	if err != nil {
		return nil, err
	}
	if err := a.settle(sess, m, vals); err != nil {
		return nil, err
	}
	if o.reopen != "" {
		fmt.Fprintln(a.IO.Err, a.T("run.reopened", map[string]any{"Run": sess.State.RunID, "Step": fmt.Sprintf("%q", sess.Current().ID)}))
	} else {
		fmt.Fprintln(a.IO.Err, a.tr().N("run.resuming", sess.State.Events, map[string]any{"Run": sess.State.RunID}))
	}
	return sess, nil
}

// runPlaybook is the manual a run was made with (runManual) and the run's
// playbook in it, refused when the manual file or the playbook cannot be
// read. With current, it is the manual found, as it is now: the run goes
// on with it (a text fixed during the incident).
func (a *App) runPlaybook(run *runbook.Run, current bool) (*manual.Manual, *manual.Playbook, error) {
	if current {
		if _, found, err := a.findManual(); err != nil || !found {
			return nil, nil, usageError("session.current-manual-none", nil)
		}
		return a.requireManual(run.State.Playbook)
	}
	m, err := a.runManual(run, "session.manual.hint-current")
	if err != nil {
		return nil, nil, err
	}
	if cur, _, _ := a.Manual(); cur == m {
		// The manual found: checked as a new run checks it.
		return a.requireManual(run.State.Playbook)
	}
	p := m.Playbook(run.State.Playbook)
	if p == nil {
		return nil, nil, lang.Errorf("session.copy-lacks-playbook", map[string]any{"Run": run.ID, "Playbook": run.State.Playbook})
	}
	return m, p, nil
}

// realRunError refuses a drill command on a real run. A live one is a real
// incident in progress: a trainee is never told to take it over or stop
// it, only to wait or to rehearse elsewhere.
func (a *App) realRunError(id string) error {
	if _, live := journal.Live(a.runsDir(), id); live {
		return &ExitError{Code: ExitFindings, Err: errRealIncident(id)}
	}
	return usageError("run.is-real", map[string]any{"Run": id})
}

func errRealIncident(id string) error {
	return fmt.Errorf("a real incident is in progress (run %s): leave it to the people handling it. "+
		"The drill must wait until it ends, or rehearse on another copy of the manual with its own runs folder (--runs-dir DIR)", id)
}

// recoverDrillRecord saves the record of a finished drill from its journal
// when there is none for it: a drill records itself after its journal says
// it finished, and a process stopped in between left no record. A record
// of a later drill is kept. The record carries wall time, which a journal
// on drill time does not: it is estimated from the start, and never later
// than now.
func (a *App) recoverDrillRecord(run *runbook.Run, p *manual.Playbook) error {
	st := run.State
	if !st.Drill || !st.Finished || p == nil {
		return nil
	}
	end := st.LastEvent
	if st.Speed > 0 {
		end = st.StartedAt.Add(time.Duration(float64(st.LastEvent.Sub(st.StartedAt)) / st.Speed))
	}
	if now := a.Now(); now.Before(end) {
		end = now
	}
	end = end.UTC()
	root, found, _ := a.findManual()
	if !found {
		return nil
	}
	dir := drillrecord.LocalDir(a.runsDir(), root)
	rec, ok, err := drillrecord.Load(dir, p.ID)
	if err == nil && ok && (rec.RunID == run.ID || !rec.FinishedAt.Before(end)) {
		return nil
	}
	st.Bind(p.StepIDs())
	score := drill.Grade(p, st)
	fmt.Fprintln(a.IO.Err, a.T("run.drill-record-saved", map[string]any{"Run": run.ID}))
	return drillrecord.Save(dir, drillrecord.Record{Playbook: p.ID, RunID: run.ID, FinishedAt: end, Score: score.Overall})
}
