package cli

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/viper"

	"github.com/crisis-cli/crisis/internal/term"
)

// TestLintFileOnlyStillSpeaks: with every format going to a file, the CI log
// still says what failed, and the exit status is lint's.
func TestLintFileOnlyStillSpeaks(t *testing.T) {
	sarif := filepath.Join(t.TempDir(), "lint.sarif")
	code, stderr := runCLI(t, context.Background(), "", "lint", "../../testdata/lint/cr101-bad", "--format", "sarif="+sarif)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d (the manual has an error)", code, ExitFindings)
	}
	for _, want := range []string{"[CR101]", "1 error"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr)
		}
	}
	if b, err := os.ReadFile(sarif); err != nil || !strings.Contains(string(b), `"ruleId": "CR101"`) {
		t.Errorf("SARIF file: %v\n%s", err, b)
	}
}

// TestLintReportReplacedWhole: a report file is replaced, not rewritten in
// place, so a reader of the old file (a CI upload step, a browser) never
// sees half a report, and no temporary file is left behind.
func TestLintReportReplacedWhole(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "lint.xml")
	if err := os.WriteFile(file, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	old, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if code, stderr := runCLI(t, context.Background(), "", "lint", "../../testdata/lint/cr101-bad", "--format", "junit="+file); code != ExitFindings {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := io.ReadAll(old); string(b) != "old report" {
		t.Errorf("the old file was rewritten in place: a reader saw %q", b)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "<testsuites") {
		t.Errorf("new report:\n%s", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestFormatCheckedAtParse: a bad --format is a usage error before any work
// (here, before the missing manual would be noticed), and help and error
// list the allowed names.
func TestFormatCheckedAtParse(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-m", "/nonexistent", "show", "facebook-down", "--format", "yaml"}, `unknown --format "yaml"; use text or json`},
		{[]string{"-m", "/nonexistent", "render", "--all", "--format", "html"}, `unknown --format "html"; use text, json or markdown`},
		{[]string{"report", "nope", "--format", "pdf"}, `unknown --format "pdf"; use markdown, html or json`},
		{[]string{"lint", "/nonexistent", "--format", "yaml=x"}, `unknown --format "yaml"; use text, compact, json, github, sarif, junit or gitlab`},
		{[]string{"lint", "/nonexistent", "--format", "json", "--format", "text"}, "at most one --format may write to standard output"},
		{[]string{"lint", "/nonexistent", "--format", "json="}, `"json=" names no file: write --format json=FILE`},
		{[]string{"lint", "/nonexistent", "--format", "json=r.out", "--format", "sarif=r.out"}, "--format json and --format sarif=r.out both write r.out"},
		{[]string{"lint", "--list-rules", "--format", "sarif=r.sarif"}, "--list-rules prints text or json on standard output"},
		{[]string{"lint", "--list-rules", "--format", "compact"}, "--list-rules prints text or json on standard output"},
		{[]string{"lint", "--explain", "CR101", "--format", "github"}, "--explain prints text or json on standard output"},
		{[]string{"lint", "--explain", "CR101", "-o", "x.txt"}, "--explain prints to standard output"},
	}
	for _, tt := range tests {
		code, stderr := runCLI(t, context.Background(), "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	_, help := runCLIOut(t, "list", "--help")
	if !strings.Contains(help, "--format format   output format: text or json") {
		t.Errorf("list --help does not list the formats:\n%s", help)
	}
}

// TestRepoPath: lint names files from the repository root, found from the
// manual (not the working directory), with a .git folder or, in a worktree
// or submodule, a .git file; outside any repository, from the manual.
func TestRepoPath(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) string {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mk("repo/.git")
	manual := mk("repo/ops/handbook")
	mk("worktree")
	if err := os.WriteFile(filepath.Join(dir, "worktree", ".git"), []byte("gitdir: /elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ root, want string }{
		{manual, "ops/handbook"},
		{filepath.Join(dir, "repo"), "."},
		{mk("worktree/manual"), "manual"},
	}
	for _, tt := range tests {
		if got := repoPath(tt.root, "", dir); got != tt.want {
			t.Errorf("repoPath(%s) = %q, want %q", tt.root, got, tt.want)
		}
	}
	// Without a repository: paths that open from where lint runs, or
	// absolute ones for a manual named by an absolute path. (The temporary
	// folder is in no repository unless the machine's root is one.)
	if _, err := os.Stat("/.git"); err != nil {
		plain := mk("plain/handbook")
		for _, tt := range []struct{ named, wd, want string }{
			{"", plain, "."},
			{"handbook", filepath.Join(dir, "plain"), "handbook"},
			{"", mk("plain/handbook/playbooks"), ".."},
			{plain, filepath.Join(dir, "plain"), filepath.ToSlash(plain)},
		} {
			if got := repoPath(plain, tt.named, tt.wd); got != tt.want {
				t.Errorf("outside a repository, manual named %q from %s: %q, want %q", tt.named, tt.wd, got, tt.want)
			}
		}
	}
}

// TestLintColourOnlyOnATerminal: the text report is styled on a terminal,
// plain when piped or with NO_COLOR, and styled the same way on standard
// error when every format goes to a file.
func TestLintColourOnlyOnATerminal(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("GITHUB_ACTIONS", "")
	tests := []struct {
		name         string
		tty, noColor bool
		toFile       bool
		wantEscape   bool
	}{
		{"terminal", true, false, false, true},
		{"pipe", false, false, false, false},
		{"NO_COLOR", true, true, false, false},
		{"stderr terminal", true, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, out, errOut := term.Test()
			io.OutTTY, io.ErrTTY, io.NoColor = tt.tty, tt.tty, tt.noColor
			app := &App{IO: io, Config: viper.New(), Now: time.Now, Getwd: os.Getwd}
			args := []string{"lint", "../../testdata/lint/cr101-bad"}
			if tt.toFile {
				args = append(args, "--format", "json="+filepath.Join(t.TempDir(), "lint.json"))
			}
			if code := Run(context.Background(), app, args); code != ExitFindings {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			text := out.String()
			if tt.toFile {
				text = errOut.String()
			}
			if !strings.Contains(text, "[CR101]") {
				t.Fatalf("no report:\n%s", text)
			}
			if got := strings.Contains(text, "\x1b["); got != tt.wantEscape {
				t.Errorf("escape codes: %v, want %v:\n%q", got, tt.wantEscape, text)
			}
		})
	}
}

// TestListRulesJSON: --list-rules --format json is a JSON array with the
// documented keys; --explain --format json one such object.
func TestListRulesJSON(t *testing.T) {
	_, out := runCLIOut(t, "lint", "--list-rules", "--format", "json")
	var rules []map[string]any
	if err := json.Unmarshal([]byte(out), &rules); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rules) < 20 {
		t.Fatalf("%d rules", len(rules))
	}
	want := []string{"bad", "good", "help_uri", "id", "rationale", "severity", "title"}
	for _, r := range rules {
		keys := slices.Sorted(maps.Keys(r))
		if !slices.Equal(keys, want) {
			t.Fatalf("keys %v, want %v", keys, want)
		}
	}
	if rules[0]["id"] != "CR001" || rules[0]["severity"] != "error" {
		t.Errorf("first rule %v", rules[0])
	}
	_, out = runCLIOut(t, "lint", "--explain", "cr101", "--format", "json")
	var one map[string]any
	if err := json.Unmarshal([]byte(out), &one); err != nil || one["id"] != "CR101" {
		t.Errorf("explain: %v %v\n%s", one, err, out)
	}
}
