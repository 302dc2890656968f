//go:build unix

package journal

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLockRefusesNonRegularFile: a FIFO where the lock file belongs must
// not hang a start.
func TestLockRefusesNonRegularFile(t *testing.T) {
	dir := runsWith(t, "r")
	if err := syscall.Mkfifo(filepath.Join(dir, "p.lock"), 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := Lock(dir, "p", "r", false, nil); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("a FIFO as lock file: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Lock hangs on a FIFO")
	}
}
