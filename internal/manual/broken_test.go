package manual

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/brokentest"
	"github.com/crisis-cli/crisis/internal/diag"
)

// TestBrokenCorpus loads every manual in testdata/broken (see its README)
// in process and checks that the one mistake is reported once, at the
// position want.txt gives.
func TestBrokenCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "broken")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var fsys fs.FS = os.DirFS(filepath.Join(root, name))
			var want brokentest.Want // _valid: no error
			if name != "_valid" {
				want = brokentest.ReadWant(t, filepath.Join(root, name, "want.txt"))
			}
			if want.Generate != "" {
				fsys = bigFS{FS: fsys, name: want.Generate, size: want.Size, t: t}
			}
			_, diags, err := Load(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			errs, found := 0, false
			var got []string
			for _, d := range diags {
				if d.Severity != diag.Error {
					continue
				}
				errs++
				got = append(got, d.Error())
				if d.Pos.String() == want.At && strings.Contains(d.Message, want.Message) {
					found = true
				}
			}
			if name != "_valid" && !found {
				t.Errorf("no error at %s containing %q; got:\n%s", want.At, want.Message, strings.Join(got, "\n"))
			}
			if errs != want.Errors {
				t.Errorf("%d errors, want %d:\n%s", errs, want.Errors, strings.Join(got, "\n"))
			}
		})
	}
}

// bigFS adds one file of the given size to an FS. Reading it fails the
// test: a file over MaxFileSize must be refused by its size alone.
type bigFS struct {
	fs.FS
	name string
	size int64
	t    *testing.T
}

func (b bigFS) Open(name string) (fs.File, error) {
	if name == b.name {
		return &bigFile{b: b}, nil
	}
	return b.FS.Open(name)
}

func (b bigFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(b.FS, name)
	if err == nil && name == filepath.ToSlash(filepath.Dir(b.name)) {
		entries = append(entries, fs.FileInfoToDirEntry(bigInfo{b}))
	}
	return entries, err
}

type bigFile struct{ b bigFS }

func (f *bigFile) Stat() (fs.FileInfo, error) { return bigInfo{f.b}, nil }
func (f *bigFile) Close() error               { return nil }
func (f *bigFile) Read(p []byte) (int, error) {
	f.b.t.Errorf("%s (%d bytes) was read; it should be refused by its size", f.b.name, f.b.size)
	return 0, io.EOF
}

type bigInfo struct{ b bigFS }

func (i bigInfo) Name() string       { return filepath.Base(i.b.name) }
func (i bigInfo) Size() int64        { return i.b.size }
func (i bigInfo) Mode() fs.FileMode  { return 0o644 }
func (i bigInfo) ModTime() time.Time { return time.Time{} }
func (i bigInfo) IsDir() bool        { return false }
func (i bigInfo) Sys() any           { return nil }

