package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRedrawPrompt: the escape sequences, written out by hand for prompts
// narrower than, as wide as and wider than an 80-column terminal.
func TestRedrawPrompt(t *testing.T) {
	short := "[1/5 confirm · termin 04:49 za 5m] ? pomoc > "
	exact := strings.Repeat("x", 80)
	wide := "[1/5 confirm · termin 04:49 zwłoka 657m · aktualizacja 05:19 zwłoka 627m] ? pomoc > "
	twoRows := strings.Repeat("ż", 161)
	for _, tt := range []struct {
		prompt string
		width  int
		want   string
	}{
		{short, 80, "\x1b7\r" + short + "\x1b8"},
		{exact, 80, "\x1b7\r" + exact + "\x1b8"},
		{wide, 80, "\x1b7\r\x1b[1A" + wide + "\x1b8"},
		{twoRows, 80, "\x1b7\r\x1b[2A" + twoRows + "\x1b8"},
		{wide, 0, "\x1b7\r" + wide + "\x1b8"},
		// colour does not take columns
		{"\x1b[1m" + short + "\x1b[0m", 40, "\x1b7\r\x1b[1A\x1b[1m" + short + "\x1b[0m\x1b8"},
	} {
		if got := RedrawPrompt(tt.prompt, tt.width); got != tt.want {
			t.Errorf("RedrawPrompt(%q, %d) = %q, want %q", tt.prompt, tt.width, got, tt.want)
		}
	}
}

// TestRedrawPromptInTmux: in a real 80x24 terminal, a prompt wider than the
// screen, on its last two rows as a prompt is, redrawn ten times over
// itself with its countdown changing, leaves one prompt, the last one,
// where the first was: nothing scrolls.
func TestRedrawPromptInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux not installed")
	}
	prompt := func(late int) string {
		return "[1/5 confirm · termin 04:49 zwłoka " + strconv.Itoa(late) + "m · aktualizacja 05:19 zwłoka 627m] ? pomoc > "
	}
	var out strings.Builder
	for i := 1; i <= 21; i++ {
		out.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	out.WriteString("KROK 1/5\n" + prompt(100))
	for late := 101; late <= 110; late++ {
		out.WriteString(RedrawPrompt(prompt(late), 80))
	}
	file := filepath.Join(t.TempDir(), "screen")
	if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	socket := "crisis-ui-" + strconv.Itoa(os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		b, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, b)
		}
		return string(b)
	}
	tmux("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "cat "+file+"; touch "+file+".done; sleep 60")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() })
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(file + ".done"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the terminal never showed the file")
		}
	}
	// the whole history, wrapped rows joined: line 1 must not have
	// scrolled off, nor any prompt be left behind
	screen := tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t")
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	if len(lines) != 23 || lines[0] != "line 1" || lines[21] != "KROK 1/5" || strings.TrimRight(lines[22], " ") != strings.TrimRight(prompt(110), " ") {
		t.Errorf("the terminal shows:\n%s\nwant line 1 to 21, KROK 1/5 and the last prompt", screen)
	}
}
