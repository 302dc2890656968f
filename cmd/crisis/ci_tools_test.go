package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCIToolsRunOnDebianNode: .ci/run installs the tools the tests run
// against with npm ci from a committed lock file, and every package locked
// there accepts the Node.js Debian ships (18 on Debian 12), so CI on a
// fresh Debian does not fail on an engines check.
func TestCIToolsRunOnDebianNode(t *testing.T) {
	const debianNode = 18
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, ".ci", "npm", "package-lock.json"))
	if err != nil {
		t.Fatalf("no lock file pinning the CI tools: %v", err)
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
			Engines struct {
				Node string `json:"node"`
			} `json:"engines"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		t.Fatal(err)
	}
	if lock.Packages["node_modules/yaml-language-server"].Version == "" {
		t.Error("the lock file does not pin yaml-language-server")
	}
	// Lower bounds only (">=X", ">= X.Y"): what the locked packages use.
	bound := regexp.MustCompile(`^>=\s*(\d+)`)
	for name, p := range lock.Packages {
		if p.Engines.Node == "" {
			continue
		}
		m := bound.FindStringSubmatch(strings.TrimSpace(p.Engines.Node))
		if m == nil {
			t.Errorf("%s %s: engines.node %q is not a lower bound this test reads", name, p.Version, p.Engines.Node)
			continue
		}
		if major, _ := strconv.Atoi(m[1]); major > debianNode {
			t.Errorf("%s %s requires node %s; Debian's is %d", name, p.Version, p.Engines.Node, debianNode)
		}
	}
	script, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"npm ci", "need+=(git)"} {
		if !strings.Contains(string(script), want) {
			t.Errorf(".ci/run lacks %q", want)
		}
	}
	if strings.Contains(string(script), "npm install") {
		t.Error(".ci/run installs with npm install, not from the lock file")
	}
}
