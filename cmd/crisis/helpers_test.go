package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// repoRoot is the repository, which is also the example manual.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// crisisBin is the crisis command testscript put on PATH: this test binary
// under the name crisis.
func crisisBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("crisis")
	if err != nil {
		t.Fatalf("crisis not on PATH: %v", err)
	}
	return bin
}

// requireTool skips a test whose tool is missing on a developer's machine,
// but fails it in CI, where .ci/run installs every tool the tests need.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (.ci/run installs it): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}
