package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
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

// existError is ErrExists for several files, in the plural.
type existError struct{ msg string }

func (e *existError) Error() string        { return e.msg }
func (e *existError) Is(target error) bool { return target == ErrExists }

// UsageError is a mistake in what was asked, not in the manual: an id that
// is no id, a playbook to copy that is not there. The command line is what
// changes.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// refuseExisting says a playbook of that id is there already.
func refuseExisting(root, id string) error {
	rel := path.Join("playbooks", id+".yaml")
	if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
		return fmt.Errorf("playbook %s %w (%s): choose another id", id, ErrExists, rel)
	}
	return nil
}

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
	switch len(there) {
	case 0:
	case 1:
		return fmt.Errorf("%s: %s %w; nothing was written (choose another folder, or move it away)", root, there[0], ErrExists)
	default:
		return &existError{fmt.Sprintf("%s: %s already exist; nothing was written (choose another folder, or move them away)",
			root, strings.Join(there, ", "))}
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
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a folder: give init the folder to write the manual into (created if missing)", root)
	}
	return files, Write(root, files)
}

// WriteSchemas writes the JSON Schemas into dir, replacing older copies:
// they are the tool's files, refreshed after an upgrade. It returns the
// paths written.
func WriteSchemas(dir string) ([]string, error) {
	files, err := SchemaFiles(".")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		p := filepath.Join(dir, f.Path)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Schema returns one schema by name: manual, playbook, translation or messages.
func Schema(name string) ([]byte, error) {
	data, err := fs.ReadFile(schema.FS, name+".schema.json")
	if err != nil {
		return nil, fmt.Errorf("no schema %q; there are manual, playbook, translation and messages", name)
	}
	return data, nil
}

// NewPlaybook writes playbooks/<id>.yaml into the manual at root as a copy
// of the playbook like, which it names in a first comment in the manual's
// language (locale), and a copy of each of like's translations
// (playbooks/<like>.<locale>.yaml): they translate the same texts, so the
// copy reads in every language like does, and lint says which go stale as
// the copy is edited. It returns the files written, the playbook first. It
// refuses an id that is not an id and an unknown like (UsageError), and a
// playbook that exists.
func NewPlaybook(root, id, like, locale string) ([]string, error) {
	if !idRE.MatchString(id) {
		return nil, usagef("%q is not a playbook id: lowercase letters, digits and dashes, e.g. x-down", id)
	}
	if err := refuseExisting(root, id); err != nil {
		return nil, err
	}
	var src []byte
	err := fs.ErrNotExist
	if idRE.MatchString(like) { // never a path out of playbooks/
		src, err = os.ReadFile(filepath.Join(root, "playbooks", like+".yaml"))
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usagef("there is no playbook %q to start from in %s", like, filepath.Join(root, "playbooks"))
	}
	if err != nil {
		return nil, err
	}
	files := []File{{path.Join("playbooks", id+".yaml"), withNote(src, like, locale)}}
	translations, err := filepath.Glob(filepath.Join(root, "playbooks", like+".*.yaml"))
	if err != nil {
		return nil, err
	}
	for _, t := range translations {
		data, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		loc := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(t), like+"."), ".yaml")
		files = append(files, File{path.Join("playbooks", id+"."+loc+".yaml"), data})
	}
	var written []string
	for _, f := range files {
		written = append(written, f.Path)
	}
	if err := Write(root, files); err != nil {
		return nil, err
	}
	return written, nil
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// withNote puts a reminder after the modeline (which must stay first) of a
// copied playbook: until edited, it says and announces what its model does.
func withNote(src []byte, like, locale string) []byte {
	t := textsFor(locale)
	if t == nil {
		t = &english
	}
	note := strings.ReplaceAll(t.copiedNote, "{like}", like)
	s := string(src)
	if strings.HasPrefix(s, "# yaml-language-server:") {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			return []byte(s[:i+1] + note + s[i+1:])
		}
	}
	return []byte(note + s)
}
