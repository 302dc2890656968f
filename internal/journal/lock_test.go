package journal

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func lockClock() time.Time { return time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC) }

// runsWith makes a runs folder holding the given run folders.
func runsWith(t *testing.T, ids ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, id := range ids {
		if err := os.Mkdir(filepath.Join(dir, id), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustLock(t *testing.T, dir, playbook, runID string, drill bool) *RunLock {
	t.Helper()
	l, err := Lock(dir, playbook, runID, drill, lockClock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Release() })
	return l
}

func lockedBy(t *testing.T, err error) LockInfo {
	t.Helper()
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("want a *LockedError, got %v", err)
	}
	return le.Holder
}

func TestLockAndRelease(t *testing.T) {
	dir := runsWith(t, "run-1", "run-2", "run-3", "run-4")
	l := mustLock(t, dir, "facebook-down", "run-1", false)
	host, _ := os.Hostname()
	for _, path := range []string{l.Path, filepath.Join(dir, "run-1", RunLockFile)} {
		var info LockInfo
		b, _ := os.ReadFile(path)
		if err := json.Unmarshal(b, &info); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		want := LockInfo{Playbook: "facebook-down", RunID: "run-1", Host: host, PID: os.Getpid(), Since: lockClock()}
		if info != want {
			t.Fatalf("%s holds %+v, want %+v", path, info, want)
		}
	}

	// Another playbook in the same folder is independent.
	mustLock(t, dir, "payments-down", "run-2", false)

	// A second run of the same playbook is refused, naming the holder.
	_, err := Lock(dir, "facebook-down", "run-3", false, lockClock)
	if h := lockedBy(t, err); h.RunID != "run-1" || h.PID != os.Getpid() || h.Host != host {
		t.Fatalf("second lock: holder %+v", h)
	}
	for _, want := range []string{host, fmt.Sprint("pid ", os.Getpid()), "run-1", "crisis run --resume run-1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}

	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(l.Path); err != nil || len(b) != 0 {
		t.Fatalf("after release the lock file holds %q (%v), want it empty", b, err)
	}
	if err := l.Release(); err != nil {
		t.Fatalf("second release: %v", err)
	}
	mustLock(t, dir, "facebook-down", "run-4", false)
}

// TestLockIgnoresHolderInfo: what a lock file says never keeps a run from
// starting; only a held lock does. A crashed run's file names a dead PID,
// or one now reused by an unrelated live process (PID 1 here), or holds
// anything at all.
func TestLockIgnoresHolderInfo(t *testing.T) {
	host, _ := os.Hostname()
	cases := map[string][]byte{
		"dead pid":    must(json.Marshal(LockInfo{Playbook: "p", RunID: "old", Host: host, PID: deadPID(t)})),
		"reused pid":  must(json.Marshal(map[string]any{"playbook": "p", "run_id": "old", "host": host, "pid": 1, "boot_id": bootID()})),
		"other host":  must(json.Marshal(LockInfo{Playbook: "p", RunID: "old", Host: "laptop-of-someone-else", PID: 1})),
		"malformed":   []byte("{not json"),
		"empty":       {},
		"binary junk": {0, 1, 2, 0xff},
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := runsWith(t, "old", "new")
			for _, path := range []string{filepath.Join(dir, "p.lock"), filepath.Join(dir, "old", RunLockFile)} {
				if err := os.WriteFile(path, content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			l := mustLock(t, dir, "p", "new", false)
			if l.Info.RunID != "new" {
				t.Fatalf("lock %+v", l.Info)
			}
			// and the run the file names can be resumed
			l.Release()
			mustLock(t, dir, "p", "old", false)
		})
	}
}

// TestLockTamperedWhileHeld: emptying, overwriting or deleting the lock
// file of a held run does not let a second run of the playbook start.
func TestLockTamperedWhileHeld(t *testing.T) {
	for name, tamper := range map[string]func(string) error{
		"emptied":     func(path string) error { return os.WriteFile(path, nil, 0o644) },
		"overwritten": func(path string) error { return os.WriteFile(path, []byte(`{"run_id":"x","pid":1}`), 0o644) },
		"deleted":     os.Remove,
	} {
		t.Run(name, func(t *testing.T) {
			dir := runsWith(t, "first", "second")
			l := mustLock(t, dir, "p", "first", false)
			if err := tamper(l.Path); err != nil {
				t.Fatal(err)
			}
			_, err := Lock(dir, "p", "second", false, lockClock)
			var le *LockedError
			if !errors.As(err, &le) {
				t.Fatalf("a second run started: %v", err)
			}
			if le.Known && le.Holder.RunID != "first" {
				t.Errorf("holder %+v, want run first or unknown", le.Holder)
			}
		})
	}
}

// TestDrillsAndRunsLockSeparately: a live drill never blocks a real run of
// the same playbook (nor the reverse); each kind is still one at a time,
// and the message names the kind's own command.
func TestDrillsAndRunsLockSeparately(t *testing.T) {
	dir := runsWith(t, "d1", "r1", "d2", "r2")
	mustLock(t, dir, "p", "d1", true)
	mustLock(t, dir, "p", "r1", false)

	_, err := Lock(dir, "p", "d2", true, lockClock)
	if h := lockedBy(t, err); h.RunID != "d1" || !h.Drill {
		t.Fatalf("second drill: holder %+v", h)
	}
	if msg := err.Error(); !strings.Contains(msg, "crisis drill --resume d1") || strings.Contains(msg, "crisis run") {
		t.Errorf("a live drill's message must point to crisis drill --resume, never crisis run: %s", msg)
	}
	_, err = Lock(dir, "p", "r2", false, lockClock)
	if h := lockedBy(t, err); h.RunID != "r1" || h.Drill {
		t.Fatalf("second run: holder %+v", h)
	}
	if msg := err.Error(); !strings.Contains(msg, "crisis run --resume r1") || strings.Contains(msg, "drill") {
		t.Errorf("a live run's message must point to crisis run --resume: %s", msg)
	}
}

// TestLockedMessages: no message tells anyone to kill a process: the PID
// may be a colleague's live run, or no longer crisis at all.
func TestLockedMessages(t *testing.T) {
	for _, e := range []*LockedError{
		{Path: "runs/p.lock", Known: true, Holder: LockInfo{Playbook: "p", RunID: "r", Host: "h", PID: 1}},
		{Path: "runs/p.drill.lock", Known: true, Holder: LockInfo{Playbook: "p", RunID: "r", Drill: true, Host: "h", PID: 1}},
		{Path: "runs/p.lock"},
	} {
		msg := e.Error()
		if strings.Contains(strings.ToLower(msg), "kill") {
			t.Errorf("message advises killing: %s", msg)
		}
		if !e.Known && !strings.Contains(msg, "runs/p.lock") {
			t.Errorf("message does not name the lock file: %s", msg)
		}
	}
}

func TestLockBadIDs(t *testing.T) {
	dir := runsWith(t, "r", "r.2")
	mustLock(t, dir, "p", "r.2", false) // a dot is fine in a run id
	for _, name := range []string{"", ".", "..", "a/b", `a\b`, "../p", "p.drill"} {
		if _, err := Lock(dir, name, "r", false, nil); err == nil {
			t.Errorf("Lock accepted playbook %q", name)
		}
	}
	for _, id := range []string{"", ".", "..", "../r", "r/..", "a/b", `a\b`} {
		if _, err := Lock(dir, "p", id, false, nil); err == nil {
			t.Errorf("Lock accepted run id %q", id)
		}
	}
}

// TestLockRace: many lockers of one playbook at once; exactly one wins.
func TestLockRace(t *testing.T) {
	const n = 8
	for round := 0; round < 10; round++ {
		var ids []string
		for i := 0; i < n; i++ {
			ids = append(ids, fmt.Sprint("r", i))
		}
		dir := runsWith(t, ids...)
		results := make(chan error, n)
		for _, id := range ids {
			go func() {
				l, err := Lock(dir, "p", id, false, lockClock)
				if err == nil {
					t.Cleanup(func() { l.Release() })
				}
				results <- err
			}()
		}
		won := 0
		for range ids {
			err := <-results
			var le *LockedError
			switch {
			case err == nil:
				won++
			case !errors.As(err, &le):
				t.Fatal(err)
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d lockers took the lock", round, won)
		}
	}
}

func TestLive(t *testing.T) {
	dir := runsWith(t, "r1", "r2")
	if _, live := Live(dir, "r1"); live {
		t.Fatal("a run never locked is live")
	}
	l := mustLock(t, dir, "p", "r1", false)
	if info, live := Live(dir, "r1"); !live || info.RunID != "r1" {
		t.Fatalf("held run: live %t, %+v", live, info)
	}
	if _, live := Live(dir, "r2"); live {
		t.Fatal("another run is live")
	}
	if _, live := Live(dir, "../r1"); live {
		t.Fatal("a path is taken for a run id")
	}
	// Asking does not take the lock: the holder keeps it, and a listing
	// during a start does not make the start fail.
	l.Release()
	if _, live := Live(dir, "r1"); live {
		t.Fatal("a released run is live")
	}
	mustLock(t, dir, "p", "r1", false)
}

// TestLockReleasedWhenHolderDies: the lock is the operating system's: a
// holder killed outright frees it at once, and while it lives another
// process is refused with its PID.
func TestLockReleasedWhenHolderDies(t *testing.T) {
	if dir := os.Getenv("CRISIS_LOCK_HOLDER"); dir != "" {
		if _, err := Lock(dir, "p", "held", false, nil); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("locked")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	dir := runsWith(t, "held", "next")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockReleasedWhenHolderDies$")
	cmd.Env = append(os.Environ(), "CRISIS_LOCK_HOLDER="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		t.Fatalf("holder: %q", line)
	}
	_, err = Lock(dir, "p", "next", false, lockClock)
	if h := lockedBy(t, err); h.PID != cmd.Process.Pid || h.RunID != "held" {
		t.Fatalf("holder %+v, want pid %d", h, cmd.Process.Pid)
	}
	if info, live := Live(dir, "held"); !live || info.PID != cmd.Process.Pid {
		t.Fatalf("Live: %t %+v", live, info)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if _, live := Live(dir, "held"); live {
		t.Fatal("a killed holder's run is still live")
	}
	mustLock(t, dir, "p", "next", false)
}

// deadPID returns the PID of a process that has exited and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// bootID is the current boot's id on Linux, which the old lock format
// recorded to tell a reused PID from the original holder.
func bootID() string {
	b, _ := os.ReadFile("/proc/sys/kernel/random/boot_id")
	return strings.TrimSpace(string(b))
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestLockResumeLiveElsewhere: resuming a run another process holds names
// that run from its intact lock file, not "the file no longer says".
func TestLockResumeLiveElsewhere(t *testing.T) {
	dir := runsWith(t, "20260314-090000-p")
	mustLock(t, dir, "p", "20260314-090000-p", false)
	_, err := Lock(dir, "p", "20260314-090000-p", false, lockClock)
	var le *LockedError
	if !errors.As(err, &le) || !le.Known || le.Holder.RunID != "20260314-090000-p" {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), "no longer says") || !strings.Contains(err.Error(), "crisis run --resume 20260314-090000-p") {
		t.Errorf("message: %v", err)
	}
}

// TestLockRunLockEmptied: with the live run's own lock emptied and the
// playbook's lock deleted, a second run of the playbook is still refused:
// the run folder's name says whose run it is. Another playbook, and a
// drill of the same one, still start.
func TestLockRunLockEmptied(t *testing.T) {
	live := "20260314-090000-facebook-down"
	dir := runsWith(t, live, "20260314-100000-facebook-down", "20260314-100000-payments-down", "20260314-100000-facebook-down-drill")
	l := mustLock(t, dir, "facebook-down", live, false)
	if err := os.WriteFile(filepath.Join(dir, live, RunLockFile), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(l.Path); err != nil {
		t.Fatal(err)
	}
	_, err := Lock(dir, "facebook-down", "20260314-100000-facebook-down", false, lockClock)
	var le *LockedError
	if !errors.As(err, &le) || le.Path != filepath.Join(dir, live, RunLockFile) {
		t.Fatalf("a second run started: %v", err)
	}
	mustLock(t, dir, "payments-down", "20260314-100000-payments-down", false)
	mustLock(t, dir, "facebook-down", "20260314-100000-facebook-down-drill", true)
}

func TestMayBeRunOf(t *testing.T) {
	tests := []struct {
		id, playbook string
		drill, want  bool
	}{
		{"20260314-090000-facebook-down", "facebook-down", false, true},
		{"20260314-090000-facebook-down-drill", "facebook-down", true, true},
		{"20260314-090000-facebook-down-drill-2", "facebook-down", true, true},
		{"20260314-090000-facebook-down-drill", "facebook-down", false, false},
		{"20260314-090000-facebook-down", "facebook-down", true, false},
		{"20260314-090000-facebook-downtime", "facebook-down", false, false},
		{"20260314-090000-payments-down", "facebook-down", false, false},
		{"facebook-down", "facebook-down", false, true},
	}
	for _, tt := range tests {
		if got := mayBeRunOf(tt.id, tt.playbook, tt.drill); got != tt.want {
			t.Errorf("mayBeRunOf(%q, %q, %v) = %v, want %v", tt.id, tt.playbook, tt.drill, got, tt.want)
		}
	}
}

// TestTakeTriesBeforeTheDeadline: a lock nobody holds is taken even when
// the time to wait for it has already run out, as when a loaded machine
// resumes the goroutine late; one somebody holds is refused, not waited
// on past the time given.
func TestTakeTriesBeforeTheDeadline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.lock")
	lk := flock.New(path)
	if ok, err := take(lk, 0); !ok || err != nil {
		t.Fatalf("a free lock with no time left: %v, %v; want taken", ok, err)
	}
	defer lk.Unlock()
	other := flock.New(path)
	start := time.Now()
	if ok, err := take(other, 50*time.Millisecond); ok || err != nil {
		t.Fatalf("a held lock: %v, %v; want refused", ok, err)
	}
	if waited := time.Since(start); waited < 50*time.Millisecond {
		t.Errorf("refused after %v, before the 50ms it may wait", waited)
	}
}
