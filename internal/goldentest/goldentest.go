// Package goldentest compares what a test produced with a golden file of
// its package's testdata, for the tests whose expected output is a whole
// document (a report, a rendering, a lint format).
package goldentest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Check fails the test unless got is the content of the file at path.
// With update (the package's -update flag) it writes got there instead,
// the folder too: then read every changed line before committing it.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
