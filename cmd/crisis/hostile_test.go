package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Limits every hostile manual must end within: a manual arrives by pull
// request, and the CI gate must answer it, not die or hang.
const (
	hostileTime   = 10 * time.Second
	hostileMemory = 2 << 20 // KiB for ulimit -v: 2 GiB
)

// hostileLine is line 10 of _valid's templates/es.yaml: the all-clear
// message's text, which facebook-down sends.
const hostileLine = `    other: "Nuestra página de Facebook vuelve a funcionar. Gracias por tu paciencia."`

// hostileCase is a manual built from testdata/broken/_valid by edit, and the
// finding lint must end in: rule and file:line:col (relative to the manual).
type hostileCase struct {
	name string
	edit func(t *testing.T, dir string)
	rule string
	at   string
	// also runs further commands (arguments after -m DIR); each must end
	// with an error that names want within the same limits.
	also [][]string
	want string
}

var hostileCases = []hostileCase{
	{name: "range over a billion", rule: "CR401", at: "templates/es.yaml:10:20",
		edit: replaceIn("templates/es.yaml", hostileLine, `    other: "Vuelve {{range 1000000000}}x{{end}}"`),
		also: [][]string{{"render", "facebook-down", "--step", "all-clear"}, {"run", "facebook-down", "--yes", "--var", "support_phone=1"}},
		want: "{{range}} is not available"},
	{name: "template that does not exist", rule: "CR401", at: "templates/es.yaml:10:20",
		edit: replaceIn("templates/es.yaml", hostileLine, `    other: "Vuelve {{template \"nope\"}}"`)},
	{name: "recursive define", rule: "CR401", at: "templates/es.yaml:10:13",
		edit: replaceIn("templates/es.yaml", hostileLine, `    other: "{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}"`)},
	{name: "printf padding", rule: "CR401", at: "templates/es.yaml:10:13",
		edit: replaceIn("templates/es.yaml", hostileLine, `    other: "{{printf \"%0999999999d\" 1}}"`)},
	{name: "huge max_length", rule: "CR003", at: "playbooks/manual.yaml:58:17",
		edit: replaceIn("playbooks/manual.yaml", "max_length: 15", "max_length: 2000000000")},
	{name: "value repeated past the output cap", rule: "CR404", at: "templates/es.yaml:10:12",
		edit: func(t *testing.T, dir string) {
			replaceIn("playbooks/manual.yaml", "max_length: 15", "max_length: 2000")(t, dir)
			replaceIn("templates/es.yaml", hostileLine, `    other: "`+strings.Repeat("{{.support_phone}}", 50000)+`"`)(t, dir)
		}},
	{name: "one very long line", rule: "CR404", at: "templates/es.yaml:10:12",
		edit: replaceIn("templates/es.yaml", hostileLine, `    other: "`+strings.Repeat("Vuelve a funcionar. ", 95000)+`"`)},
	{name: "deeply nested template", rule: "CR401", at: "templates/es.yaml:10:413",
		edit: replaceIn("templates/es.yaml", hostileLine,
			`    other: "`+strings.Repeat("{{if 1}}", 100000)+"{{range 1}}{{end}}"+strings.Repeat("{{end}}", 100000)+`"`)},
	// The parser nests each {{else if}} in the one before, all closed by
	// one {{end}}: the 50th is the 51st level.
	{name: "long else-if chain", rule: "CR401", at: "templates/es.yaml:10:1108",
		edit: replaceIn("templates/es.yaml", hostileLine,
			`    other: "{{if .platform}}a`+strings.Repeat("{{else if .platform}}b", 92000)+`{{end}}"`)},
	{name: "deeply nested YAML", rule: "CR001", at: "playbooks/deep.yaml:3",
		edit: writeFile("playbooks/deep.yaml", "crisis: 1\nkind: playbook\nx: "+strings.Repeat("[", 200000)+strings.Repeat("]", 200000)+"\n")},
	{name: "billion laughs", rule: "CR007", at: "playbooks/lol.yaml:4:8",
		edit: writeFile("playbooks/lol.yaml", "crisis: 1\nkind: playbook\n"+laughs())},
	{name: "too many values", rule: "CR007", at: "playbooks/many.yaml:3",
		edit: writeFile("playbooks/many.yaml", "crisis: 1\nkind: playbook\nx: ["+strings.Repeat("1,", 300000)+"1]\n")},
	{name: "a 50 MB file", rule: "CR007", at: "playbooks/orders.yaml:1:1",
		edit: func(t *testing.T, dir string) { writeBig(t, filepath.Join(dir, "playbooks", "orders.yaml"), 50<<20) }},
	{name: "control characters", rule: "CR009", at: "templates/es.yaml:10:12",
		edit: replaceIn("templates/es.yaml", hostileLine, `    other: "Vuelve\e[2J\e]52;c;cm0gLXJmIH4K\a"`)},
	{name: "three thousand playbooks", rule: "CR002", at: "playbooks/p2999.yaml:3:1",
		edit: func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join(dir, "playbooks", "facebook-down.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			bad := strings.Replace(string(data), "title:", "titel:", 1)
			for i := range 3000 {
				writeFile(fmt.Sprintf("playbooks/p%04d.yaml", i), bad)(t, dir)
			}
		}},
}

