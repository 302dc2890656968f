package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the repository's .pre-commit-hooks.yaml with the
// real pre-commit (Debian's package, installed by .ci/run): try-repo builds
// crisis from this repository as a golang hook would be built for a user,
// and runs it on a manual made by crisis init in another repository. A
// clean manual passes; a typo'd key fails the hook with the finding shown.
func TestPreCommitHook(t *testing.T) {
	buildsCrisis(t)
	precommit := requireTool(t, "pre-commit")
	git := requireTool(t, "git")
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "handbook")
	initManual(t, repo)
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		// The hook is built from the modules already downloaded (no network),
		// with -trimpath so the build cache serves it wherever pre-commit clones.
		"GOMODCACHE="+strings.TrimSpace(string(modcache)), "GOPROXY=off", "GOFLAGS=-mod=mod -buildvcs=false -trimpath", "GOTOOLCHAIN=local",
		// Static, as TestDockerfile and TestGitHubAction build it: one set of cached packages serves all three.
		"CGO_ENABLED=0",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org",
	)
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}} {
		if out, err := run(git, args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	hook := []string{"try-repo", repoRoot(t), "crisis-lint", "--all-files", "--color", "never"}
	out, err := run(precommit, hook...)
	if err != nil || !strings.Contains(out, "crisis lint") || !strings.Contains(out, "Passed") {
		t.Fatalf("the hook fails on a clean manual: %v\n%s", err, out)
	}

	misspell(t, repo)
	if out, err := run(git, "add", "-A"); err != nil {
		t.Fatalf("git add: %v\n%s", err, out)
	}
	out, err = run(precommit, hook...)
	if err == nil || !strings.Contains(out, "Failed") || !strings.Contains(out, "CR002") || !strings.Contains(out, "severty") {
		t.Errorf("the hook does not fail on a typo'd key: %v\n%s", err, out)
	}
}
