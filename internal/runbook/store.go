package runbook

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/drillrecord"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
)

// Layout of a runs folder:
//
//	<runs>/<run-id>/journal.jsonl         the run's events
//	<runs>/<run-id>/announcements/*.txt   every rendered announcement, ready to paste
//	<runs>/<run-id>/manual/...            the manual files the run used (SnapshotDir)
//	<runs>/<run-id>/run.lock              held while the run is live
//	<runs>/<playbook>.lock                one live run per playbook
//	<runs>/<playbook>.drill.lock          one live drill per playbook
//	<runs>/drills/<playbook>.json         the last finished drill of each playbook
const (
	JournalFile      = "journal.jsonl"
	AnnouncementsDir = "announcements"
)

// NewRunID names a run after its start time (UTC) and playbook, so runs sort
// by time and read well in a listing. Drills say so in their id too.
func NewRunID(playbook string, start time.Time, drill bool) string {
	id := start.UTC().Format("20060102-150405") + "-" + playbook
	if drill {
		id += "-drill"
	}
	return id
}

// Run is a run folder read once: its journal verified, and the state its
// valid events replay to. Listing, resuming and reporting all start here,
// so a journal is read and verified once per command.
type Run struct {
	ID      string
	Dir     string
	Journal *journal.Snapshot
	State   *State          // not yet bound to the playbook's steps (State.Bind)
	Events  []journal.Event // the valid events, when asked for (a report needs them)
}

// ReadRun reads and verifies a run's journal, replaying each event as it is
// read. With keep, Run.Events holds the events; without, only the state is
// kept, so resuming a long run does not hold its journal in memory.
func ReadRun(dir string, keep bool) (*Run, error) {
	r := &Run{ID: filepath.Base(dir), Dir: dir, State: NewState()}
	path := filepath.Join(dir, JournalFile)
	var err error
	r.Journal, err = journal.Load(path, func(e journal.Event) error {
		if keep {
			r.Events = append(r.Events, e)
		}
		return r.State.Apply(e)
	})
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &RunError{ID: r.ID, Err: lang.Errorf("session.journal-missing", map[string]any{"Path": path})}
	case err != nil:
		return nil, &RunError{ID: r.ID, Err: err}
	case r.Journal.Events > 0:
		return r, nil
	case r.Journal.Damage.Intact():
		return nil, &RunError{ID: r.ID, Err: ErrNeverStarted}
	}
	// Damage on the first line leaves no run.started: nothing says which
	// playbook this was, so the run can be neither resumed nor reported.
	return nil, &RunError{ID: r.ID, Err: lang.Errorf("session.journal-unusable", map[string]any{"Damage": DamageText(r.Journal.Damage)})}
}

// RunError is a run folder that exists but cannot be opened, and why.
type RunError struct {
	ID  string
	Err error
}

func (e *RunError) Error() string { return e.run().Error() + ": " + e.Err.Error() }

// Unwrap gives the words "run ID" as an interface message beside the
// reason, so that both are shown in the interface language.
func (e *RunError) Unwrap() []error { return []error{e.run(), e.Err} }

func (e *RunError) run() error { return lang.Errorf("session.run", map[string]any{"Run": e.ID}) }

// ErrNeverStarted is a run folder whose journal is empty: the process was
// stopped before its first event was written (only older versions could
// leave one). Nothing was recorded, so there is nothing to resume or
// report, and listings leave it out.
var ErrNeverStarted = lang.Errorf("session.never-started", nil)

// Summary describes one run folder, for listings and resume.
type Summary struct {
	ID        string    `json:"id"`
	Playbook  string    `json:"playbook"`
	Title     string    `json:"title"`
	Drill     bool      `json:"drill"`
	StartedAt time.Time `json:"started_at"`
	Status    string    `json:"status"` // live, paused, interrupted, finished, abandoned, damaged
	Events    int       `json:"events"`
	Dir       string    `json:"dir"`
	Damage    string    `json:"damage,omitempty"`
	// Run is the run as read for the listing; nil when it could not be.
	Run *Run `json:"-"`
	err error
}

// Run statuses.
const (
	StatusLive        = "live"
	StatusPaused      = "paused"
	StatusInterrupted = "interrupted"
	StatusFinished    = "finished"
	StatusAbandoned   = "abandoned" // given up (Abandon): no longer blocks a new run
)

