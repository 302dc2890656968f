package lint

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/diag"
)

// FuzzLint runs the loader and every rule over a manual whose playbook and
// message file are the fuzzer's. Whatever the bytes, lint must not panic
// (or hang), and every finding must be one a user can act on: a known
// rule id, a message, a file of the manual and, in a file with any text,
// a line and column inside it. make fuzz runs it with a short
// -fuzzminimizetime: almost every new input is "interesting" here, and
// minimizing each for the default 60 s stalls the run.
func FuzzLint(f *testing.F) {
	base := baseFiles()
	f.Add([]byte(base[fPlaybook]), []byte(base[fPL]))
	for _, tc := range ruleCases {
		files := build(f, tc.edits...)
		f.Add([]byte(files[fPlaybook]), []byte(files[fPL]))
	}
	f.Fuzz(func(t *testing.T, playbook, pl []byte) {
		fsys := fstest.MapFS{}
		for name, data := range base {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		fsys[fPlaybook] = &fstest.MapFile{Data: playbook}
		fsys[fPL] = &fstest.MapFile{Data: pl}
		_, res, err := Run(fsys, "fuzz", Options{Now: func() time.Time { return time.Unix(0, 0) }, Runs: fstest.MapFS{}, Workers: 1})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		for _, d := range res.Findings {
			checkFinding(t, fsys, d)
		}
	})
}

// checkFinding fails when a finding has no known rule, no message, names a
// file that is not in the manual, or points outside its file.
func checkFinding(t *testing.T, fsys fstest.MapFS, d diag.Diagnostic) {
	t.Helper()
	if d.Rule == "" || Lookup(d.Rule) == nil || d.Message == "" {
		t.Fatalf("finding without a known rule id or a message: %+v", d)
	}
	if d.Severity < diag.Info || d.Severity > diag.Error {
		t.Fatalf("finding with severity %v: %s", d.Severity, d.Error())
	}
	file, ok := fsys[d.Pos.File]
	if !ok {
		t.Fatalf("finding names %q, not a file of the manual: %s", d.Pos.File, d.Error())
	}
	if len(file.Data) == 0 {
		return
	}
	lines := bytes.Split(file.Data, []byte("\n"))
	if d.Pos.Line < 1 || d.Pos.Line > len(lines) || d.Pos.Col < 1 {
		t.Fatalf("%s is outside the file's %d lines: %s", d.Pos, len(lines), d.Error())
	}
	text := bytes.TrimSuffix(lines[d.Pos.Line-1], []byte("\r"))
	if n := utf8.RuneCount(text); d.Pos.Col > n+1 {
		t.Fatalf("%s: column %d is past the end of line %q: %s", d.Pos, d.Pos.Col, text, d.Error())
	}
}

// configErrRE is the shape of every configuration error: the file, a line
// and a column, then what is wrong.
var configErrRE = regexp.MustCompile(`^\.crisis\.yaml:(\d+):(\d+): \S`)

// FuzzConfig reads the fuzzer's bytes as .crisis.yaml. It must not panic;
// an error must name the file and a line and column inside it; a
// configuration read must hold known rule ids only.
func FuzzConfig(f *testing.F) {
	for _, seed := range []string{
		"lint:\n  rules:\n    CR101: off\n    cr104: warning\n",
		"locale: [pl]\nruns-dir: runs\nlint: {rules: {CR203: error, CR501: false}}\n",
		"lint:\n  rules: [CR101]\n",
		"lint: {rules: {CR10: off}}\n",
		"lint: {rules: {CR101: loud}}\n",
		"lint:\n  rules:\n    CR101: &a off\n    CR102: *a\n",
		"- lint\n",
		"locale: [pl\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ReadConfig(".crisis.yaml", data)
		if err != nil {
			m := configErrRE.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error without file:line:col: %v", err)
			}
			line, _ := strconv.Atoi(m[1])
			col, _ := strconv.Atoi(m[2])
			if n := strings.Count(string(data), "\n") + 1; line < 1 || line > n || col < 1 {
				t.Fatalf("error at %d:%d, outside the file's %d lines: %v", line, col, n, err)
			}
			return
		}
		for id, sev := range cfg.Rules {
			if Lookup(id) == nil || sev < 0 || sev > diag.Error {
				t.Fatalf("configuration holds rule %q at severity %v", id, sev)
			}
		}
	})
}
