package manual

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
)

// fuzzTargets are the files of load_test.go's minimal manual that FuzzLoad
// replaces, chosen by the input's first argument.
var fuzzTargets = []string{ManualFile, "playbooks/fb-down.yaml", "templates/es.yaml", "playbooks/extra.yaml", "playbooks/fb-down.en.yaml"}

// maxFuzzInput bounds one input: every interesting mistake fits in a few
// kilobytes, and the size limit itself is tested in broken_test.go.
const maxFuzzInput = 64 << 10

// FuzzLoad replaces one file of an otherwise valid in-memory manual with the
// fuzzer's bytes. Load must not panic, must finish promptly, and every
// diagnostic must name a file, and a line and column inside it when the file
// has any text.
func FuzzLoad(f *testing.F) {
	seed := func(pattern string, target uint8) {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) <= maxFuzzInput {
				t := target
				switch base := filepath.Base(file); {
				case base == "manual.yaml":
					t = 0
				case strings.Count(base, ".") == 2: // a playbook's translation
					t = 4
				}
				f.Add(t, data)
			}
		}
	}
	seed("../../playbooks/*.yaml", 1)
	seed("../../templates/*.yaml", 2)
	seed("../../testdata/broken/*/playbooks/*.yaml", 1)
	seed("../../testdata/broken/*/templates/*.yaml", 2)
	for target, body := range []string{minimalManual, minimalPlaybook, minimalTemplates, "", translatedEN} {
		f.Add(uint8(target), []byte(body))
	}

	f.Fuzz(func(t *testing.T, target uint8, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		name := fuzzTargets[int(target)%len(fuzzTargets)]
		fsys := mapFS(valid())
		fsys[name] = &fstest.MapFile{Data: data}

		m, diags, err := loadWithin(t, fsys, 10*time.Second)
		if err != nil || m == nil {
			t.Fatalf("Load of %d bytes as %s: %v", len(data), name, err)
		}
		for _, d := range diags {
			checkDiagnostic(t, fsys, d)
		}
	})
}

// checkDiagnostic fails when a diagnostic has no file, or, in a file with
// any text, no line and column inside the file.
func checkDiagnostic(t *testing.T, fsys fs.FS, d diag.Diagnostic) {
	t.Helper()
	if d.Pos.File == "" || d.Message == "" || d.Rule == "" {
		t.Fatalf("diagnostic without a file, message or rule: %+v", d)
	}
	data, err := fs.ReadFile(fsys, d.Pos.File)
	if err != nil {
		t.Fatalf("diagnostic names %q, which is not in the manual: %v", d.Pos.File, err)
	}
	if len(data) == 0 {
		return
	}
	lines := bytes.Split(data, []byte("\n"))
	if d.Pos.Line < 1 || d.Pos.Line > len(lines) {
		t.Fatalf("%s: line %d is outside the file's %d lines: %s", d.Pos, d.Pos.Line, len(lines), d.Error())
	}
	if d.Pos.Col < 1 {
		t.Fatalf("%s: no column: %s", d.Pos, d.Error())
	}
	if text := strings.TrimSuffix(string(lines[d.Pos.Line-1]), "\r"); d.Pos.Col > len([]rune(text))+1 {
		t.Fatalf("%s: column %d is past the end of line %q: %s", d.Pos, d.Pos.Col, text, d.Error())
	}
}
