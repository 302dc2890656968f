package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/runbook"
)

// crisisRun runs crisis on the example manual with state in state, stdin
// from in, and gives up after 20 s: nothing here may hang.
func crisisRun(t *testing.T, state, in string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, crisisBin(t), append([]string{"-m", repoRoot(t)}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(in)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("crisis %v hung (killed after 20 s)\nstderr: %s", args, errOut.String())
	}
	return out.String(), errOut.String(), err
}

// pausedRun starts a facebook-down run, completes its first step and
// pauses it; it returns the state folder and the run's folder.
func pausedRun(t *testing.T) (state, dir string) {
	t.Helper()
	state = t.TempDir()
	if _, stderr, err := crisisRun(t, state, "d\nchoose 1\na\nx\np\n", "run", "facebook-down", "--answers", "-", "--var", "platform=Facebook", "-l", "es"); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	runs, err := runbook.List(filepath.Join(state, "crisis", "runs"))
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs: %v %v", runs, err)
	}
	return state, runs[0].Dir
}

func journalLines(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, runbook.JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	return strings.SplitAfter(string(b), "\n")
}

func writeJournal(t *testing.T, dir string, lines []string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, runbook.JournalFile), []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustContain(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s does not say %q:\n%s", what, w, got)
		}
	}
}

// TestReportNamesDamageRepairedOnResume: a journal edited in the middle is
// repaired when the run resumes (its valid prefix kept, the original set
// aside); the report must then say so, not "journal intact".
func TestReportNamesDamageRepairedOnResume(t *testing.T) {
	state, dir := pausedRun(t)
	lines := journalLines(t, dir)
	lines[4] = strings.Replace(lines[4], `"message.rendered"`, `"message.renderex"`, 1)
	writeJournal(t, dir, lines)
	id := filepath.Base(dir)
	_, stderr, err := crisisRun(t, state, "p\n", "run", "--resume", id, "--answers", "-")
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, stderr)
	}
	mustContain(t, "resume", stderr, "journal damage", ".damaged-")
	report, stderr, err := crisisRun(t, state, "", "report", id, "--format", "markdown")
	if err != nil {
		t.Fatalf("report: %v\n%s", err, stderr)
	}
	mustContain(t, "the report", report, "found damaged and repaired", "journal.jsonl:5:", "the damaged original is kept as", ".damaged-")
}

// TestCutJournalIsDetected: deleting a journal's last lines, or cutting it
// at a line boundary, leaves a valid chain; the head record shows it.
func TestCutJournalIsDetected(t *testing.T) {
	state, dir := pausedRun(t)
	lines := journalLines(t, dir)
	writeJournal(t, dir, lines[:len(lines)-3]) // the last two events and the final ""
	list, _, err := crisisRun(t, state, "", "runs", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "runs", list, "cut off or deleted")
	id := filepath.Base(dir)
	_, stderr, err := crisisRun(t, state, "p\n", "run", "--resume", id, "--answers", "-")
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, stderr)
	}
	mustContain(t, "resume", stderr, "journal damage", "says", "its last 2 lines were cut off or deleted")
	report, _, err := crisisRun(t, state, "", "report", id, "--format", "markdown")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the report", report, "found damaged and repaired", "cut off or deleted")
}

// TestUnreadableJournalsSayWhatIsWrong: damage on the first line (a
// flipped byte, Windows line endings) and a missing journal name the file
// and the fault, and the run stays listed.
func TestUnreadableJournalsSayWhatIsWrong(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   []string
	}{
		{"flipped byte on line 1", func(t *testing.T, dir string) {
			lines := journalLines(t, dir)
			lines[0] = strings.Replace(lines[0], "facebook-down", "facebook-dowm", 1)
			writeJournal(t, dir, lines)
		}, []string{"journal.jsonl:1: hash mismatch", "nothing before it is valid"}},
		{"CRLF", func(t *testing.T, dir string) {
			lines := journalLines(t, dir)
			for i := range lines {
				lines[i] = strings.ReplaceAll(lines[i], "\n", "\r\n")
			}
			writeJournal(t, dir, lines)
		}, []string{"journal.jsonl:1:", "CR LF", "dos2unix"}},
		{"missing journal", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, runbook.JournalFile)); err != nil {
				t.Fatal(err)
			}
		}, []string{"journal.jsonl is missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state, dir := pausedRun(t)
			tc.damage(t, dir)
			id := filepath.Base(dir)
			list, _, err := crisisRun(t, state, "", "runs", "--format", "json")
			if err != nil {
				t.Fatal(err)
			}
			mustContain(t, "runs", list, id, `"status": "damaged"`)
			mustContain(t, "runs", list, tc.want...)
			_, stderr, err := crisisRun(t, state, "p\n", "run", "--resume", id, "--answers", "-")
			if err == nil {
				t.Fatalf("resume of a journal with %s succeeded", tc.name)
			}
			mustContain(t, "resume", stderr, append([]string{"run " + id}, tc.want...)...)
			if strings.Contains(stderr, `playbook ""`) || strings.Contains(stderr, "no unfinished run") {
				t.Errorf("resume does not say what is wrong:\n%s", stderr)
			}
			_, stderr, err = crisisRun(t, state, "", "report", id)
			if err == nil {
				t.Fatalf("report of a journal with %s succeeded", tc.name)
			}
			mustContain(t, "report", stderr, tc.want...)
		})
	}
}
