package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyManual copies the repository's manual to a temporary folder.
func copyManual(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"playbooks", "templates"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join("../..", sub, "*.yaml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, sub, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestErrorsSanitized: an error quoting an argument shows its escape
// sequence instead of sending it to the terminal.
func TestErrorsSanitized(t *testing.T) {
	_, stderr := runCLI(t, context.Background(), "", "lint", "/tmp/\x1b[2J")
	if strings.ContainsRune(stderr, 0x1b) || !strings.Contains(stderr, `/tmp/\x1b[2J`) {
		t.Errorf("stderr: %q", stderr)
	}
}

// TestListSanitized: a playbook title written with a YAML escape is shown
// escaped in the table, whatever lint thinks of it.
func TestListSanitized(t *testing.T) {
	dir := copyManual(t)
	editFile(t, filepath.Join(dir, "playbooks", "x-down.en.yaml"), "title: X is down", `title: "Caída \e[31mde X"`)
	_, stdout, stderr := runCLIAll(t, context.Background(), "", "list", "-m", dir)
	if strings.ContainsRune(stdout+stderr, 0x1b) || !strings.Contains(stdout, `Caída \x1b[31mde X`) {
		t.Errorf("stdout: %q\nstderr: %q", stdout, stderr)
	}
}

// TestProblemsElsewhereSingular: one problem in another playbook is "1
// problem", not "1 problems".
func TestProblemsElsewhereSingular(t *testing.T) {
	dir := copyManual(t)
	editFile(t, filepath.Join(dir, "playbooks", "x-down.yaml"), "title:", "titel:")
	_, _, stderr := runCLIAll(t, context.Background(), "", "show", "facebook-down", "-m", dir)
	if !strings.Contains(stderr, "crisis: warning: 1 problem elsewhere in the manual; run crisis lint\n") {
		t.Errorf("stderr: %q", stderr)
	}
}

// editFile replaces the first from in file by to.
func editFile(t *testing.T, file, from, to string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), from) {
		t.Fatalf("%s has no %q", file, from)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
