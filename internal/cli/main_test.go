package cli

import (
	"os"
	"testing"
)

// TestMain runs the command layer's tests with the English interface
// whatever the developer's locale: they call Run in-process, which reads
// LC_ALL, LC_MESSAGES and LANG.
func TestMain(m *testing.M) {
	EnglishEnvironment()
	os.Exit(m.Run())
}
