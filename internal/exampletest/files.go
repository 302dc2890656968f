package exampletest

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/manual"
)

// Files returns a copy of the example manual's files, playbooks/ and
// templates/, for a test to edit one before loading them (manual.Load at
// ".").
func Files(t testing.TB) fstest.MapFS {
	t.Helper()
	files := fstest.MapFS{}
	for _, dir := range []string{manual.PlaybooksDir, manual.TemplatesDir} {
		err := fs.WalkDir(manual.Builtin(), dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := fs.ReadFile(manual.Builtin(), path)
			files[path] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}
