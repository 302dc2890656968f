package exampletest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// LoadDir returns a manual of the repository's testdata (testdata/NAME)
// and its catalog, failing the test when it has errors.
func LoadDir(t testing.TB, name string) (*manual.Manual, *message.Catalog) {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "..", "..", "testdata", name)
	return LoadFS(t, os.DirFS(dir), ".")
}
