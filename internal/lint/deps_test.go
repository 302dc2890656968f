package lint

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLintStaysBelowTheRunMachinery: lint is the CI gate and reads only
// manuals and drill records; it must not depend on how runs are journaled
// or driven, so that neither can slow or break it.
func TestLintStaysBelowTheRunMachinery(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"/internal/runbook", "/internal/journal", "/internal/drill"} {
			if strings.HasSuffix(dep, banned) {
				t.Errorf("lint depends on %s", dep)
			}
		}
	}
}
