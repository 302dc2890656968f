package journal

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// RunLockFile is the lock a live run holds inside its own folder.
const RunLockFile = "run.lock"

// lockPerm lets teammates on a shared machine see who holds a run.
const lockPerm = 0o644

// maxLockInfo bounds what is read from a lock file: holder information is
// a few hundred bytes, and the file may be anything someone put there.
const maxLockInfo = 64 << 10

// lockWait is how long Lock keeps trying a lock that is held. A live run
// holds its locks for hours; a listing (Live) holds a shared lock for
// microseconds, and must not make a run start fail.
const lockWait = 100 * time.Millisecond

// playbookRE is what a playbook id looks like (the manual's id form): no
// separator and no dot, so it names a file inside the runs folder and a
// real run's lock name can never be a drill's.
var playbookRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// runIDRE is what a run id (or the prefix of one) may be: the ids crisis
// makes (20261123-020000-facebook-down-drill) are letters, digits, dots,
// hyphens and underscores, starting with a letter or digit.
var runIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// CheckRunID refuses what is not a run id before it is used in a path: a
// run id names a folder inside the runs folder, and must not reach outside
// it (../, an absolute path).
func CheckRunID(id string) error {
	if !runIDRE.MatchString(id) || strings.Contains(id, "..") {
		return fmt.Errorf("%q is not a run id (crisis runs lists them: letters, digits, dots and hyphens, such as 20261123-020000-facebook-down)", id)
	}
	return nil
}

func isRunID(id string) bool { return CheckRunID(id) == nil }

// LockInfo is written into a held lock: who holds the run, for messages.
// It is information only: whether a run is live is decided by the
// operating system's file lock, never by these fields.
type LockInfo struct {
	Playbook string    `json:"playbook"`
	RunID    string    `json:"run_id"`
	Drill    bool      `json:"drill,omitempty"`
	Host     string    `json:"host"`
	PID      int       `json:"pid"`
	Since    time.Time `json:"since"`
}

// RunLock is a held run lock: one live real run and one live drill per
// playbook per runs folder, and one process per run.
type RunLock struct {
	Path string // the playbook's lock file
	Info LockInfo

	playbook, run *heldLock
}

// LockedError reports a lock held by a live process. Holder is what the
// lock file says; Known is false when it says nothing readable (emptied or
// overwritten by hand), which does not make the lock any less held.
type LockedError struct {
	Path   string
	Holder LockInfo
	Known  bool
}

func (e *LockedError) Error() string {
	if !e.Known {
		return fmt.Sprintf("%s is held by a live process, but the file no longer says which run "+
			"(it was emptied or overwritten); crisis runs lists the live runs", e.Path)
	}
	h := e.Holder
	kind, verb := "run", "run"
	if h.Drill {
		kind, verb = "drill", "drill"
	}
	return fmt.Sprintf("playbook %q already has a live %s: %s, pid %d on host %s, since %s. "+
		"Join them at that terminal; to carry on from here, pause it there (p), then: crisis %s --resume %s",
		h.Playbook, kind, h.RunID, h.PID, h.Host, h.Since.Format(time.RFC3339), verb, h.RunID)
}

// lockPath is the playbook's lock file: real runs and drills lock
// separately, so a drill never delays a real incident (nor the reverse).
func lockPath(runsDir, playbook string, drill bool) string {
	if drill {
		return filepath.Join(runsDir, playbook+".drill.lock")
	}
	return filepath.Join(runsDir, playbook+".lock")
}

