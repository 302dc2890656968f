//go:build unix

package manual

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFIFORefused: a named pipe saved as a playbook would block the read
// for ever; it is refused without being opened.
func TestFIFORefused(t *testing.T) {
	dir := writeManual(t)
	for _, name := range []string{"playbooks/pipe.yaml", "templates/pl.yaml"} {
		if err := syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(name)), 0o644); err != nil {
			t.Skipf("cannot make a FIFO here: %v", err)
		}
	}
	_, diags := loadDir(t, dir)
	for _, name := range []string{"playbooks/pipe.yaml", "templates/pl.yaml"} {
		if d := finding(t, diags, name, RuleFile); !strings.Contains(d.Message, "named pipe") {
			t.Errorf("%s: message %q does not name the pipe", name, d.Message)
		}
	}
}
