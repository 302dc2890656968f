package runbook

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Abandoned is the payload of run.abandoned: a false start or a run given
// up, which then no longer blocks a new run of its playbook.
type Abandoned struct {
	Reason string    `json:"reason"`
	At     time.Time `json:"-"`
}

// Reopened is the payload of run.reopened: the incident is back after its
// all-clear (the platform failed again). The run continues from Step.
type Reopened struct {
	Step string `json:"step"`
	// At is when it was reopened, AllClear the all-clear it reopened: the
	// two spans of the incident are StartedAt to AllClear and At onwards.
	At       time.Time `json:"-"`
	AllClear time.Time `json:"-"`
}

// ManualChanged is the payload of manual.changed: from here on the run
// uses the manual as it is now (a text fixed during the incident), whose
// files replace the run's copy.
type ManualChanged struct {
	Digest   string `json:"digest"`
	Previous string `json:"previous"`
}

func (s *State) applyLifecycle(e journal.Event) error {
	switch e.Type {
	case journal.TypeRunAbandoned:
		var a Abandoned
		if err := json.Unmarshal(e.Data, &a); err != nil {
			return err
		}
		a.At = e.UTC
		s.Abandoned = &a
	case journal.TypeManualChanged:
		var c ManualChanged
		if err := json.Unmarshal(e.Data, &c); err != nil {
			return err
		}
		s.ManualDigest = c.Digest
	case journal.TypeRunReopened:
		var r Reopened
		if err := json.Unmarshal(e.Data, &r); err != nil {
			return err
		}
		r.At, r.AllClear = e.UTC, s.AllClear
		s.Reopened = append(s.Reopened, r)
		s.AllClear, s.Finished, s.Paused = time.Time{}, false, false
		// The steps from the one reopened on are open again: they are
		// done anew, and the run's end is its new all-clear.
		// Steps are handled in order, so they are the steps handled since
		// it: told by time, which needs no step list (a listing has none).
		// Their texts are prepared, approved and sent anew: the public
		// must hear that the incident is back.
		if from := s.Steps[r.Step]; from != nil {
			for id, ss := range s.Steps {
				if !ss.At.Before(from.At) {
					s.reopenStep(id)
				}
			}
		}
		s.moveTo(move{step: r.Step})
	}
	return nil
}

// Abandon journals that a run is given up, with the reason. A finished run
// is not abandoned (it happened), nor a live one (stop it first). Only the
// run's own lock is taken: a newer run of the playbook may be live.
func Abandon(run *Run, reason string, now func() time.Time, loc *time.Location) error {
	st := run.State
	switch {
	case reason == "":
		return lang.Errorf("session.abandon.reason", nil)
	case st.Finished:
		return lang.Errorf("session.abandon.finished", map[string]any{"Run": run.ID})
	case st.Abandoned != nil:
		return lang.Errorf("session.abandon.already", map[string]any{"Run": run.ID, "Reason": st.Abandoned.Reason})
	}
	lock, err := journal.LockRun(filepath.Dir(run.Dir), run.ID)
	if err != nil {
		return err
	}
	defer lock.Release()
	j, err := run.Journal.Open(now, loc)
	if err != nil {
		return err
	}
	_, err = j.Append(journal.TypeRunAbandoned, Abandoned{Reason: reason})
	return errors.Join(err, j.Close())
}

// ReopenStep is the step a reopened run continues from: the last holding
// step before the all-clear (where the public is told what is known and
// when the next update comes), else the step before the all-clear.
func ReopenStep(p *manual.Playbook) string {
	end := slices.IndexFunc(p.Steps, func(st manual.Step) bool { return st.Kind == manual.StepAllClear })
	if end < 0 {
		end = len(p.Steps)
	}
	for i := end - 1; i >= 0; i-- {
		if p.Steps[i].Kind == manual.StepHolding {
			return p.Steps[i].ID
		}
	}
	return p.Steps[max(end-1, 0)].ID
}

// Reopen reopens a run closed by its all-clear when the incident comes
// back, and journals it: the run continues from ReopenStep.
func Reopen(run *Run, o Options) (*Session, error) {
	st := run.State
	switch {
	case st.Abandoned != nil:
		return nil, lang.Errorf("session.abandoned", map[string]any{"Run": run.ID, "Reason": st.Abandoned.Reason})
	case st.AllClear.IsZero():
		return nil, lang.Errorf("session.reopen-open", map[string]any{"Run": run.ID})
	}
	s, err := openAgain(run, o)
	if err != nil {
		return nil, err
	}
	if dmg := run.Journal.Damage; !dmg.Intact() {
		// The repair is recorded as resuming records it.
		if err := s.append(journal.TypeRunResumed, resumed(dmg)); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s.goOn(journal.TypeRunReopened, Reopened{Step: ReopenStep(s.Playbook)}, o)
}

// reopenStep forgets what was done in a step, for it to be done again.
func (s *State) reopenStep(step string) {
	delete(s.Steps, step)
	delete(s.Checked, step)
	for k := range s.Rendered {
		if k.Step == step {
			delete(s.Rendered, k)
		}
	}
	for k := range s.Sent {
		if k.Step == step {
			delete(s.Sent, k)
		}
	}
	for k := range s.Approved {
		if k.Step == step {
			delete(s.Approved, k)
		}
	}
}

// Due is when a step of p is due: its deadline after the start; after the
// run was reopened, a step from the reopened one on is due as long after
// the reopening as it was after the step before the reopened one, since
// the incident starts over from there.
func (s *State) Due(p *manual.Playbook, step *manual.Step) time.Time {
	if n := len(s.Reopened); n > 0 {
		last := s.Reopened[n-1]
		from := slices.IndexFunc(p.Steps, func(st manual.Step) bool { return st.ID == last.Step })
		at := slices.IndexFunc(p.Steps, func(st manual.Step) bool { return st.ID == step.ID })
		if from >= 0 && at >= from {
			var before time.Duration
			if from > 0 {
				before = p.Steps[from-1].Deadline
			}
			return last.At.Add(step.Deadline - before)
		}
	}
	if at, ok := s.gateStart(step); ok {
		return at.Add(step.Deadline)
	}
	return s.StartedAt.Add(step.Deadline)
}
