package manual

import (
	"io/fs"
	"strings"

	"github.com/crisis-cli/crisis/playbooks"
	"github.com/crisis-cli/crisis/templates"
)

// BuiltinRoot names the example manual embedded in the binary.
const BuiltinRoot = "(built-in example manual)"

// Builtin returns the example manual embedded in the binary, laid out as a
// manual folder.
func Builtin() fs.FS {
	return prefixFS{PlaybooksDir: playbooks.FS, TemplatesDir: templates.FS}
}

// prefixFS mounts file systems under top-level folder names.
type prefixFS map[string]fs.FS

func (p prefixFS) split(name string) (fs.FS, string, error) {
	top, rest, _ := strings.Cut(name, "/")
	sub, ok := p[top]
	if !ok || !fs.ValidPath(name) {
		return nil, "", &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if rest == "" {
		rest = "."
	}
	return sub, rest, nil
}

func (p prefixFS) Open(name string) (fs.File, error) {
	sub, rest, err := p.split(name)
	if err != nil {
		return nil, err
	}
	return sub.Open(rest)
}

func (p prefixFS) ReadDir(name string) ([]fs.DirEntry, error) {
	sub, rest, err := p.split(name)
	if err != nil {
		return nil, err
	}
	return fs.ReadDir(sub, rest)
}

func (p prefixFS) ReadFile(name string) ([]byte, error) {
	sub, rest, err := p.split(name)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(sub, rest)
}