// TestHostileManuals runs lint (and, for some, render and run) on each
// hostile manual as a separate process under ulimit -v: each must end in
// its finding, named with file:line:col, within 10 s and 2 GB.
func TestHostileManuals(t *testing.T) {
	t.Parallel()
	if raceEnabled {
		t.Skip("the race detector reserves more address space than the limit allows")
	}
	if testing.Short() {
		t.Skip("builds large manuals")
	}
	bin := crisisBin(t)
	base := filepath.Join(repoRoot(t), "testdata", "broken", "_valid")
	var slowest time.Duration
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "m")
			if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
				t.Fatal(err)
			}
			tc.edit(t, dir)
			out, _, took := limited(t, bin, "lint", "--format", "json", dir)
			slowest = max(slowest, took)
			var report struct {
				Findings []struct {
					File, Rule, Message string
					Line, Column        int
				}
			}
			if err := json.Unmarshal(out, &report); err != nil {
				t.Fatalf("lint output is not JSON (%v):\n%.2000s", err, out)
			}
			found := false
			for _, f := range report.Findings {
				at := fmt.Sprintf("%s:%d", strings.TrimPrefix(f.File, dir+"/"), f.Line)
				if strings.Count(tc.at, ":") == 2 {
					at += fmt.Sprintf(":%d", f.Column)
				}
				if f.Rule == tc.rule && at == tc.at {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s at %s among %d findings: %.3000v", tc.rule, tc.at, len(report.Findings), report.Findings)
			}
			for _, args := range tc.also {
				_, stderr, took := limited(t, bin, append([]string{"-m", dir}, args...)...)
				slowest = max(slowest, took)
				if !strings.Contains(stderr, tc.want) {
					t.Errorf("crisis %s: stderr lacks %q:\n%.2000s", strings.Join(args, " "), tc.want, stderr)
				}
			}
		})
	}
	t.Logf("slowest command: %s", slowest)
}

// limited runs crisis under ulimit -v and a deadline, and fails the test
// unless it exits by itself with 1 (findings or an error) or 3 (the manual
// cannot be read). A Go runtime crash exits 2.
func limited(t *testing.T, bin string, args ...string) (stdout []byte, stderr string, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", fmt.Sprintf(`ulimit -v %d && exec "$0" "$@"`, hostileMemory), bin}, args...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr, cmd.Stdin = &out, &errb, strings.NewReader("")
	start := time.Now()
	err := cmd.Run()
	took = time.Since(start)
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("crisis %s: still running after %s", strings.Join(args, " "), hostileTime)
	case errors.As(err, &ee) && (ee.ExitCode() == 1 || ee.ExitCode() == 3):
	default:
		t.Fatalf("crisis %s: %v after %s, want exit 1 or 3\nstderr:\n%.3000s", strings.Join(args, " "), err, took.Round(time.Millisecond), errb.String())
	}
	return out.Bytes(), errb.String(), took
}

func replaceIn(file, old, new string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		path := filepath.Join(dir, filepath.FromSlash(file))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q", file, old)
		}
		writeFile(file, strings.Replace(string(data), old, new, 1))(t, dir)
	}
}

func writeFile(file, data string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(file)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// laughs is a billion-laughs document: nine levels of ten aliases each.
func laughs() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for c := 'b'; c <= 'i'; c++ {
		p := string(c - 1)
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat("*"+p+",", 10), ","))
	}
	return b.String()
}