// TestLoadMistakes checks the loader's answer to mistakes whose position or
// wording yaml.v3 alone gets wrong, on load_test.go's minimal manual.
func TestLoadMistakes(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		from, to string
		want     string // one diagnostic, whole
	}{
		// yaml.v3 names the line where the value above began.
		{"tab after a plain value", "playbooks/fb-down.yaml", "    owner: speaker", "\towner: speaker",
			"playbooks/fb-down.yaml:15:1: error: invalid YAML: a tab character is used for indentation [CR001] (YAML indents with spaces only: replace the tab with spaces)"},
		// yaml.v3 names the line where the list began, with a 0-based number.
		{"key indented too little", "playbooks/fb-down.yaml", "    owner: speaker", "  owner: speaker",
			"playbooks/fb-down.yaml:15:3: error: invalid YAML: the indentation of this line does not match the lines above [CR001] (line it up with the keys of the same item; the line above starts at column 5)"},
		{"key indented too far", "playbooks/fb-down.yaml", "    owner: speaker", "      owner: speaker",
			"playbooks/fb-down.yaml:15:7: error: invalid YAML: this line is indented further than the line above [CR001] (line it up with the line above (column 5); a value that contains \": \" must be quoted)"},
		{"unquoted colon", "playbooks/fb-down.yaml", "title: Hold", "title: Hold: now",
			"playbooks/fb-down.yaml:13:16: error: invalid YAML: the value of \"title\" holds \": \", which YAML reads as the start of another key [CR001] (put the whole value in quotes: title: \"...\")"},
		{"unquoted colon in a list item", "playbooks/fb-down.yaml", "  - id: hold", "  - id: hold: now",
			"playbooks/fb-down.yaml:12:13: error: invalid YAML: the value of \"id\" holds \": \", which YAML reads as the start of another key [CR001] (put the whole value in quotes: id: \"...\")"},
		{"mistake on the first line", "playbooks/fb-down.yaml", "crisis: 1", "crisis: 1: 2",
			"playbooks/fb-down.yaml:1:10: error: invalid YAML: the value of \"crisis\" holds \": \", which YAML reads as the start of another key [CR001] (put the whole value in quotes: crisis: \"...\")"},
		{"broken second document", "playbooks/fb-down.yaml", "updates:", "---\nx: [\nupdates:",
			"playbooks/fb-down.yaml:18:1: error: the file holds more than one YAML document (a second --- line) [CR001] (put each playbook in a file of its own)"},
		{"latin-1", "templates/es.yaml", "We know.", "We know \xe9.",
			"templates/es.yaml:3:21: error: the file is not UTF-8 text: byte 0xE9 is 'é' in Latin-1 [CR007] (save the file as UTF-8 (your editor's \"Save with encoding\"); if it is not a manual file, move it out of the manual folder)"},
		{"png", "playbooks/fb-down.yaml", minimalPlaybook, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			"playbooks/fb-down.yaml:1:1: error: the file is binary, not YAML text: it holds NUL control characters [CR007] (this is not a manual file (an image, a document, an archive?); move it out of the manual folder)"},
		// YAML breaks lines at a lone CR or U+2028 and editors do not: refused
		// where it is, so no later position means two different lines.
		{"lone carriage return", "playbooks/fb-down.yaml", "title: Facebook down\n", "title: Facebook\rdown\n",
			"playbooks/fb-down.yaml:3:16: error: the file holds a carriage return without a line feed (an old Mac line ending), which YAML reads as a line break [CR007] (save the file with ordinary line endings (LF or CRLF); in text, use a space or a line break)"},
		{"line separator", "templates/es.yaml", "We know.", "We\u2028know.",
			"templates/es.yaml:3:15: error: the file holds a LINE SEPARATOR (U+2028), which YAML reads as a line break [CR007] (save the file with ordinary line endings (LF or CRLF); in text, use a space or a line break)"},
		{"C1 control", "templates/es.yaml", "We know.", "We\u0081know.",
			"templates/es.yaml:3:15: error: the file holds the invisible character U+0081 (a control character) [CR007] (delete it: it is invisible in most editors, and a terminal showing this line would obey it)"},
		// Written raw, a bidirectional override in a text is the text's
		// problem (CR009), not the file's: the rest of the file still loads.
		{"raw bidi override in a text", "templates/es.yaml", "We know.", "We\u202eknow.",
			"templates/es.yaml:3:12: error: the text holds U+202E (right-to-left override) at character 3 [CR009] (delete it: texts are plain; for a line break start a new line, not an escape)"},
		// One escape sequence in a comment is a stray paste, not a binary file.
		{"escape in a comment", "playbooks/fb-down.yaml", "title: Facebook down\n", "title: Facebook down # \x1b]0;PWN\a\x1b[2J\n",
			"playbooks/fb-down.yaml:3:24: error: the file holds the invisible character U+001B (escape) [CR007] (delete it: it is invisible in most editors, and a terminal showing this line would obey it)"},
		// Reported once, as a typo, not again as a missing owner.
		{"typo of a required key", "playbooks/fb-down.yaml", "owner: speaker", "ownr: speaker",
			`playbooks/fb-down.yaml:15:5: error: unknown key "ownr" in a step [CR002] (did you mean "owner"?)`},
		{"deputy is a role", ManualFile, "deputies: [bo]", "deputies: [speaker]",
			`playbooks/manual.yaml:14:43: error: unknown person "speaker" [CR005] ("speaker" is a role, not a person; use one of: ana, bo)`},
		{"owner is a person", "playbooks/fb-down.yaml", "owner: speaker", "owner: ana",
			`playbooks/fb-down.yaml:15:12: error: unknown role "ana" [CR005] ("ana" is a person, not a role; use one of: speaker)`},
		{"unknown role lists the roles", "playbooks/fb-down.yaml", "owner: speaker", "owner: press-officer",
			`playbooks/fb-down.yaml:15:12: error: unknown role "press-officer" [CR005] (declare the role first, or use one of: speaker)`},
		{"one form, no other", "templates/es.yaml", "other:", "one:",
			`templates/es.yaml:2:3: error: message "holding.default" has one: but no other: text [CR006] (every message needs an other: form, the one CLDR falls back to)`},
		// The message file of the default locale is unreadable: said once,
		// not again for every announcement of its messages.
		{"default locale file broken", "templates/es.yaml", "We know.", "We know \xe9.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := loadEdited(t, tt.file, tt.from, tt.to)
			if tt.want == "" {
				if len(diags) != 1 {
					t.Errorf("want one problem, got:\n%s", strings.Join(diags, "\n"))
				}
				return
			}
			if len(diags) != 1 || diags[0] != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(diags, "\n"), tt.want)
			}
		})
	}
}

// TestLoadHugeFile checks that a file far over MaxFileSize is refused by its
// size, at 1:1, without being read into memory; the manual file too.
func TestLoadHugeFile(t *testing.T) {
	for _, name := range []string{"playbooks/export.yaml", "templates/pl.yaml", ManualFile} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for file, body := range valid() {
				if file != name {
					fsys[file] = &fstest.MapFile{Data: []byte(body)}
				}
			}
			_, diags, err := Load(bigFS{FS: fsys, name: name, size: 50 << 20, t: t}, "test")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			found := false
			for _, d := range diags {
				got = append(got, d.Error())
				if d.Pos.String() == name+":1:1" && strings.Contains(d.Message, "the file is 50.0 MiB; a manual file may be at most 2.0 MiB") {
					found = true
				}
			}
			if !found {
				t.Errorf("no size error at %s:1:1; got:\n%s", name, strings.Join(got, "\n"))
			}
		})
	}
}

// TestSyntaxErrorFarBelowItsContext checks that the line of a mistake is
// found even when the list that holds it began hundreds of lines above,
// the line yaml.v3 reports.
func TestSyntaxErrorFarBelowItsContext(t *testing.T) {
	var b strings.Builder
	b.WriteString("crisis: 1\nkind: playbook\nsteps:\n")
	for range 300 {
		b.WriteString("  - id: s\n    title: A step\n")
	}
	b.WriteString("  owner: speaker\n  - id: t\n    title: Another\n")
	files := valid()
	files["playbooks/long.yaml"] = b.String()
	wantProblem(t, files, "playbooks/long.yaml:604:3: error: invalid YAML: the indentation of this line does not match the lines above")
}
