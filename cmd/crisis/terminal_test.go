package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmux drives crisis in a real 80x24 terminal, as a person would: keys in,
// screen out.
type tmux struct {
	t      *testing.T
	socket string
}

func newTmux(t *testing.T, command string) *tmux {
	t.Helper()
	requireTool(t, "tmux")
	tm := &tmux{t: t, socket: fmt.Sprintf("crisis-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	tm.run("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", command)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen is what the terminal shows now, with colours when escapes is set.
func (tm *tmux) screen(escapes bool) string {
	args := []string{"capture-pane", "-p", "-t", "t"}
	if escapes {
		args = append(args, "-e")
	}
	return tm.run(args...)
}

// history is the screen with everything that scrolled off it.
func (tm *tmux) history() string {
	return tm.run("capture-pane", "-p", "-t", "t", "-S", "-")
}

// unwrapped is s with every run of spaces and line breaks as one space:
// prose wraps at a space, with an indent, wherever the terminal's width
// puts it, and in any language.
func unwrapped(s string) string { return strings.Join(strings.Fields(s), " ") }

// waitFor waits until text appears in the history (it may have scrolled off
// the visible 24 lines) and returns the visible screen.
func (tm *tmux) waitFor(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if h := tm.history(); strings.Contains(h, text) || strings.Contains(unwrapped(h), unwrapped(text)) {
			return tm.screen(false)
		}
		s := tm.screen(false)
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForPrompt waits until the last line with text on the screen holds
// text: the program is waiting at that question now, so a key sent next
// answers it (text seen earlier in the history does not count).
func (tm *tmux) waitForPrompt(text string) {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.run("capture-pane", "-p", "-J", "-t", "t") // wrapped lines joined
		lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
		if strings.Contains(lines[len(lines)-1], text) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the program never asked %q; the screen shows:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *tmux) send(keys string) {
	tm.run("send-keys", "-t", "t", "-l", keys)
	tm.run("send-keys", "-t", "t", "Enter")
}

func TestRunInTerminal(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	shot := filepath.Join(t.TempDir(), "screens.txt")
	cmd := fmt.Sprintf("env -u NO_COLOR TERM=xterm-256color XDG_STATE_HOME=%s %s -m %s run facebook-down -l es; echo EXITED $?; sleep 30",
		state, crisisBin(t), repoRoot(t))
	tm := newTmux(t, cmd)
	screens := &strings.Builder{}
	keep := func(s string) { screens.WriteString(s + "\n======== 80x24 ========\n") }

	tm.waitFor("platform - The platform that is down")
	tm.send("Facebook")
	s := tm.waitFor("STEP 1/5")
	keep(s)
	if !strings.Contains(tm.screen(true), "\x1b[") {
		t.Error("no colour on a terminal")
	}
	tm.send("c 1 2 3 4")
	tm.waitFor("[x] Spokesperson and approver called")
	tm.send("d")
	s = tm.waitFor("STEP 2/5") // is it all of Meta?
	keep(s)
	tm.send("choose 1")
	s = tm.waitFor("STEP 3/5")
	keep(s)
	tm.send("?")
	tm.waitFor("p, pause")
	tm.send("a")
	tm.waitFor("approved by Carmen Vidal")
	tm.send("x")
	s = tm.waitFor("next update due at")
	keep(s)
	tm.send("d")
	tm.waitFor("STEP 4/5")
	tm.send("s handled by the night shift")
	s = tm.waitFor("STEP 5/5")
	keep(s)
	tm.send("d") // announcements unsent: asks for a second d
	tm.waitFor("type d again")
	tm.send("d")
	s = tm.waitFor("EXITED 0")
	keep(s)
	for _, want := range []string{"ALL-CLEAR", "FOLLOW-UP", "finished"} {
		if !strings.Contains(s, want) {
			t.Errorf("final screen lacks %q:\n%s", want, s)
		}
	}
	for _, line := range strings.Split(screens.String(), "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line wider than 80 columns (%d): %q", n, line)
		}
	}
	if err := os.WriteFile(shot, []byte(screens.String()), 0o644); err == nil {
		t.Logf("screens saved to %s", shot)
	}
}

// TestDrillInTerminal rehearses a playbook in a real terminal at speed 600:
// every screen is marked as an exercise, injects arrive by themselves while
// the trainee sits at the prompt (the prompt wakes for them), reply drafts
// are accepted with Enter, and the drill is scored.
func TestDrillInTerminal(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	cmd := fmt.Sprintf("env NO_COLOR=1 XDG_STATE_HOME=%s %s -m %s drill facebook-down -l es --speed 600 --var platform=Facebook; echo EXITED $?; sleep 30",
		state, crisisBin(t), repoRoot(t))
	tm := newTmux(t, cmd)
	tm.waitFor("STEP 1/5")
	if !strings.Contains(tm.history(), "[SIMULACRO] EXERCISE") {
		t.Error("the drill's first screen is not marked as an exercise")
	}
	// Nobody types: the T+3m inject must arrive on its own (0.3 s at 600x).
	tm.waitFor("INJECT 1")
	script := newStepScript(map[int][]string{1: {"c 1 2 3 4", "d"}, 2: {"choose 1"}, 3: {"a", "r", "x", "d"}}) // r shows the holding texts in full
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(tm.history(), "EXITED") && time.Now().Before(deadline) {
		prompt, at := tm.waitingAt()
		switch {
		case tm.answerInject(prompt, at):
		case strings.HasSuffix(prompt, "? help >"):
			script.answer(tm, prompt, at)
		default:
			time.Sleep(50 * time.Millisecond)
		}
	}
	h := tm.history()
	for _, want := range []string{"DRILL SCORE", "[SIMULACRO] Facebook", "EXITED 0"} {
		if !strings.Contains(h, want) {
			t.Errorf("drill output lacks %q:\n%s", want, tm.screen(false))
		}
	}
}
