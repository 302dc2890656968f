package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestGoReleaserConfig validates .goreleaser.yaml with goreleaser itself
// when it is on the PATH. Building goreleaser takes longer than a CI run
// should spend on it, so .ci/run does not install it and the test is
// skipped there: `go install github.com/goreleaser/goreleaser/v2@v2.15.1`
// (the version it was checked with) brings it.
func TestGoReleaserConfig(t *testing.T) {
	bin, err := exec.LookPath("goreleaser")
	if err != nil {
		t.Skip("goreleaser not installed")
	}
	cmd := exec.Command(bin, "check")
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "1 configuration file(s) validated") {
		t.Errorf("goreleaser check: %v\n%s", err, out)
	}
}
