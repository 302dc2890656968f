// Package exampletest gives tests the example manual embedded in the binary,
// loaded and with its message catalog, failing the test when it has errors.
package exampletest

import (
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Load returns the example manual and its catalog.
func Load(t testing.TB) (*manual.Manual, *message.Catalog) {
	t.Helper()
	m, diags, err := manual.Load(manual.Builtin(), manual.BuiltinRoot)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load the example manual: %v %v", err, diags)
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, cat
}
