package manual

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
)

// writeManual writes the minimal valid manual into a new folder and
// returns it.
func writeManual(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "manual")
	for name, body := range valid() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadDir loads a manual folder, failing the test if Load takes more than
// 5 s (a FIFO read would block for ever).
func loadDir(t *testing.T, dir string) (*Manual, diag.List) {
	t.Helper()
	m, diags, err := loadWithin(t, os.DirFS(dir), 5*time.Second)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m, diags
}

// loadWithin loads fsys, failing the test if Load takes longer than limit.
func loadWithin(t *testing.T, fsys fs.FS, limit time.Duration) (*Manual, diag.List, error) {
	t.Helper()
	type result struct {
		m     *Manual
		diags diag.List
		err   error
	}
	done := make(chan result, 1)
	go func() {
		m, diags, err := Load(fsys, "test")
		done <- result{m, diags, err}
	}()
	select {
	case r := <-done:
		return r.m, r.diags, r.err
	case <-time.After(limit):
		t.Fatalf("Load did not finish within %v", limit)
		return nil, nil, nil
	}
}

// finding returns the one finding at file:1:1 of rule, failing the test
// when there is none.
func finding(t *testing.T, diags diag.List, file, rule string) diag.Diagnostic {
	t.Helper()
	var got []string
	for _, d := range diags {
		if d.Pos == (diag.Pos{File: file, Line: 1, Col: 1}) && d.Rule == rule && d.Severity == diag.Error {
			return d
		}
		got = append(got, d.Error())
	}
	t.Fatalf("no %s error at %s:1:1; got:\n%s", rule, file, strings.Join(got, "\n"))
	return diag.Diagnostic{}
}

const secret = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"

// TestLinkOutsideManualRefused: a link in playbooks/ or templates/ that
// leads out of the manual is refused with a finding, and not one byte of
// its target is kept where lint could quote it.
func TestLinkOutsideManualRefused(t *testing.T) {
	dir := writeManual(t)
	outside := filepath.Join(filepath.Dir(dir), "id_ed25519")
	if err := os.WriteFile(outside, []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"playbooks/relative.yaml": "../../id_ed25519",
		"playbooks/absolute.yaml": outside,
		"playbooks/zero.yaml":     "/dev/zero",
		"templates/en.yaml":       "../playbooks/../../id_ed25519",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot make links here: %v", err)
		}
	}
	m, diags := loadDir(t, dir)
	for name := range links {
		d := finding(t, diags, name, RuleFile)
		if !strings.Contains(d.Message, "outside the manual") {
			t.Errorf("%s: message %q does not say the link leaves the manual", name, d.Message)
		}
		if _, ok := m.Sources[name]; ok {
			t.Errorf("%s: its target's bytes were kept", name)
		}
	}
	for _, d := range diags {
		if strings.Contains(d.Error(), "OPENSSH") || strings.Contains(d.Error(), "b3Blbn") {
			t.Errorf("a finding quotes the file outside the manual: %s", d.Error())
		}
	}
	if len(m.Playbooks) != 1 {
		t.Errorf("playbooks = %d, want only fb-down", len(m.Playbooks))
	}
}

// TestLinkInsideManualFollowed: a link to another file of the manual is an
// ordinary way to share a file, and is read.
func TestLinkInsideManualFollowed(t *testing.T) {
	dir := writeManual(t)
	if err := os.MkdirAll(filepath.Join(dir, "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "shared", "x.yaml"), []byte(minimalPlaybook), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../shared/x.yaml", filepath.Join(dir, "playbooks", "x-down.yaml")); err != nil {
		t.Skipf("cannot make links here: %v", err)
	}
	m, diags := loadDir(t, dir)
	if len(diags) != 0 {
		t.Fatalf("unexpected findings: %v", diags)
	}
	if len(m.Playbooks) != 2 || string(m.Sources["playbooks/x-down.yaml"]) != minimalPlaybook {
		t.Errorf("the linked playbook was not loaded: %d playbooks", len(m.Playbooks))
	}
}

// endlessFS serves one file that never ends and claims to be empty, as
// /proc files do, counting the bytes read from it.
type endlessFS struct {
	fstest.MapFS
	name string
	read *int64
}

func (e endlessFS) Open(name string) (fs.File, error) {
	if name != e.name {
		return e.MapFS.Open(name)
	}
	f, err := e.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return endlessFile{f, e.read}, nil
}

type endlessFile struct {
	fs.File
	read *int64
}

func (f endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	*f.read += int64(len(p))
	return len(p), nil
}

// TestSizeBoundWithoutStat: a file whose size the file system does not
// tell is still read no further than MaxFileSize+1 bytes.
func TestSizeBoundWithoutStat(t *testing.T) {
	fsys := mapFS(valid())
	fsys["playbooks/proc.yaml"] = &fstest.MapFile{}
	var read int64
	_, diags, err := Load(endlessFS{fsys, "playbooks/proc.yaml", &read}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if d := finding(t, diags, "playbooks/proc.yaml", RuleFile); !strings.Contains(d.Message, "at most 2.0 MiB") {
		t.Errorf("message %q does not give the limit", d.Message)
	}
	if read > MaxFileSize+1 {
		t.Errorf("%d bytes were read; at most %d should be", read, MaxFileSize+1)
	}
}

// TestMisnamedAndNestedFilesReported: a playbook saved as .YAML or in a
// sub-folder would be silently missing from the manual; each is reported
// where it is, and the rest of the manual still loads.
func TestMisnamedAndNestedFilesReported(t *testing.T) {
	files := valid()
	files["playbooks/store-closure.YAML"] = minimalPlaybook
	files["playbooks/x-down.Yml"] = minimalPlaybook
	files["playbooks/retail/store-fire.yaml"] = minimalPlaybook
	files["playbooks/retail/notes.txt"] = "not part of the manual"
	files["playbooks/.git/config.yml"] = "hidden folders are not searched"
	files["templates/old/pl.yml"] = minimalTemplates
	files["playbooks/short.yml"] = minimalPlaybook
	fsys := mapFS(files)
	m, diags, err := Load(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"playbooks/store-closure.YAML":     "rename it to playbooks/store-closure.yaml",
		"playbooks/x-down.Yml":             "rename it to playbooks/x-down.yml",
		"playbooks/retail/store-fire.yaml": "move it to playbooks/",
		"templates/old/pl.yml":             "move it to templates/",
	}
	for name, hint := range want {
		if d := finding(t, diags, name, RuleFile); !strings.Contains(d.Hint, hint) || !strings.Contains(d.Message, "not read") {
			t.Errorf("%s: %q (hint %q), want a hint with %q", name, d.Message, d.Hint, hint)
		}
	}
	if n := len(diags); n != len(want) {
		t.Errorf("%d findings, want %d: %v", n, len(want), diags)
	}
	if len(m.Playbooks) != 2 {
		t.Errorf("playbooks = %d, want fb-down and short", len(m.Playbooks))
	}
}

// TestSourcesAreTheBytesParsed: the bytes kept for lint are the ones the
// loader parsed, for every file, exactly.
func TestSourcesAreTheBytesParsed(t *testing.T) {
	m, _ := load(t, valid())
	want := []string{ManualFile, "playbooks/fb-down.yaml", "templates/es.yaml"}
	if strings.Join(m.Files, " ") != strings.Join(want, " ") {
		t.Errorf("Files = %v, want %v", m.Files, want)
	}
	for _, name := range want {
		if got := string(m.Sources[name]); got != valid()[name] {
			t.Errorf("%s: kept %q", name, got)
		}
	}
}
