package main

import (
	"sync"
	"testing"
)

// The slow tests of this package spend most of their time waiting on other
// processes (tmux, Chromium, pre-commit, git, a resumed crisis), so they run
// side by side, at most -parallel (the cores) at a time: each has its own
// state folder, tmux socket and browser profile.

// goBuilds is held by a test that builds crisis with the go command, as
// pre-commit, the GitHub action, the GitLab template and the Dockerfile do:
// they compile the same static, trimmed packages, which the first build
// caches for the others; side by side, on a cold cache, each would compile
// them all.
var goBuilds sync.Mutex

// buildsCrisis runs the test in parallel with the others, but after any
// other test that builds crisis.
func buildsCrisis(t *testing.T) {
	t.Parallel()
	goBuilds.Lock()
	t.Cleanup(goBuilds.Unlock)
}
