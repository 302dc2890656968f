// Package browsertest runs the real browser the HTML tests look through:
// Debian's headless Chromium, started the one way that works on a machine
// without a network (no background connections, a fresh profile).
package browsertest

import (
	"os"
	"os/exec"
	"testing"
)

// Chromium is a headless Chromium for one test.
type Chromium struct {
	t       testing.TB
	path    string
	profile string
}

// New finds chromium on the PATH. Without it the test is skipped, except
// in CI, where .ci/run installs it and its absence is a failure.
func New(t testing.TB) *Chromium {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is required in CI (.ci/run installs it): %v", err)
		}
		t.Skip("chromium is not installed")
	}
	return &Chromium{t: t, path: path, profile: t.TempDir()}
}

// Run runs Chromium with args (--dump-dom URL, --screenshot=FILE URL, ...)
// and returns what it printed on standard output.
func (c *Chromium) Run(args ...string) []byte {
	c.t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + c.profile}
	out, err := exec.Command(c.path, append(base, args...)...).Output()
	if err != nil {
		c.t.Fatalf("chromium %v: %v", args, err)
	}
	return out
}
