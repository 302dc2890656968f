package runbook

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crisis-cli/crisis/internal/drillrecord"
)

// TestDirs: the folders that may hold a run, sorted as the folder lists
// them; never the drill records, nor a stray file; none for a runs folder
// not made yet.
func TestDirs(t *testing.T) {
	runs := t.TempDir()
	for _, d := range []string{"20261203-020000-facebook-down", drillrecord.Dir, "20261201-090000-x-down"} {
		if err := os.Mkdir(filepath.Join(runs, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(runs, "notes.txt"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Dirs(runs)
	want := []string{filepath.Join(runs, "20261201-090000-x-down"), filepath.Join(runs, "20261203-020000-facebook-down")}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Dirs = %q, %v; want %q", got, err, want)
	}
	if got, err := Dirs(filepath.Join(runs, "missing")); got != nil || err != nil {
		t.Errorf("a missing runs folder: %q, %v; want none and no error", got, err)
	}
}
