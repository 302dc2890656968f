package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func lockClock() time.Time { return time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC) }

func writeLock(t *testing.T, dir, playbook string, info LockInfo) string {
	t.Helper()
	b, err := json.Marshal(info)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, playbook+".lock")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
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

func TestLockAndRelease(t *testing.T) {
	dir := t.TempDir()
	l, err := Lock(dir, "facebook-down", "run-1", lockClock)
	if err != nil {
		t.Fatal(err)
	}
	if l.Stale != nil {
		t.Fatalf("fresh lock reported stale: %+v", l.Stale)
	}
	var info LockInfo
	b, _ := os.ReadFile(l.Path)
	if err := json.Unmarshal(b, &info); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	if info.PID != os.Getpid() || info.Host != host || info.RunID != "run-1" || !info.Since.Equal(lockClock()) {
		t.Fatalf("lock file holds %+v", info)
	}

	// Another playbook in the same folder is independent.
	other, err := Lock(dir, "payments-down", "run-2", lockClock)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Release()

	// A second run of the same playbook is refused: our own PID is alive.
	_, err = Lock(dir, "facebook-down", "run-3", lockClock)
	var le *LockedError
	if !errors.As(err, &le) || le.RunID != "run-1" || le.PID != os.Getpid() || le.Remote {
		t.Fatalf("second lock: %v", err)
	}
	for _, want := range []string{host, fmt.Sprint(os.Getpid()), "run-1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}

	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "facebook-down.lock")); !os.IsNotExist(err) {
		t.Fatalf("lock file still there: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatalf("second release: %v", err)
	}
	l, err = Lock(dir, "facebook-down", "run-4", lockClock)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l.Release()
}

func TestLockStale(t *testing.T) {
	host, _ := os.Hostname()
	dead := deadPID(t)
	cases := []struct {
		name    string
		content []byte // nil: use info
		info    LockInfo
		reason  string
	}{
		{name: "dead pid", info: LockInfo{Playbook: "p", RunID: "old", Host: host, PID: dead, BootID: bootID()}, reason: "no longer running"},
		{name: "previous boot", info: LockInfo{Playbook: "p", RunID: "old", Host: host, PID: os.Getpid(), BootID: "another-boot"}, reason: "rebooted"},
		{name: "malformed", content: []byte("{not json"), reason: "malformed"},
		{name: "empty", content: []byte{}, reason: "malformed"},
		{name: "zero pid", content: []byte(`{"host":"x","pid":0}`), reason: "malformed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "previous boot" && bootID() == "" {
				t.Skip("no boot id on this system")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "p.lock")
			if c.content != nil {
				os.WriteFile(path, c.content, 0o644)
			} else {
				writeLock(t, dir, "p", c.info)
			}
			l, err := Lock(dir, "p", "new", lockClock)
			if err != nil {
				t.Fatal(err)
			}
			defer l.Release()
			if l.Stale == nil || !strings.Contains(l.StaleReason, c.reason) {
				t.Fatalf("stale = %+v, reason %q, want %q", l.Stale, l.StaleReason, c.reason)
			}
			if c.content == nil && l.Stale.RunID != "old" {
				t.Errorf("stale holder %+v", l.Stale)
			}
			var now LockInfo
			b, _ := os.ReadFile(path)
			if json.Unmarshal(b, &now) != nil || now.RunID != "new" || now.PID != os.Getpid() {
				t.Fatalf("lock not taken over: %s", b)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("temp files left behind: %v", entries)
			}
		})
	}
}

func TestLockOtherHost(t *testing.T) {
	dir := t.TempDir()
	since := time.Date(2026, 3, 14, 8, 0, 0, 0, time.UTC)
	path := writeLock(t, dir, "p", LockInfo{Playbook: "p", RunID: "r9", Host: "laptop-of-someone-else", PID: deadPID(t), Since: since})
	_, err := Lock(dir, "p", "new", lockClock)
	var le *LockedError
	if !errors.As(err, &le) || !le.Remote || le.Host != "laptop-of-someone-else" || !le.Since.Equal(since) {
		t.Fatalf("lock held on another host: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "another host") && !strings.Contains(msg, "from this host") || !strings.Contains(msg, path) {
		t.Errorf("message %q should say it is another host and name %s", msg, path)
	}
}

func TestReleaseLeavesTakenOverLock(t *testing.T) {
	dir := t.TempDir()
	l, err := Lock(dir, "p", "mine", lockClock)
	if err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	writeLock(t, dir, "p", LockInfo{Playbook: "p", RunID: "theirs", Host: host, PID: os.Getpid()})
	if err := l.Release(); err == nil {
		t.Fatal("release removed someone else's lock without complaint")
	}
	if _, err := os.Stat(filepath.Join(dir, "p.lock")); err != nil {
		t.Fatalf("their lock is gone: %v", err)
	}
}

func TestLockBadPlaybook(t *testing.T) {
	for _, name := range []string{"", ".", "..", "a/b", `a\b`} {
		if _, err := Lock(t.TempDir(), name, "r", nil); err == nil {
			t.Errorf("Lock accepted playbook %q", name)
		}
	}
}

// TestLockTakeoverRace: many lockers find the same stale lock at once;
// exactly one may take it over.
func TestLockTakeoverRace(t *testing.T) {
	host, _ := os.Hostname()
	dead := deadPID(t)
	for round := 0; round < 20; round++ {
		dir := t.TempDir()
		writeLock(t, dir, "p", LockInfo{Playbook: "p", RunID: "old", Host: host, PID: dead})
		const n = 8
		results := make(chan error, n)
		for i := 0; i < n; i++ {
			go func() {
				_, err := Lock(dir, "p", fmt.Sprint("r", i), lockClock)
				results <- err
			}()
		}
		won := 0
		for i := 0; i < n; i++ {
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
			t.Fatalf("round %d: %d lockers took the stale lock", round, won)
		}
	}
}
