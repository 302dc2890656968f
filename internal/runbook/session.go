package runbook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// Session is a live run: the journal open for appending, the lock held, and
// the state derived from every event so far.
type Session struct {
	Dir      string
	Manual   *manual.Manual
	Playbook *manual.Playbook
	Catalog  *message.Catalog
	State    *State
	Now      func() time.Time

	// Localize, when set, gives a playbook the run escalates to in the
	// operator's language, as the run's own playbook was given.
	Localize func(*manual.Playbook) *manual.Playbook

	journal *journal.Journal
	lock    *journal.RunLock
	steps   []string
}

// Options start a run.
type Options struct {
	RunsDir  string
	Manual   *manual.Manual
	Playbook *manual.Playbook
	Catalog  *message.Catalog
	Drill    bool
	Speed    float64
	Locales  []string
	Now      func() time.Time
	// CurrentManual, on resuming or reopening, makes the run go on with
	// Manual even though it is not the one the run used (journaled).
	CurrentManual bool
}

// Start creates a run folder, takes the playbook's lock, keeps a copy of
// the manual files the run uses and journals the start with their digest. A live run of the same playbook and kind (real run or drill) makes
// it fail with the journal's *LockedError, which names that run.
func Start(o Options) (*Session, error) {
	for _, l := range o.Locales {
		if err := message.CheckLocale(l); err != nil {
			return nil, err
		}
	}
	start := o.Now()
	if err := os.MkdirAll(o.RunsDir, 0o755); err != nil {
		return nil, err
	}
	id, err := newRunDir(o.RunsDir, NewRunID(o.Playbook.ID, start, o.Drill))
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(o.RunsDir, id)
	lock, err := journal.Lock(o.RunsDir, o.Playbook.ID, id, o.Drill, o.Now)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, AnnouncementsDir), 0o755); err != nil {
		lock.Release()
		return nil, err
	}
	if err := writeSnapshot(dir, o.Manual, o.Playbook); err != nil {
		lock.Release()
		return nil, err
	}
	host, _ := os.Hostname()
	j, e, err := journal.Create(filepath.Join(dir, JournalFile), o.Now, o.Manual.Location, journal.TypeRunStarted,
		Started{RunID: id, Playbook: o.Playbook.ID, Title: o.Playbook.Title, Drill: o.Drill, Locales: o.Locales,
			Organisation: o.Manual.Organisation, ManualVersion: o.Manual.Version, Host: host, Speed: o.Speed,
			ManualDigest: ManualDigest(o.Manual, o.Playbook)})
	if err != nil {
		lock.Release()
		return nil, &JournalError{Err: err}
	}
	s := newSession(dir, o, j, lock)
	if err := s.State.Apply(e); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func newSession(dir string, o Options, j *journal.Journal, lock *journal.RunLock) *Session {
	s := &Session{Dir: dir, Manual: o.Manual, Playbook: o.Playbook, Catalog: o.Catalog, State: NewState(),
		Now: o.Now, journal: j, lock: lock}
	for _, st := range o.Playbook.Steps {
		s.steps = append(s.steps, st.ID)
	}
	s.State.Bind(s.steps)
	return s
}

// Resume reopens a run read by ReadRun after any interruption: it takes
// the lock, repairs the journal if it is damaged (run.Journal.Damage says
// how, for the user to see), and journals the resumption. The journal is
// not read again unless it changed since ReadRun.
func Resume(run *Run, o Options) (*Session, error) {
	switch pre := run.State; {
	case pre.Abandoned != nil:
		return nil, lang.Errorf("session.abandoned", map[string]any{"Run": run.ID, "Reason": pre.Abandoned.Reason})
	case pre.Finished:
		return nil, lang.Errorf("session.finished", map[string]any{"Run": run.ID})
	}
	s, err := openAgain(run, o)
	if err != nil {
		return nil, err
	}
	return s.goOn(journal.TypeRunResumed, resumed(run.Journal.Damage), o)
}