// Lock takes the locks of run runID of playbook in runsDir (the runs
// folder, which must hold the run's folder): the playbook's lock for real
// runs or for drills, and the run's own lock. Both are operating-system
// file locks (flock), held until Release or until the process ends in any
// way, crash included: there is nothing stale to judge or take over. The
// holder information is written into both files for messages. A lock held
// by another process gives a *LockedError naming it.
//
// Besides the playbook's lock file, Lock checks the run locks of the
// other runs of the playbook: someone deleting the playbook's lock file
// while a run holds it must not let a second run of it start.
func Lock(runsDir, playbook, runID string, drill bool, clock func() time.Time) (*RunLock, error) {
	if !playbookRE.MatchString(playbook) {
		return nil, fmt.Errorf("lock playbook %q: not a playbook id", playbook)
	}
	if !isRunID(runID) {
		return nil, fmt.Errorf("lock run %q: not a run id", runID)
	}
	host, err := os.Hostname()
	if err != nil {
		return nil, fmt.Errorf("lock playbook %q: %w", playbook, err)
	}
	info := LockInfo{Playbook: playbook, RunID: runID, Drill: drill, Host: host, PID: os.Getpid(),
		Since: clockOrNow(clock)().UTC()}
	content, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return nil, err
	}
	content = append(content, '\n')

	l := &RunLock{Path: lockPath(runsDir, playbook, drill), Info: info}
	if l.playbook, err = acquire(l.Path); err != nil {
		if errors.Is(err, errHeld) {
			// Who holds it is told by the run that holds its own lock,
			// not by the playbook file, which anyone can overwrite; when
			// resuming, that may be this very run, live elsewhere.
			if err := liveSibling(runsDir, info, true); err != nil {
				return nil, err
			}
			return nil, &LockedError{Path: l.Path}
		}
		return nil, err
	}
	runLock := filepath.Join(runsDir, runID, RunLockFile)
	if l.run, err = acquire(runLock); err != nil {
		l.playbook.release()
		if errors.Is(err, errHeld) {
			holder, known := readLockInfo(runLock)
			return nil, &LockedError{Path: runLock, Holder: holder, Known: known && holder.RunID == runID}
		}
		return nil, err
	}
	// Write before looking for others: of two runs that both got past a
	// deleted playbook lock, at least one sees the other.
	if err := errors.Join(l.playbook.write(content), l.run.write(content)); err != nil {
		l.Release()
		return nil, err
	}
	if err := liveSibling(runsDir, info, false); err != nil {
		l.Release()
		return nil, err
	}
	return l, nil
}

// LockRun takes run runID's own lock only, not its playbook's: for a
// change to a run that is not live (abandoning it) while another run of
// the same playbook may be. A live holder gives a *LockedError.
func LockRun(runsDir, runID string) (*RunLock, error) {
	if !isRunID(runID) {
		return nil, fmt.Errorf("lock run %q: not a run id", runID)
	}
	path := filepath.Join(runsDir, runID, RunLockFile)
	h, err := acquire(path)
	if errors.Is(err, errHeld) {
		holder, known := readLockInfo(path)
		return nil, &LockedError{Path: path, Holder: holder, Known: known && holder.RunID == runID}
	}
	if err != nil {
		return nil, err
	}
	return &RunLock{Path: path, Info: LockInfo{RunID: runID}, run: h}, nil
}

// liveSibling returns a *LockedError if a run of the same playbook and
// kind holds its run lock: another run, or with self this one too. A held
// run lock whose holder information was emptied or overwritten still
// counts when the run's id says it may be one of the playbook's: better
// a refusal to explain than two live runs of one playbook.
func liveSibling(runsDir string, me LockInfo, self bool) error {
	entries, err := os.ReadDir(runsDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() || (!self && e.Name() == me.RunID) {
			continue
		}
		path := filepath.Join(runsDir, e.Name(), RunLockFile)
		info, ok := readLockInfo(path)
		ok = ok && info.RunID == e.Name()
		if ok && (info.Playbook != me.Playbook || info.Drill != me.Drill) {
			continue
		}
		if !ok && !mayBeRunOf(e.Name(), me.Playbook, me.Drill) {
			continue
		}
		if held, err := isHeld(path); err != nil || !held {
			continue
		}
		if !ok {
			return &LockedError{Path: path}
		}
		return &LockedError{Path: path, Holder: info, Known: true}
	}
	return nil
}

// mayBeRunOf reports whether runID may name a run (or, with drill, a
// drill) of playbook, as runbook names them: the start time, the playbook,
// "-drill" for a drill, and perhaps a further suffix. It errs towards yes.
func mayBeRunOf(runID, playbook string, drill bool) bool {
	rest := runID
	if len(rest) > 16 && rest[8] == '-' && rest[15] == '-' {
		rest = rest[16:] // 20060102-150405-
	}
	tail, ok := strings.CutPrefix(rest, playbook)
	if !ok || (tail != "" && tail[0] != '-') {
		return false
	}
	isDrill := tail == "-drill" || strings.HasPrefix(tail, "-drill-")
	return isDrill == drill
}

