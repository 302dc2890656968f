package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/runbook"
)

// crisisAt runs crisis in dir with its own state folder and returns its
// exit code, standard output and standard error.
func crisisAt(t *testing.T, dir, state string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(crisisBin(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "XDG_CONFIG_HOME="+filepath.Join(state, "config"), "NO_COLOR=1")
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// runFolders lists what a runs folder holds besides the playbooks' locks.
func runFolders(t *testing.T, state string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(state, "crisis", "runs"))
	var out []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".lock") {
			out = append(out, e.Name())
		}
	}
	return out
}

// Ctrl-C at the first question of a new run, on a terminal, leaves no run:
// no folder, nothing in crisis runs, and the next run starts cleanly.
func TestCtrlCAtFirstQuestion(t *testing.T) {
	state := t.TempDir()
	tm := newTmux(t, fmt.Sprintf("env NO_COLOR=1 XDG_STATE_HOME=%s %s -m %s run facebook-down; echo EXITED $?; sleep 30",
		state, crisisBin(t), repoRoot(t)))
	tm.waitFor("platform - The platform that is down")
	tm.run("send-keys", "-t", "t", "C-c")
	tm.waitFor("EXITED")
	if got := runFolders(t, state); len(got) != 0 {
		t.Errorf("Ctrl-C at the first question left %v in the runs folder", got)
	}
	if code, _, stderr := crisisAt(t, t.TempDir(), state, "runs"); code != 0 || !strings.Contains(stderr, "no runs") {
		t.Errorf("crisis runs after Ctrl-C: exit %d, %s", code, stderr)
	}
	if code, _, stderr := crisisAt(t, t.TempDir(), state, "-m", repoRoot(t), "run", "facebook-down", "--yes", "--var", "platform=Facebook"); code != 0 {
		t.Errorf("the next run of the playbook: exit %d\n%s", code, stderr)
	}
}

