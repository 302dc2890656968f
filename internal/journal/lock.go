package journal

import (
	"github.com/crisis-cli/crisis/internal/fsutil"

	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// lockPerm lets teammates on a shared machine see who holds a run.
const lockPerm = 0o644

// LockInfo is the content of a lock file: who holds the run.
type LockInfo struct {
	Playbook string    `json:"playbook"`
	RunID    string    `json:"run_id"`
	Host     string    `json:"host"`
	PID      int       `json:"pid"`
	Since    time.Time `json:"since"`
	// BootID tells a PID from before a reboot apart from a new process
	// that happens to reuse it. Empty where the OS does not expose one.
	BootID string `json:"boot_id,omitempty"`
}

// RunLock is a held lock: one live run per playbook per runs folder.
type RunLock struct {
	Path string
	Info LockInfo
	// Stale is set when Lock took over a lock left by a run that is gone;
	// StaleReason says why it was judged stale. Callers should tell the
	// user, since that run was probably interrupted and can be resumed.
	Stale       *LockInfo
	StaleReason string
}

// LockedError reports a lock held by a live run, or by a run on another
// host whose liveness cannot be checked from here.
type LockedError struct {
	Path     string
	Playbook string
	Host     string
	PID      int
	RunID    string
	Since    time.Time
	Remote   bool // held from another host
}

func (e *LockedError) Error() string {
	since := e.Since.Format(time.RFC3339)
	if e.Remote {
		return fmt.Sprintf("playbook %q is locked by run %s on host %s (pid %d) since %s; "+
			"liveness cannot be checked from this host: continue that run there, or if it is certainly over remove %s",
			e.Playbook, e.RunID, e.Host, e.PID, since, e.Path)
	}
	return fmt.Sprintf("playbook %q is already running: run %s, pid %d on host %s, since %s; "+
		"someone is running it now: join them at that terminal; if that process is stuck, "+
		"stop it (kill %d) and resume the run here with --resume %s",
		e.Playbook, e.RunID, e.PID, e.Host, since, e.PID, e.RunID)
}

// Lock takes the run lock for playbook in dir (the runs folder), recording
// runID and the current time (clock; nil means time.Now). A lock left by a
// dead process on this host, by a previous boot, or a malformed lock file
// is stale and taken over; see RunLock.Stale. A live or remote lock gives
// a *LockedError.
func Lock(dir, playbook, runID string, clock func() time.Time) (*RunLock, error) {
	if playbook == "" || playbook == "." || playbook == ".." || strings.ContainsAny(playbook, `/\`) {
		return nil, fmt.Errorf("lock playbook %q: not a valid playbook name", playbook)
	}
	host, err := os.Hostname()
	if err != nil {
		return nil, fmt.Errorf("lock playbook %q: %w", playbook, err)
	}
	info := LockInfo{
		Playbook: playbook, RunID: runID, Host: host, PID: os.Getpid(),
		Since: clockOrNow(clock)().UTC(), BootID: bootID(),
	}
	content, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return nil, err
	}
	content = append(content, '\n')
	path := filepath.Join(dir, playbook+".lock")

	// Serialize lockers on this host so two processes cannot both decide
	// the same lock is stale and both take it over.
	unlock, err := guard(path)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	defer unlock()

	err = createExclusive(path, content)
	if err == nil {
		return &RunLock{Path: path, Info: info}, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	old, reason, err := judge(path, host)
	if err != nil {
		return nil, err
	}
	if err := fsutil.WriteFile(path, content, lockPerm); err != nil {
		return nil, fmt.Errorf("lock %s: take over stale lock: %w", path, err)
	}
	return &RunLock{Path: path, Info: info, Stale: old, StaleReason: reason}, nil
}

// judge reads an existing lock and returns (holder, reason) if it is stale,
// or a *LockedError if it is live.
func judge(path, host string) (*LockInfo, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("lock %s: %w", path, err)
	}
	var old LockInfo
	if err := json.Unmarshal(b, &old); err != nil || old.PID <= 0 || old.Host == "" {
		return &old, "malformed lock file", nil
	}
	locked := &LockedError{Path: path, Playbook: old.Playbook, Host: old.Host,
		PID: old.PID, RunID: old.RunID, Since: old.Since}
	if old.Host != host {
		locked.Remote = true
		return nil, "", locked
	}
	if boot := bootID(); boot != "" && old.BootID != "" && boot != old.BootID {
		return &old, fmt.Sprintf("host rebooted since pid %d took the lock", old.PID), nil
	}
	if !pidAlive(old.PID) {
		return &old, fmt.Sprintf("pid %d is no longer running", old.PID), nil
	}
	return nil, "", locked
}

// createExclusive creates path with content, failing if it exists, and
// makes both the content and the name durable.
func createExclusive(path string, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, lockPerm)
	if err != nil {
		return err
	}
	if _, err := f.Write(content); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return fsutil.SyncDir(filepath.Dir(path))
}

// Release removes the lock file if it is still this run's. If another run
// took the lock over meanwhile, its lock is left alone.
func (l *RunLock) Release() error {
	if l == nil || l.Path == "" {
		return nil
	}
	unlock, err := guard(l.Path)
	if err != nil {
		return fmt.Errorf("release lock %s: %w", l.Path, err)
	}
	defer unlock()
	b, err := os.ReadFile(l.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("release lock %s: %w", l.Path, err)
	}
	var cur LockInfo
	if json.Unmarshal(b, &cur) != nil || cur.RunID != l.Info.RunID || cur.PID != l.Info.PID || cur.Host != l.Info.Host {
		return fmt.Errorf("release lock %s: now held by run %s (pid %d on %s), left in place", l.Path, cur.RunID, cur.PID, cur.Host)
	}
	if err := os.Remove(l.Path); err != nil {
		return fmt.Errorf("release lock %s: %w", l.Path, err)
	}
	dir := filepath.Dir(l.Path)
	l.Path = ""
	return fsutil.SyncDir(dir)
}
