package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The run lock, end to end: real processes hold and contend for it.

// live starts a run (or drill) of facebook-down that stays live, waiting
// for commands on its standard input, until the test ends.
func live(t *testing.T, state string, args ...string) *proc {
	t.Helper()
	p := start(t, state, append(args, "--answers", "-", "--var", "platform=Facebook", "-l", "es")...)
	t.Cleanup(func() {
		p.in.Close()
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
		_ = p.cmd.Wait()
	})
	// The locks are taken before the first step is shown.
	deadline := time.Now().Add(20 * time.Second)
	for {
		p.mu.Lock()
		shown := strings.Contains(p.out.String(), "STEP 1/")
		p.mu.Unlock()
		if shown {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("crisis %v never showed its first step:\n%s", args, p.out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// crisisIn runs crisis to its end with the state folder given and returns
// its combined output and error.
func crisisIn(t *testing.T, state string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(crisisBin(t), append([]string{"-m", repoRoot(t)}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "NO_COLOR=1")
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill() // a lock must never make crisis wait
		}
	}()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// whole runs (or drills) facebook-down to its end with --yes.
func whole(t *testing.T, state, command string, flags ...string) (string, error) {
	t.Helper()
	return crisisIn(t, state, append([]string{command, "facebook-down", "--yes", "--var", "platform=Facebook", "-l", "es"}, flags...)...)
}

// refused starts a second run (or drill) of facebook-down, which must be
// refused without advice to kill anything; it returns the message.
func refused(t *testing.T, state, command string) string {
	t.Helper()
	out, err := whole(t, state, command, "--new")
	if err == nil {
		t.Fatalf("a second live %s started:\n%s", command, out)
	}
	noKillAdvice(t, out)
	return out
}

func runsDir(state string) string { return filepath.Join(state, "crisis", "runs") }

// onlyRun is the id of the one run folder whose name ends with suffix.
func onlyRun(t *testing.T, state, suffix string) string {
	t.Helper()
	entries, err := os.ReadDir(runsDir(state))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() && strings.HasSuffix(e.Name(), suffix) {
			ids = append(ids, e.Name())
		}
	}
	if len(ids) != 1 {
		t.Fatalf("runs ending in %q: %v", suffix, ids)
	}
	return ids[0]
}

// noKillAdvice fails when a message tells the operator to kill a process:
// the process named may be a live colleague's run, or an unrelated one.
func noKillAdvice(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(strings.ToLower(out), "kill") {
		t.Errorf("the message advises killing a process:\n%s", out)
	}
}

// TestLiveDrillNeverBlocksRealRun: an incident must not wait for a drill
// of the same playbook, and the reverse.
func TestLiveDrillNeverBlocksRealRun(t *testing.T) {
	state := t.TempDir()
	live(t, state, "drill", "facebook-down")
	out, err := whole(t, state, "run")
	if err != nil || !strings.Contains(out, "ALL-CLEAR") {
		t.Fatalf("a real run while a drill is live: %v\n%s", err, out)
	}

	state = t.TempDir()
	live(t, state, "run", "facebook-down")
	out, err = whole(t, state, "drill")
	if err != nil {
		t.Fatalf("a drill while a real run is live: %v\n%s", err, out)
	}
	noKillAdvice(t, out)
}

// TestLiveDrillBlocksDrill: a second drill is refused, told to resume the
// drill as a drill, never as a run, and never to kill anything.
func TestLiveDrillBlocksDrill(t *testing.T) {
	state := t.TempDir()
	live(t, state, "drill", "facebook-down")
	id := onlyRun(t, state, "-drill")
	out := refused(t, state, "drill")
	if !strings.Contains(out, "crisis drill --resume "+id) || strings.Contains(out, "crisis run --resume") {
		t.Errorf("the message should point to crisis drill --resume %s, and never to crisis run:\n%s", id, out)
	}
}

// TestLiveRunBlocksRun: a second real run is refused with who holds it.
func TestLiveRunBlocksRun(t *testing.T) {
	state := t.TempDir()
	p := live(t, state, "run", "facebook-down")
	id := onlyRun(t, state, "facebook-down")
	out := refused(t, state, "run")
	for _, want := range []string{id, "pid " + strconv.Itoa(p.cmd.Process.Pid), "crisis run --resume " + id} {
		if !strings.Contains(out, want) {
			t.Errorf("the message does not say %q:\n%s", want, out)
		}
	}
}

// TestLockFileTamperedWhileLive: emptying or deleting the lock file of a
// live run does not let a second run of the playbook start.
func TestLockFileTamperedWhileLive(t *testing.T) {
	t.Parallel()
	for name, tamper := range map[string]func(string) error{
		"emptied":     func(path string) error { return os.WriteFile(path, nil, 0o644) },
		"deleted":     os.Remove,
		"overwritten": func(path string) error { return os.WriteFile(path, []byte(`{"pid": 1}`), 0o644) },
	} {
		t.Run(name, func(t *testing.T) {
			state := t.TempDir()
			live(t, state, "run", "facebook-down")
			if err := tamper(filepath.Join(runsDir(state), "facebook-down.lock")); err != nil {
				t.Fatal(err)
			}
			refused(t, state, "run")
		})
	}
}

// TestRunLockEmptiedWhileLive: with the live run's own run.lock emptied
// and the playbook's lock deleted, a second run is still refused.
func TestRunLockEmptiedWhileLive(t *testing.T) {
	state := t.TempDir()
	live(t, state, "run", "facebook-down")
	id := onlyRun(t, state, "facebook-down")
	if err := os.WriteFile(filepath.Join(runsDir(state), id, "run.lock"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(runsDir(state), "facebook-down.lock")); err != nil {
		t.Fatal(err)
	}
	refused(t, state, "run")
}

// TestResumeLiveRun: resuming a run live elsewhere names it from its
// intact lock file, not as a lock that "no longer says which run".
func TestResumeLiveRun(t *testing.T) {
	state := t.TempDir()
	p := live(t, state, "run", "facebook-down")
	id := onlyRun(t, state, "facebook-down")
	out, err := crisisIn(t, state, "run", "--resume", id, "--yes")
	if err == nil {
		t.Fatalf("a live run was resumed a second time:\n%s", out)
	}
	if strings.Contains(out, "no longer says") || !strings.Contains(out, "pid "+strconv.Itoa(p.cmd.Process.Pid)) {
		t.Errorf("the message should name the live run's holder:\n%s", out)
	}
	noKillAdvice(t, out)
}

// TestResumeThroughDotDot: a run id is an id; ../ cannot reach a copy of a
// live run elsewhere and resume it as a second live run.
func TestResumeThroughDotDot(t *testing.T) {
	state := t.TempDir()
	live(t, state, "run", "facebook-down")
	id := onlyRun(t, state, "facebook-down")
	copyDir := filepath.Join(state, "crisis", "copy", id)
	if err := os.MkdirAll(filepath.Join(copyDir, "announcements"), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(runsDir(state), id, "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(copyDir, "journal.jsonl"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := crisisIn(t, state, "run", "--resume", "../copy/"+id, "--yes")
	if err == nil || strings.Contains(out, "resuming run") {
		t.Fatalf("resumed a second live copy of run %s:\n%s", id, out)
	}
}

// TestLockNamingUnrelatedProcess: a run killed outright leaves a lock file
// naming its PID; when that PID now belongs to another live process (here
// PID 1), the run still resumes, with no advice to kill that process.
func TestLockNamingUnrelatedProcess(t *testing.T) {
	state := t.TempDir()
	p := live(t, state, "run", "facebook-down")
	id := onlyRun(t, state, "facebook-down")
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait()
	host, _ := os.Hostname()
	bootID, _ := os.ReadFile("/proc/sys/kernel/random/boot_id")
	holder, _ := json.Marshal(map[string]any{"playbook": "facebook-down", "run_id": id, "host": host, "pid": 1,
		"since": time.Now().UTC(), "boot_id": strings.TrimSpace(string(bootID))})
	for _, path := range []string{filepath.Join(runsDir(state), "facebook-down.lock"), filepath.Join(runsDir(state), id, "run.lock")} {
		if err := os.WriteFile(path, holder, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := crisisIn(t, state, "run", "--resume", id, "--yes")
	if err != nil || !strings.Contains(out, "ALL-CLEAR") {
		t.Fatalf("resume of a run whose lock names PID 1: %v\n%s", err, out)
	}
	noKillAdvice(t, out)
}

// TestNoResumeAdviceForFinishedRun: a lock file left behind naming a run
// that is finished must not make a new run say that run can be resumed.
func TestNoResumeAdviceForFinishedRun(t *testing.T) {
	state := t.TempDir()
	if out, err := whole(t, state, "run"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	id := onlyRun(t, state, "facebook-down")
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	holder, _ := json.Marshal(map[string]any{"playbook": "facebook-down", "run_id": id, "host": host,
		"pid": dead.Process.Pid, "since": time.Now().UTC()})
	if err := os.WriteFile(filepath.Join(runsDir(state), "facebook-down.lock"), holder, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := whole(t, state, "run")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Contains(out, "can be resumed") {
		t.Errorf("a finished run is called resumable:\n%s", out)
	}
}
