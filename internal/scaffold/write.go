package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/crisis-cli/crisis/docs/schema"
)

// SchemaFiles returns the JSON Schemas as files under dir (a slash path).
func SchemaFiles(dir string) ([]File, error) {
	entries, err := fs.ReadDir(schema.FS, ".")
	if err != nil {
		return nil, err
	}
	var out []File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".schema.json") {
			continue
		}
		data, err := fs.ReadFile(schema.FS, e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, File{path.Join(dir, e.Name()), data})
	}
	return out, nil
}

// ErrExists is returned when a file to be written is already there.
var ErrExists = errors.New("already exists")

// Write writes files under root, creating folders. It refuses before
// writing anything when any of the files exists, so it never overwrites a
// manual and never leaves half of one beside it.
func Write(root string, files []File) error {
	var there []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f.Path))); err == nil {
			there = append(there, f.Path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(there) > 0 {
		return fmt.Errorf("%s: %s %w; nothing was written (choose another folder, or move them away)",
			root, strings.Join(there, ", "), ErrExists)
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		// O_EXCL: a file that appeared since the check is not overwritten.
		out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = out.Write(f.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Init writes a new manual into root: its files and the schemas its
// modelines point at. It returns the files written, relative to root.
func Init(root string, o Options) ([]File, error) {
	files, err := Files(o)
	if err != nil {
		return nil, err
	}
	schemas, err := SchemaFiles(SchemaDir)
	if err != nil {
		return nil, err
	}
	files = append(files, schemas...)
	return files, Write(root, files)
}
