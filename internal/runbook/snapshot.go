package runbook

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/crisis-cli/crisis/internal/fsutil"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

// SnapshotDir is the folder of a run that keeps a copy of the manual files
// the run used (manual.yaml, its playbook, the templates), laid out as a
// manual folder: resuming and reporting the run read the manual it ran
// with, wherever they are run from and however the manual changed since.
const SnapshotDir = "manual"

// manualFiles are the manual files a run of p uses, by path in the manual
// folder, sorted: the manual file with its translations
// (playbooks/manual.LOCALE.yaml: the names, roles and channels a report
// shows), the playbook with its translations (playbooks/ID.LOCALE.yaml)
// and every template file.
// Other playbooks are left out, so editing one does not make every run of
// the others look as if its manual changed.
func manualFiles(m *manual.Manual, p *manual.Playbook) []string {
	files := []string{manual.ManualFile, p.File}
	for _, t := range p.Translations {
		files = append(files, t.File)
	}
	for _, t := range m.Translations {
		if t.Playbook == manual.ManualID {
			files = append(files, t.File)
		}
	}
	for _, t := range m.Templates {
		files = append(files, t.File)
	}
	slices.Sort(files)
	return slices.Compact(files)
}

// ManualDigest is the content digest of the manual files a run of p uses:
// SHA-256 over each file's path and bytes, length-prefixed, in path order.
// Two manuals with the same digest render the run alike.
func ManualDigest(m *manual.Manual, p *manual.Playbook) string {
	h := sha256.New()
	for _, name := range manualFiles(m, p) {
		data := m.Sources[name]
		fmt.Fprintf(h, "%d:%s\n%d:", len(name), name, len(data))
		h.Write(data)
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// writeSnapshot copies the manual files a run of p uses into the run's
// folder, each written atomically: a crash leaves whole files or none.
func writeSnapshot(runDir string, m *manual.Manual, p *manual.Playbook) error {
	files := manualFiles(m, p)
	// A file the manual no longer has leaves the copy first (a copy
	// replaced when the run goes on with a changed manual).
	root := filepath.Join(runDir, SnapshotDir)
	_ = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if rel, err := filepath.Rel(root, path); err == nil && !slices.Contains(files, filepath.ToSlash(rel)) {
				os.Remove(path)
			}
		}
		return nil
	})
	return copyToSnapshot(runDir, m, files)
}

// copyToSnapshot writes files of m into the run's copy of the manual.
func copyToSnapshot(runDir string, m *manual.Manual, files []string) error {
	for _, name := range files {
		data, ok := m.Sources[name]
		if !ok {
			return fmt.Errorf("keep a copy of the manual: %s was not read", name)
		}
		dst := filepath.Join(runDir, SnapshotDir, filepath.FromSlash(path.Clean(name)))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := fsutil.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Snapshot is the folder holding the copy of the manual a run used, and
// whether there is one (runs started before copies were kept have none).
func Snapshot(runDir string) (string, bool) {
	dir := filepath.Join(runDir, SnapshotDir)
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(manual.ManualFile)))
	return dir, err == nil
}

// ManualOf says whether m is the manual a run used, by the digest the run
// recorded: "" when it is, else why not. A run recorded before digests
// were kept is judged by the organisation it named.
func ManualOf(st *State, m *manual.Manual) string {
	if why := ManualDiffers(st, m); why != nil {
		return why.Error()
	}
	return ""
}

// ManualDiffers is ManualOf's answer as an interface message; nil when m
// is the run's manual.
func ManualDiffers(st *State, m *manual.Manual) *lang.Error {
	p := m.Playbook(st.Playbook)
	switch {
	case p == nil:
		return lang.Errorf("session.manual.no-playbook", map[string]any{"Playbook": strconv.Quote(st.Playbook)})
	case st.ManualDigest != "" && ManualDigest(m, p) != st.ManualDigest:
		return lang.Errorf("session.manual.files-differ", nil)
	case st.ManualDigest == "" && st.Organisation != m.Organisation:
		return lang.Errorf("session.manual.other-organisation", map[string]any{"Organisation": m.Organisation, "Run": st.Organisation})
	}
	return nil
}
