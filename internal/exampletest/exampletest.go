// Package exampletest gives tests the example manual embedded in the binary,
// loaded and with its message catalog, failing the test when it has errors.
package exampletest

import (
	"io/fs"
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Load returns the example manual and its catalog.
func Load(t testing.TB) (*manual.Manual, *message.Catalog) {
	t.Helper()
	return LoadFS(t, manual.Builtin(), manual.BuiltinRoot)
}

// LoadFS returns the manual at root in fsys and its catalog, failing the
// test when it has errors: the one way tests load a manual they expect to
// be clean.
func LoadFS(t testing.TB, fsys fs.FS, root string) (*manual.Manual, *message.Catalog) {
	t.Helper()
	m, diags, err := manual.Load(fsys, root)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load the manual %s: %v %v", root, err, diags)
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, cat
}
