package statussite

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func writeLock(t *testing.T, dir string, h lockHolder, age time.Duration) {
	t.Helper()
	b, _ := json.Marshal(h)
	p := filepath.Join(dir, LockName)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-age)
	if err := os.Chtimes(p, at, at); err != nil {
		t.Fatal(err)
	}
}

// TestPublishLock: a publish waits for a live one holding the bucket and
// gives up with who holds it; a lock left by a dead process on this
// machine, or older than LockStale from another, is taken over and said
// so; the lock is gone once a publish ends, failed or not.
func TestPublishLock(t *testing.T) {
	old, next := twoSites()
	host, _ := os.Hostname()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		holder   lockHolder
		age      time.Duration
		takeover bool
	}{
		{"a live publish on this machine", lockHolder{Host: host, PID: os.Getpid(), Started: frozen}, 0, false},
		{"a recent publish on another machine", lockHolder{Host: "elsewhere", PID: 1, Started: frozen}, LockStale - time.Minute, false},
		{"a dead publish on this machine", lockHolder{Host: host, PID: dead.Process.Pid, Started: frozen}, 0, true},
		{"an old lock from another machine", lockHolder{Host: "elsewhere", PID: 1, Started: frozen}, LockStale + time.Minute, true},
		{"an old lock saying nothing readable", lockHolder{}, LockStale + time.Minute, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Publish(context.Background(), old, bucketURL(dir), PublishOptions{Now: frozen}); err != nil {
				t.Fatal(err)
			}
			writeLock(t, dir, c.holder, c.age)
			var notes []string
			_, err := Publish(context.Background(), next, bucketURL(dir), PublishOptions{Now: frozen, LockWait: 300 * time.Millisecond,
				Note: func(n string) { notes = append(notes, n) }})
			if c.takeover {
				if err != nil || len(notes) != 1 || !strings.Contains(notes[0], "did not finish: taking over its lock") || !sameFiles(readDir(t, dir), next) {
					t.Fatalf("err %v, notes %q", err, notes)
				}
			} else {
				var le *LockedError
				if !errors.As(err, &le) || le.PID != c.holder.PID || !strings.Contains(err.Error(), "another publish (process") || !sameFiles(readDir(t, dir), old) {
					t.Fatalf("err %v: want the lock's holder named and the old site untouched", err)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, LockName)); c.takeover && !os.IsNotExist(err) {
				t.Errorf("the lock is left after the publish: %v", err)
			}
		})
	}
}

// TestPublishesOneAtATime: a publish that starts while another writes
// waits for it, then publishes its whole site; the two never interleave.
func TestPublishesOneAtATime(t *testing.T) {
	old, next := twoSites()
	dir := t.TempDir()
	started := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	var firstDone, secondStart time.Time
	wg.Go(func() {
		_, err := Publish(context.Background(), old, bucketURL(dir), PublishOptions{Now: frozen, Progress: func(string) {
			once.Do(func() { close(started) })
			time.Sleep(30 * time.Millisecond)
		}})
		firstDone = time.Now()
		if err != nil {
			t.Error(err)
		}
	})
	<-started
	_, err := Publish(context.Background(), next, bucketURL(dir), PublishOptions{Now: frozen, Progress: func(string) {
		if secondStart.IsZero() {
			secondStart = time.Now()
		}
	}})
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if !secondStart.After(firstDone) {
		t.Errorf("the second publish wrote at %v, before the first ended at %v", secondStart, firstDone)
	}
	if !sameFiles(readDir(t, dir), next) {
		t.Errorf("the site is not the second publish's")
	}
}