// List reads every run in a runs folder, newest first. A missing folder is
// an empty list.
func List(runsDir string) ([]Summary, error) {
	dirs, err := Dirs(runsDir)
	if err != nil {
		return nil, err
	}
	var out []Summary
	for _, dir := range dirs {
		if !isRun(dir) {
			continue
		}
		s := summarize(runsDir, dir)
		if errors.Is(s.err, ErrNeverStarted) {
			continue
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Summary) int { return b.StartedAt.Compare(a.StartedAt) })
	return out, nil
}

// Dirs lists the folders of a runs folder that may hold a run: every
// folder but the drill records'. A missing runs folder holds none. What
// makes a folder a run is the caller's to decide: List keeps a run whose
// journal is lost, to show it damaged; the status page needs a journal.
func Dirs(runsDir string) ([]string, error) {
	entries, err := os.ReadDir(runsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != drillrecord.Dir {
			dirs = append(dirs, filepath.Join(runsDir, e.Name()))
		}
	}
	return dirs, nil
}

// isRun reports whether a folder of the runs folder holds a run: a
// journal, or what a run leaves beside it (its head record, announcements),
// so a run whose journal went missing is listed as damaged, not hidden. A
// folder a run stopped in its first milliseconds left empty is none.
func isRun(dir string) bool {
	if _, err := os.Lstat(filepath.Join(dir, JournalFile)); err == nil {
		return true
	}
	if _, err := os.Lstat(journal.HeadPath(filepath.Join(dir, JournalFile))); err == nil {
		return true
	}
	anns, _ := os.ReadDir(filepath.Join(dir, AnnouncementsDir))
	return len(anns) > 0
}

func summarize(runsDir, dir string) Summary {
	s := Summary{ID: filepath.Base(dir), Dir: dir}
	r, err := ReadRun(dir, false)
	if err != nil {
		s.Status, s.Damage, s.err = "damaged", err.Error(), err
		return s
	}
	s.Run = r
	if !r.Journal.Damage.Intact() {
		s.Damage = r.Journal.Damage.String()
	}
	st := r.State
	s.Playbook, s.Title, s.Drill, s.StartedAt, s.Events = st.Playbook, st.Title, st.Drill, st.StartedAt, st.Events
	switch {
	case st.Abandoned != nil:
		s.Status = StatusAbandoned
	case st.Finished:
		s.Status = StatusFinished
	case st.Paused:
		s.Status = StatusPaused
	case lockedBy(runsDir, st.Playbook, s.ID):
		s.Status = StatusLive
	default:
		s.Status = StatusInterrupted
	}
	return s
}

// lockedBy reports whether a live process holds this run.
func lockedBy(runsDir, _, runID string) bool {
	_, live := journal.Live(runsDir, runID)
	return live
}

// Unfinished lists the runs of a playbook (any playbook when "") that can be
// resumed.
func Unfinished(runsDir, playbook string) ([]Summary, error) {
	all, err := List(runsDir)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(s Summary) bool {
		return s.Status == StatusFinished || s.Status == StatusAbandoned || s.Status == StatusLive || s.Status == "damaged" || (playbook != "" && s.Playbook != playbook)
	}), nil
}

// ErrAmbiguous is Find's error for a prefix of several run ids.
var ErrAmbiguous = errors.New("ambiguous")

// Find reads the run of a run id, accepting a unique prefix; keep is as
// for ReadRun.
func Find(runsDir, id string, keep bool) (*Run, error) {
	if err := CheckRunID(id); err != nil {
		return nil, err
	}
	if st, err := os.Stat(filepath.Join(runsDir, id, JournalFile)); err == nil && !st.IsDir() {
		return ReadRun(filepath.Join(runsDir, id), keep)
	}
	all, err := List(runsDir)
	if err != nil {
		return nil, err
	}
	var hits []Summary
	for _, s := range all {
		if strings.HasPrefix(s.ID, id) {
			hits = append(hits, s)
		}
	}
	switch len(hits) {
	case 1:
		switch {
		case hits[0].Run == nil:
			return nil, hits[0].err
		case keep:
			return ReadRun(hits[0].Dir, keep)
		}
		return hits[0].Run, nil
	case 0:
		return nil, lang.Errorf("session.no-run", map[string]any{"ID": id, "Dir": runsDir})
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return nil, ambiguousError{lang.Errorf("session.ambiguous", map[string]any{"ID": id, "Runs": strings.Join(ids, ", ")})}
}

// ambiguousError is ErrAmbiguous in words that name the runs.
type ambiguousError struct{ msg *lang.Error }

func (e ambiguousError) Error() string        { return e.msg.Error() }
func (e ambiguousError) Unwrap() error        { return e.msg }
func (e ambiguousError) Is(target error) bool { return target == ErrAmbiguous }