// goOn journals how an opened run goes on (resumed, reopened), then takes
// the current manual if asked; on failure the run is closed again.
func (s *Session) goOn(typ string, data any, o Options) (*Session, error) {
	err := s.append(typ, data)
	if err == nil {
		err = s.adoptManual(o)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// adoptManual, asked for by Options.CurrentManual, makes the run go on
// with the manual it was opened with when that is not the one it used:
// the run's copy is replaced, then the change journaled.
func (s *Session) adoptManual(o Options) error {
	digest := ManualDigest(s.Manual, s.Playbook)
	if !o.CurrentManual || digest == s.State.ManualDigest {
		return nil
	}
	if err := writeSnapshot(s.Dir, s.Manual, s.Playbook); err != nil {
		return err
	}
	return s.append(journal.TypeManualChanged, ManualChanged{Digest: digest, Previous: s.State.ManualDigest})
}

// resumed is the run.resumed event of a journal read with dmg.
func resumed(dmg journal.Damage) Resumed {
	r := Resumed{Damage: dmg.Reason}
	if !dmg.Intact() {
		r.Repair = &Repair{Journal: dmg.Path, Line: dmg.Line, Kind: string(dmg.Kind), Dropped: dmg.Dropped, MovedTo: dmg.MovedTo}
	}
	return r
}

// openAgain takes a run's lock and opens its journal for appending, repairing
// it if it is damaged: what resuming and reopening after an all-clear
// share. The caller journals why the run was opened again.
func openAgain(run *Run, o Options) (*Session, error) {
	pre := run.State
	if o.Playbook == nil || o.Playbook.ID != pre.Playbook {
		if o.Playbook = o.Manual.Playbook(pre.Playbook); o.Playbook == nil {
			return nil, lang.Errorf("session.no-playbook", map[string]any{"Run": run.ID, "Playbook": pre.Playbook})
		}
	}
	lock, err := journal.Lock(filepath.Dir(run.Dir), pre.Playbook, run.ID, pre.Drill, o.Now)
	if err != nil {
		return nil, err
	}
	j, err := run.Journal.Open(o.Now, o.Manual.Location)
	if errors.Is(err, journal.ErrChanged) {
		// The run's last process wrote after the journal was read and
		// was gone by the time the lock was taken: read it again.
		var again *Run
		if again, err = ReadRun(run.Dir, false); err == nil {
			*run = *again
			pre = run.State
			j, err = run.Journal.Open(o.Now, o.Manual.Location)
		}
	}
	if err != nil {
		lock.Release()
		return nil, err
	}
	o.Drill, o.Locales, o.Speed = pre.Drill, pre.Locales, pre.Speed
	s := newSession(run.Dir, o, j, lock)
	pre.Bind(s.steps)
	s.State = pre
	return s, nil
}

// append journals one event, synced, and only then applies it.
func (s *Session) append(typ string, data any) error {
	e, err := s.journal.Append(typ, data)
	if err != nil {
		return &JournalError{Err: err}
	}
	return s.State.Apply(e)
}

// JournalError means an event could not be written: the run must stop,
// since the screen would otherwise show as done what is not recorded.
type JournalError struct{ Err error }

func (e *JournalError) Error() string { return "journal: " + e.Err.Error() }
func (e *JournalError) Unwrap() error { return e.Err }

// Close releases the journal and the lock.
func (s *Session) Close() error {
	err := s.journal.Close()
	if s.lock != nil {
		err = errors.Join(err, s.lock.Release())
	}
	return err
}

// Current is the step the operator is on; nil once every step is handled.
func (s *Session) Current() *manual.Step {
	if s.State.Cursor < len(s.Playbook.Steps) {
		return &s.Playbook.Steps[s.State.Cursor]
	}
	return nil
}

// Deadline is when a step is due.
func (s *Session) Deadline(st *manual.Step) time.Time { return s.State.Due(s.Playbook, st) }

// NextUpdateDue is when the next update must go out: the earliest of the
// cadences' due times (due.go): the time the first text sent of the
// current round promised its audience, another cadence's interval after
// its last text, or, with on_change, the moment something changed. ok is
// false before any such text and once an all-clear text is sent.
func (s *Session) NextUpdateDue() (time.Time, bool) {
	if !s.State.AllClear.IsZero() || s.State.Closed {
		return time.Time{}, false
	}
	var due time.Time
	for _, d := range s.CadencesDue() {
		if due.IsZero() || d.At.Before(due) {
			due = d.At
		}
	}
	return due, !due.IsZero()
}

// promiseDue is when the first cadence's update is due: what the current
// round promised (the one due time of a 1.0 playbook).
func (s *Session) promiseDue() (time.Time, bool) {
	if !s.State.Promise.IsZero() {
		return s.State.Promise, true
	}
	// Journals from before promises were recorded: a cadence after what
	// the first cadence's audiences last heard (a staff SMS, which has a
	// cadence of its own, does not postpone the next customer update).
	var last time.Time
	for _, aud := range s.Playbook.Updates[0].Audiences {
		if t := s.State.LastSentTo[aud.ID]; t.After(last) {
			last = t
		}
	}
	if last.IsZero() {
		return time.Time{}, false
	}
	return last.Add(s.interval(&s.Playbook.Updates[0], last)), true
}

// interval is the time from an update sent at t to the next of cadence c:
// its phase in force then, counted from the cadence's first promise (every
// 20m for the first 2h after the holding message, then every 60m).
func (s *Session) interval(c *manual.Cadence, t time.Time) time.Duration {
	if d := c.IntervalSince(s.firstPromise(c, t), t); d > 0 {
		return d
	}
	return manual.DefaultCadence
}

// clock is what a text rendered now says: a step's text repeats the
// promise still standing; an update (fresh) promises a cadence from now.
// The first cadence keeps that promise; a text that another cadence covers
// (staff hourly while customers hear every 20 minutes) names the time of
// its own cadence, a phase from now.
func (s *Session) clock(fresh bool) render.Clock {
	now := s.Now()
	next, ok := s.promiseDue() // the first cadence's standing promise, whatever else falls due sooner
	if !s.State.AllClear.IsZero() || s.State.Closed {
		ok = false
	}
	if fresh || !ok || next.Before(now) {
		next = now.Add(s.Playbook.Cadence())
		if len(s.Playbook.Updates) > 0 {
			next = now.Add(s.interval(&s.Playbook.Updates[0], now))
		}
	}
	c := render.Clock{Start: s.State.StartedAt, NextUpdate: next}
	if len(s.Playbook.Updates) > 1 {
		first := &s.Playbook.Updates[0]
		c.NextFor = func(channel string, audiences []string) (time.Time, bool) {
			cad := s.Playbook.CadenceFor(channel, audiences)
			if cad == nil || cad == first {
				return time.Time{}, false
			}
			return now.Add(s.interval(cad, now)), true
		}
	}
	return c
}

// SetState journals where the incident stands: investigating, identified,
// monitoring or resolved.
func (s *Session) SetState(state string) error {
	if !slices.Contains(RunStates, state) {
		return lang.Errorf("run.state-unknown", map[string]any{"States": strings.Join(RunStates, ", "), "Got": fmt.Sprintf("%q", state)})
	}
	if s.State.RunState() == state {
		return lang.Errorf("run.state-already", map[string]any{"State": state})
	}
	return s.append(journal.TypeRunState, StateChange{State: state})
}

// SetVar journals a variable's value.
func (s *Session) SetVar(name, value string) error {
	return s.append(journal.TypeVarSet, Var{Name: name, Value: value})
}

// Done marks the current step done, with the checklist items left
// unticked; the all-clear step also closes the incident. A step already
// handled (shown again after b) is read-only: Forward goes on from it,
// ReopenCurrent opens it to change it.
func (s *Session) Done() error {
	st, err := s.open()
	if err != nil {
		return err
	}
	// One event both completes the all-clear step and closes the
	// incident: with two, a crash between them lost the all-clear.
	allClear := st.Kind == manual.StepAllClear
	return s.append(journal.TypeStepDone, StepRef{Step: st.ID, AllClear: allClear, Unticked: s.Unticked(),
		End: allClear && s.Playbook.HasDecisions()})
}

// Unticked lists the current step's checklist items (1-based) not ticked.
func (s *Session) Unticked() []int {
	st := s.Current()
	if st == nil {
		return nil
	}
	var out []int
	for i := range st.Checklist {
		if !s.State.Checked[st.ID][i+1] {
			out = append(out, i+1)
		}
	}
	return out
}

// open is the current step when it can still be changed: on screen and
// not yet handled.
func (s *Session) open() (*manual.Step, error) {
	st := s.Current()
	if st == nil {
		return nil, lang.Errorf("run.all-handled", nil)
	}
	if ss := s.State.Steps[st.ID]; ss != nil {
		return nil, &ReadOnlyError{Step: st.ID, State: ss, loc: s.Manual.Location}
	}
	return st, nil
}

// ReadOnlyError refuses to change a step already done or skipped: the
// journal keeps what happened; a change goes through an explicit reopen.
type ReadOnlyError struct {
	Step  string
	State *StepState
	loc   *time.Location
}

func (e *ReadOnlyError) Error() string { return e.Unwrap().Error() }

// Unwrap is the error's words, an interface message.
func (e *ReadOnlyError) Unwrap() error {
	id := "run.read-only.done"
	if e.State.Skipped {
		id = "run.read-only.skipped"
	}
	return lang.Errorf(id, message.WithClock(map[string]any{"Step": fmt.Sprintf("%q", e.Step)}, e.State.At.In(e.loc)))
}

// Skip skips the current step; a reason is required, since skipped steps
// are deviations from the approved manual and the report lists them.
func (s *Session) Skip(reason string) error {
	st, err := s.open()
	if err != nil {
		return err
	}
	if reason == "" {
		return lang.Errorf("run.skip-why", nil)
	}
	return s.append(journal.TypeStepSkipped, Skip{Step: st.ID, Reason: reason})
}

// Back returns to the previous step, shown read-only when it is handled.
func (s *Session) Back() error {
	if s.State.Cursor == 0 {
		return lang.Errorf("run.first-step", nil)
	}
	from := EndStep
	if st := s.Current(); st != nil {
		from = st.ID
	}
	to := s.State.Cursor - 1
	for to > 0 && !s.State.OnPath(s.steps[to]) {
		to-- // a step a decision left off the path is not gone back to
	}
	return s.append(journal.TypeStepBack, Back{From: from, To: s.steps[to]})
}

// Forward goes on from a handled step shown again, leaving it as it was,
// to the next step not yet handled.
func (s *Session) Forward() error {
	st := s.Current()
	if st == nil || !s.State.Handled(st.ID) {
		return lang.Errorf("run.not-handled-d", nil)
	}
	to := EndStep
	for _, id := range s.steps[s.State.Cursor+1:] {
		if !s.State.Handled(id) && s.State.OnPath(id) {
			to = id
			break
		}
	}
	return s.append(journal.TypeStepForward, Back{From: st.ID, To: to})
}

// ReopenCurrent opens the handled step on screen again so it can be changed; the
// reason is journaled and the report shows it.
func (s *Session) ReopenCurrent(reason string) error {
	st := s.Current()
	if st == nil || !s.State.Handled(st.ID) {
		return lang.Errorf("run.reopen-which", nil)
	}
	if reason == "" {
		return lang.Errorf("run.reopen-why", nil)
	}
	return s.append(journal.TypeStepReopened, StepReopen{Step: st.ID, Reason: reason})
}

// Note journals a note on the current step.
func (s *Session) Note(text string) error {
	if text == "" {
		return lang.Errorf("run.note-empty", nil)
	}
	step := ""
	if st := s.Current(); st != nil {
		step = st.ID
	}
	return s.append(journal.TypeNote, Note{Step: step, Text: text})
}

// Check journals a ticked checklist item (1-based) of the current step.
func (s *Session) Check(item int) error {
	st, err := s.open()
	if err != nil {
		return err
	}
	if s.State.Checked[st.ID][item] {
		return nil
	}
	return s.append(journal.TypeChecked, Checked{Step: st.ID, Item: item})
}

// Pause journals a pause; the run can be resumed later.
func (s *Session) Pause() error { return s.append(journal.TypeRunPaused, struct{}{}) }

// Finish closes the run for good.
func (s *Session) Finish() error { return s.append(journal.TypeRunFinished, struct{}{}) }

// Steps lists the playbook's step ids in order.
func (s *Session) Steps() []string { return slices.Clone(s.steps) }

// InjectArrived journals that a drill inject was delivered.
func (s *Session) InjectArrived(index int, event string) error {
	return s.append(journal.TypeInjectArrived, Inject{Index: index, Event: event})
}

// InjectAnswered journals the trainee's response to an inject, and whether
// it did what the manual expected.
func (s *Session) InjectAnswered(index int, response string, matched bool) error {
	return s.append(journal.TypeInjectAnswered, Inject{Index: index, Response: response, Matched: &matched})
}

// newRunDir creates the run's folder, adding -2, -3 ... to the id when a
// run of the same playbook started in the same second.
func newRunDir(runs, id string) (string, error) {
	for n := 1; n < 100; n++ {
		try := id
		if n > 1 {
			try = fmt.Sprintf("%s-%d", id, n)
		}
		err := os.Mkdir(filepath.Join(runs, try), 0o755)
		if err == nil {
			return try, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("%s: too many runs named %s", runs, id)
}
