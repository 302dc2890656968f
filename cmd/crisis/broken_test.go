package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/brokentest"
)

// TestBrokenManuals runs the real crisis binary (this test binary, installed
// as crisis in $PATH by testscript.Main) on every manual in testdata/broken:
// each must exit 3 or 1 and name the mistake with its file:line:col.
func TestBrokenManuals(t *testing.T) {
	root := filepath.Join(repoRoot(t), "testdata", "broken")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	// The interface is English, whatever the machine's locale: TestMain
	// sets this process's environment, which crisisAt passes on.
	state := t.TempDir()
	run := func(t *testing.T, dir, name string) (int, string, string) {
		t.Helper()
		return crisisAt(t, dir, state, "-m", name, "list")
	}

	t.Run("_valid", func(t *testing.T) {
		t.Parallel()
		code, stdout, stderr := run(t, root, "_valid")
		// Its playbook is written in es only: an English operator is told, once.
		note := "crisis: playbook facebook-down has no English text; showing it in es, the manual's default language\n"
		if code != 0 || stderr != note || !strings.Contains(stdout, "facebook-down") {
			t.Fatalf("the base of every case must be valid: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
	cases := 0
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, "_") {
			continue
		}
		cases++
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := brokentest.ReadWant(t, filepath.Join(root, name, "want.txt"))
			dir := root
			if want.Generate != "" {
				dir = t.TempDir()
				if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(root, name))); err != nil {
					t.Fatal(err)
				}
				writeBig(t, filepath.Join(dir, name, filepath.FromSlash(want.Generate)), want.Size)
			}
			code, _, stderr := run(t, dir, name)
			if code != 3 && code != 1 {
				t.Errorf("exit code %d, want 3 (the manual cannot be read) or 1", code)
			}
			prefix := name + "/" + want.At + ": error: "
			found := false
			errorLines := 0
			for _, line := range strings.Split(stderr, "\n") {
				if strings.Contains(line, ": error: ") {
					errorLines++
				}
				if strings.HasPrefix(line, prefix) && strings.Contains(line, want.Message) {
					found = true
				}
			}
			if !found {
				t.Errorf("no line %q with %q on stderr:\n%s", prefix+"...", want.Message, stderr)
			}
			if errorLines != want.Errors {
				t.Errorf("%d errors, want %d (one mistake should read as %d clear error):\n%s", errorLines, want.Errors, want.Errors, stderr)
			}
		})
	}
	if cases < 30 {
		t.Errorf("testdata/broken holds %d cases; keep at least 30", cases)
	}
}

// writeBig writes size bytes of something that is not a playbook (an order
// export) at path, in chunks, so a 50 MB case needs no 50 MB in git.
func writeBig(t *testing.T, path string, size int64) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	line := []byte("- {order: 100234, store: madrid-centro, total: 23.40, paid: card, at: 2026-01-10T08:00:00Z}\n")
	chunk := bytes.Repeat(line, 1<<16/len(line)+1)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for written := int64(0); written < size; {
		n := min(int64(len(chunk)), size-written)
		if _, err := f.Write(chunk[:n]); err != nil {
			t.Fatal(err)
		}
		written += n
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != size {
		t.Fatalf("generated %s: %v", path, err)
	}
}
