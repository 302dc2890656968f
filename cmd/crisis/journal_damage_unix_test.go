//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/crisis-cli/crisis/internal/runbook"
)

// TestJournalThatIsNoFileDoesNotHang: a FIFO or a link to /dev/zero in a
// journal's place must not hang runs, report, resume or a new run of
// another playbook, nor fill memory.
func TestJournalThatIsNoFileDoesNotHang(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string) error
		want string
	}{
		{"FIFO", func(path string) error { return syscall.Mkfifo(path, 0o600) }, "is not a regular file (a named pipe (FIFO))"},
		{"link to /dev/zero", func(path string) error { return os.Symlink("/dev/zero", path) }, "is not a regular file (a device)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state, dir := pausedRun(t)
			path := filepath.Join(dir, runbook.JournalFile)
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := tc.make(path); err != nil {
				t.Skipf("cannot make a %s here: %v", tc.name, err)
			}
			id := filepath.Base(dir)
			list, _, err := crisisRun(t, state, "", "runs", "--format", "json")
			if err != nil {
				t.Fatal(err)
			}
			mustContain(t, "runs", list, tc.want)
			_, stderr, _ := crisisRun(t, state, "", "report", id)
			mustContain(t, "report", stderr, tc.want)
			_, stderr, _ = crisisRun(t, state, "p\n", "run", "--resume", id, "--answers", "-")
			mustContain(t, "resume", stderr, tc.want)
			if _, stderr, err := crisisRun(t, state, "", "run", "email-down", "--yes", "-l", "es"); err != nil {
				t.Errorf("a new run of another playbook: %v\n%s", err, stderr)
			}
		})
	}
}