// A paused run is offered for resuming when its playbook is run again at a
// terminal; without one, the refusal gives the command that resumes it.
func TestRunOffersToResumePaused(t *testing.T) {
	state, work := t.TempDir(), t.TempDir()
	answers := filepath.Join(work, "pause.txt")
	if err := os.WriteFile(answers, []byte("d\np\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := repoRoot(t)
	if code, _, stderr := crisisAt(t, work, state, "-m", m, "run", "facebook-down", "--var", "platform=Facebook", "--answers", answers); code != 0 {
		t.Fatalf("paused run: exit %d\n%s", code, stderr)
	}
	id := runFolders(t, state)[0]
	code, _, stderr := crisisAt(t, work, state, "-m", m, "run", "facebook-down", "--yes")
	if code != 2 || !strings.Contains(stderr, "\n  crisis run --resume "+id+"\n") {
		t.Errorf("without a terminal: exit %d, want 2 and the resume command on its own line:\n%s", code, stderr)
	}
	tm := newTmux(t, fmt.Sprintf("env NO_COLOR=1 XDG_STATE_HOME=%s %s -m %s run facebook-down; echo EXITED $?; sleep 30", state, crisisBin(t), m))
	screen := tm.waitFor("resume it? [Y/n]")
	if !strings.Contains(screen, "facebook-down has a paused run:\n  "+id+"\n") {
		t.Errorf("the offer does not name the paused run on a line of its own:\n%s", screen)
	}
	tm.run("send-keys", "-t", "t", "Enter")
	tm.waitFor("STEP 2/5")
	tm.send("p")
	tm.waitFor("EXITED 0")
	if got := runFolders(t, state); len(got) != 1 {
		t.Errorf("resuming from the offer made %v, want the one run", got)
	}
	if !strings.Contains(tm.history(), "resuming run "+id) {
		t.Errorf("the offer did not resume %s:\n%s", id, tm.history())
	}
}

// limaManual is the example manual as another organisation's: a shop in
// Lima, on Lima's time.
func limaManual(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "lima")
	for _, sub := range []string{"playbooks", "templates"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(repoRoot(t), sub))); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "playbooks", "manual.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "organisation: Ríoverde Hogar S.L.", "organisation: Tienda Lima S.A.C.", 1)
	s = strings.Replace(s, "timezone: Europe/Madrid", "timezone: America/Lima", 1)
	if s == string(b) {
		t.Fatal("the example manual no longer has the lines this test changes")
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The report of a run made from a manual folder, asked for from another
// folder, is the run's: its manual's time zone and steps, from the copy the
// run kept, and it says so. Without that copy (a run of an older version)
// it refuses and names --manual rather than using the built-in manual.
func TestReportFromAnotherFolder(t *testing.T) {
	state, lima := t.TempDir(), limaManual(t)
	if code, _, stderr := crisisAt(t, lima, state, "run", "facebook-down", "--yes", "--var", "platform=Facebook"); code != 0 {
		t.Fatalf("run in the Lima manual: exit %d\n%s", code, stderr)
	}
	id := runFolders(t, state)[0]
	elsewhere := t.TempDir()
	code, out, stderr := crisisAt(t, elsewhere, state, "report", id, "--format", "json")
	if code != 0 {
		t.Fatalf("report from another folder: exit %d\n%s", code, stderr)
	}
	var r struct {
		Organisation string `json:"organisation"`
		TimeZone     string `json:"time_zone"`
		Deadlines    []struct {
			Status string `json:"status"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.TimeZone != "America/Lima" || r.Organisation != "Tienda Lima S.A.C." {
		t.Errorf("report from another folder: %s in %s, want Tienda Lima S.A.C. in America/Lima", r.Organisation, r.TimeZone)
	}
	for i, d := range r.Deadlines {
		if d.Status != "met" {
			t.Errorf("deadline %d %s, want met", i+1, d.Status)
		}
	}
	if strings.Contains(stderr, "built-in") || strings.Count(stderr, "using the copy of the manual run "+id) != 1 {
		t.Errorf("stderr should say once that the run's copy of its manual is used:\n%s", stderr)
	}
	// The Lima manual itself: no note.
	if code, _, stderr := crisisAt(t, lima, state, "report", id); code != 0 || stderr != "" {
		t.Errorf("report in the run's manual: exit %d, stderr %q", code, stderr)
	}

	// An older run kept no copy: the built-in manual and another
	// organisation's are refused, the run's own is used.
	if err := os.RemoveAll(filepath.Join(state, "crisis", "runs", id, runbook.SnapshotDir)); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"report", id}, {"-m", repoRoot(t), "report", id}} {
		code, out, stderr := crisisAt(t, elsewhere, state, args...)
		if code != 3 || out != "" || !strings.Contains(stderr, "--manual DIR") || !strings.Contains(stderr, "kept no copy of its manual") {
			t.Errorf("%v without a copy: exit %d, stdout %d bytes, want exit 3 naming --manual DIR:\n%s", args, code, len(out), stderr)
		}
	}
	if code, _, stderr := crisisAt(t, elsewhere, state, "-m", lima, "report", id); code != 0 {
		t.Errorf("report with --manual of the run's manual: exit %d\n%s", code, stderr)
	}
}

// A drill pointed at a live real run is told a real incident is in progress
// and to wait or rehearse elsewhere: never to stop or take over that run.
func TestDrillNeverTakesOverALiveIncident(t *testing.T) {
	state := t.TempDir()
	live := start(t, state, "run", "facebook-down", "--answers", "-", "--var", "platform=Facebook")
	defer func() { live.in.Close(); live.cmd.Wait() }()
	live.waitPrompts(t, 1)
	id := runFolders(t, state)[0]
	code, _, stderr := crisisAt(t, t.TempDir(), state, "-m", repoRoot(t), "drill", "--resume", id, "--yes")
	if code != 1 || !strings.Contains(stderr, "a real incident is in progress (run "+id+")") || !strings.Contains(stderr, "must wait until it ends") {
		t.Errorf("drill --resume of a live real run: exit %d\n%s", code, stderr)
	}
	for _, never := range []string{"kill", "stop it", "pause it", "--resume"} {
		if strings.Contains(stderr, never) {
			t.Errorf("a trainee is told %q:\n%s", never, stderr)
		}
	}
	// Nor is a live run abandoned from elsewhere.
	code, _, stderr = crisisAt(t, t.TempDir(), state, "-m", repoRoot(t), "runs", "abandon", id, "--reason", "wrong terminal")
	if code != 1 || !strings.Contains(stderr, "run "+id+" is live (pid ") || !strings.Contains(stderr, "pause it there (p) before abandoning it") {
		t.Errorf("abandoning a live run: exit %d\n%s", code, stderr)
	}
}

// A manual changed during a run (a text fixed at 3 a.m.) is not taken
// silently: resuming says the run's copy is used and how to take the
// manual as it is now; --current-manual does, journaled, and replaces the
// run's copy, so the report reads the manual the run ended with.
func TestResumeWithTheCurrentManual(t *testing.T) {
	state, lima := t.TempDir(), limaManual(t)
	pause := filepath.Join(t.TempDir(), "pause.txt")
	if err := os.WriteFile(pause, []byte("p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := crisisAt(t, lima, state, "run", "facebook-down", "--var", "platform=Facebook", "--answers", pause); code != 0 {
		t.Fatalf("paused run: exit %d\n%s", code, stderr)
	}
	id := runFolders(t, state)[0]
	manualFile := filepath.Join(lima, "playbooks", "manual.yaml")
	b, _ := os.ReadFile(manualFile)
	edited := append(b, []byte("# reviewed during the incident\n")...)
	if err := os.WriteFile(manualFile, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := crisisAt(t, lima, state, "run", "--resume", id, "--answers", pause)
	if !strings.Contains(stderr, "using the copy of the manual run "+id) || !strings.Contains(stderr, "add --current-manual") {
		t.Errorf("resuming with a changed manual does not say the run's copy is used, or how to take the new one:\n%s", stderr)
	}
	code, _, stderr := crisisAt(t, lima, state, "run", "--resume", id, "--current-manual", "--yes")
	if code != 0 || strings.Contains(stderr, "using the copy") {
		t.Fatalf("--current-manual: exit %d\n%s", code, stderr)
	}
	journal, _ := os.ReadFile(filepath.Join(state, "crisis", "runs", id, "journal.jsonl"))
	if strings.Count(string(journal), `"type":"manual.changed"`) != 1 {
		t.Errorf("the change of manual is not journaled once:\n%s", journal)
	}
	copied, _ := os.ReadFile(filepath.Join(state, "crisis", "runs", id, "manual", "playbooks", "manual.yaml"))
	if string(copied) != string(edited) {
		t.Error("the run's copy of manual.yaml is not the manual it went on with")
	}
	if code, _, stderr := crisisAt(t, lima, state, "report", id); code != 0 || stderr != "" {
		t.Errorf("report in the manual the run ended with: exit %d, stderr %q", code, stderr)
	}
}