// Release clears the holder information and lets the locks go. The files
// stay: removing a lock file while another process waits on it would let
// that process lock a file nobody else can find any more.
func (l *RunLock) Release() error {
	if l == nil {
		return nil
	}
	var errs []error
	for _, h := range []**heldLock{&l.run, &l.playbook} {
		if *h != nil {
			errs = append(errs, (*h).release())
			*h = nil
		}
	}
	return errors.Join(errs...)
}

// Live reports whether run runID in runsDir is held by a live process, and
// who holds it. It never takes the lock for more than an instant, and a
// run without a lock file is not live.
func Live(runsDir, runID string) (LockInfo, bool) {
	if !isRunID(runID) {
		return LockInfo{}, false
	}
	path := filepath.Join(runsDir, runID, RunLockFile)
	held, err := isHeld(path)
	if err != nil || !held {
		return LockInfo{}, false
	}
	info, _ := readLockInfo(path)
	return info, true
}

// heldLock is one held file lock, with a second handle on the same file
// for writing the holder information (flock's own handle is read-only).
type heldLock struct {
	lock *flock.Flock
	file *os.File
}

// errHeld is acquire's answer when another process holds the lock.
var errHeld = errors.New("held by another process")

// acquire takes an exclusive lock on path, creating the file if needed.
func acquire(path string) (*heldLock, error) {
	if err := regularOrMissing(path); err != nil {
		return nil, err
	}
	for range 3 {
		lk := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDONLY), flock.SetPermissions(lockPerm))
		ok, err := take(lk, lockWait)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !ok {
			return nil, errHeld
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			lk.Unlock()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		locked, err1 := lk.Stat()
		named, err2 := f.Stat()
		if err1 == nil && err2 == nil && os.SameFile(locked, named) {
			return &heldLock{lock: lk, file: f}, nil
		}
		// The file was replaced between locking and opening it: the lock
		// is on a file nobody else will look at. Start again.
		f.Close()
		lk.Unlock()
	}
	return nil, fmt.Errorf("lock %s: the file keeps being replaced", path)
}

// take locks lk, trying again for up to wait while someone else holds it
// (a listing, for microseconds). It tries once before it looks at the
// clock: flock's TryLockContext gives up without trying when its context
// has already expired, and a goroutine resumed late on a loaded machine
// would then report a lock nobody holds as held by a live run.
func take(lk *flock.Flock, wait time.Duration) (bool, error) {
	if ok, err := lk.TryLock(); ok || err != nil {
		return ok, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ok, err := lk.TryLockContext(ctx, 10*time.Millisecond)
	if errors.Is(err, context.DeadlineExceeded) {
		return false, nil
	}
	return ok, err
}

// write replaces the holder information. It is not synced: it only
// matters while the holder lives, and a crash releases the lock anyway.
func (h *heldLock) write(content []byte) error {
	if err := h.file.Truncate(0); err != nil {
		return err
	}
	_, err := h.file.WriteAt(content, 0)
	return err
}

func (h *heldLock) release() error {
	err := h.write(nil)
	err = errors.Join(err, h.file.Close())
	return errors.Join(err, h.lock.Unlock())
}

// isHeld reports whether another process holds path's lock, probing with
// a shared lock, which never conflicts with another probe.
func isHeld(path string) (bool, error) {
	if err := regularOrMissing(path); err != nil {
		return false, err
	}
	if _, err := os.Stat(path); err != nil {
		return false, err
	}
	lk := flock.New(path, flock.SetFlag(os.O_RDONLY))
	ok, err := lk.TryRLock()
	if err != nil {
		return false, err
	}
	if ok {
		lk.Unlock()
	}
	return !ok, nil
}

// regularOrMissing refuses a lock path that is a FIFO, device, directory
// or link: opening one could hang or touch something else.
func regularOrMissing(path string) error {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("lock %s: not a regular file; remove it", path)
	}
	return nil
}

// readLockInfo reads the holder information; ok is false when the file
// holds none (released, emptied, or not written by crisis).
func readLockInfo(path string) (LockInfo, bool) {
	if regularOrMissing(path) != nil {
		return LockInfo{}, false
	}
	f, err := os.Open(path)
	if err != nil {
		return LockInfo{}, false
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxLockInfo))
	var info LockInfo
	if err != nil || json.Unmarshal(b, &info) != nil || info.RunID == "" {
		return LockInfo{}, false
	}
	return info, true
}
