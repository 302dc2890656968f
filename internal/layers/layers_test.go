package layers

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/crisis-cli/crisis/"

// layer is each package's place, from the leaves (0) to the command (9). A
// package may import only packages of lower layers: cli stands above every
// library, the libraries above the manual, the manual above its leaves.
var layer = map[string]int{
	// Leaves: no package of the module below them.
	"internal/diag": 0, "internal/fsutil": 0, "internal/lang": 0, "internal/sanitize": 0,
	"internal/suggest": 0, "internal/twittertext": 0, "internal/twittertext/internal/gentld": 0,
	"internal/genmanual": 0, "internal/browsertest": 0, "internal/brokentest": 0, "internal/goldentest": 0, "docs/schema": 0, "playbooks": 0, "templates": 0,
	// On the leaves: channels' counting, the journal, drill records, the terminal.
	"internal/channel": 1, "internal/journal": 1, "internal/drillrecord": 1, "internal/term": 1,
	"internal/cmd/genmanual": 1,
	// The manual, loaded and checked.
	"internal/manual": 2,
	// What reads a manual: sending, messages, plans, new manuals.
	"internal/dispatch": 3, "internal/message": 3, "internal/plan": 3, "internal/scaffold": 3,
	// Rendering, and the example manual for tests.
	"internal/render": 4, "internal/exampletest": 4, "internal/lint/output": 4,
	// Runs and the lint gate (which stays beside, not above, the runs).
	"internal/runbook": 5, "internal/lint": 5,
	// What reads runs.
	"internal/drill": 6, "internal/statussite": 6,
	"internal/report": 7, "internal/ui": 7,
	"internal/cli":    8,
	"cmd/crisis":      9,
	"internal/layers": 9,
}

// TestImportsFlowDown lists every package's imports with go list and
// fails on an import of a package at the same layer or above, and on a
// package the table does not place.
func TestImportsFlowDown(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		at, ok := layer[pkg]
		if !ok {
			t.Errorf("%s has no layer: add it to the table in layers_test.go", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			dep, ours := strings.CutPrefix(imp, module)
			if !ours {
				continue
			}
			if l, ok := layer[dep]; ok && l >= at {
				t.Errorf("%s (layer %d) imports %s (layer %d): a package may import only lower layers", pkg, at, dep, l)
			}
		}
	}
}
