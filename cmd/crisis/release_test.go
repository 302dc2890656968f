package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestGoReleaserRecipe checks what goreleaser check cannot: the manual
// pages are made with the release's version (not "crisis devel"), and the
// archives carry the documentation the README and --help point to.
func TestGoReleaserRecipe(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Before struct {
			Hooks []string `yaml:"hooks"`
		} `yaml:"before"`
		Builds []struct {
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			Files []any `yaml:"files"`
		} `yaml:"archives"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	const versionFlag = "-X github.com/crisis-cli/crisis/internal/cli.version={{ .Version }}"
	if len(cfg.Builds) == 0 || !strings.Contains(strings.Join(cfg.Builds[0].Ldflags, " "), versionFlag) {
		t.Fatalf("the build does not set the version with %s", versionFlag)
	}
	man := false
	for _, h := range cfg.Before.Hooks {
		if strings.Contains(h, " man ") {
			man = true
			if !strings.Contains(h, versionFlag) {
				t.Errorf("the manual pages are made without the version: %q", h)
			}
		}
	}
	if !man {
		t.Error("no hook makes the manual pages")
	}
	for _, want := range []string{"README.md", "docs/format.md", "docs/rules.md", "docs/lint-output.md"} {
		found := false
		for _, a := range cfg.Archives {
			for _, f := range a.Files {
				if f == want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("the archives lack %s", want)
		}
	}
}

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
