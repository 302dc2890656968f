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
// narrower than, as wide as and wider than an 80-column terminal, and for
// one narrower than a prompt written before it.
func TestRedrawPrompt(t *testing.T) {
	short := "[1/5 confirm · termin 04:49 za 5m] ? pomoc > " // 45 columns
	exact := strings.Repeat("x", 80)
	wide := "[1/5 confirm · termin 04:49 zwłoka 657m · aktualizacja 05:19 zwłoka 627m] ? pomoc > " // 84
	twoRows := strings.Repeat("ż", 161)
	for _, tt := range []struct {
		prompt                string
		first, covered, width int
		want                  string
	}{
		{short, 45, 45, 80, "\x1b7\r" + short + "\x1b8"},
		{exact, 80, 80, 80, "\x1b7\r" + exact + "\x1b8"},
		{wide, 84, 84, 80, "\x1b7\r\x1b[1A" + wide + "\x1b8"},
		{twoRows, 161, 161, 80, "\x1b7\r\x1b[2A" + twoRows + "\x1b8"},
		{wide, 84, 84, 0, "\x1b7\r" + wide + "\x1b8"},
		// grown past the row the cursor waits on: up from where the
		// first prompt left the cursor, not from the new prompt's end
		{wide, 45, 45, 80, "\x1b7\r" + wide + "\x1b8"},
		// shrunk: the rest of the widest prompt is blanked
		{short, 84, 84, 80, "\x1b7\r\x1b[1A" + short + strings.Repeat(" ", 39) + "\x1b8"},
		// colour does not take columns
		{"\x1b[1m" + short + "\x1b[0m", 45, 45, 40, "\x1b7\r\x1b[1A\x1b[1m" + short + "\x1b[0m\x1b8"},
	} {
		if got := RedrawPrompt(tt.prompt, tt.first, tt.covered, tt.width); got != tt.want {
			t.Errorf("RedrawPrompt(%q, %d, %d, %d) = %q, want %q", tt.prompt, tt.first, tt.covered, tt.width, got, tt.want)
		}
	}
}

// TestRedrawPromptInTmux: in a real 80x24 terminal, a prompt wider than the
// screen, on its last two rows as a prompt is, redrawn ten times over
// itself with its countdown changing, leaves one prompt, the last one,
// where the first was: nothing scrolls.
func TestRedrawPromptInTmux(t *testing.T) {
	prompt := func(late int) string {
		return "[1/5 confirm · termin 04:49 zwłoka " + strconv.Itoa(late) + "m · aktualizacja 05:19 zwłoka 627m] ? pomoc > "
	}
	var out strings.Builder
	for i := 1; i <= 21; i++ {
		out.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	out.WriteString("KROK 1/5\n" + prompt(100))
	for late := 101; late <= 110; late++ {
		out.WriteString(RedrawPrompt(prompt(late), Width(prompt(100)), Width(prompt(100)), 80))
	}
	// line 1 must not have scrolled off, nor any prompt be left behind
	lines := inTmux(t, out.String())
	if len(lines) != 23 || lines[0] != "line 1" || lines[21] != "KROK 1/5" || lines[22] != strings.TrimRight(prompt(110), " ") {
		t.Errorf("the terminal shows:\n%s\nwant line 1 to 21, KROK 1/5 and the last prompt", strings.Join(lines, "\n"))
	}
}

// TestRedrawGrownPromptInTmux: a one-row prompt that grows onto a second
// row as its step turns late ("za 1m" to "zwłoka 10m"), then shrinks back,
// leaves the line above it as it was and nothing of the longer prompt.
func TestRedrawGrownPromptInTmux(t *testing.T) {
	narrow := "[1/5 potwierdzenie-awarii · termin 04:49    za 1m · aktualizacja 05:19] > "
	grown := "[1/5 potwierdzenie-awarii · termin 04:49 zwłoka 10m · aktualizacja 05:19] ? pomoc > "
	if Width(narrow) >= 80 || Width(grown) <= 80 {
		t.Fatalf("the prompts are %d and %d columns wide; want one row, then two", Width(narrow), Width(grown))
	}
	out := "KROK 1/5\n" + narrow +
		RedrawPrompt(grown, Width(narrow), Width(narrow), 80) +
		RedrawPrompt(narrow, Width(narrow), Width(grown), 80)
	lines := inTmux(t, out)
	if len(lines) != 2 || lines[0] != "KROK 1/5" || lines[1] != strings.TrimRight(narrow, " ") {
		t.Errorf("the terminal shows:\n%s\nwant KROK 1/5 and the narrow prompt", strings.Join(lines, "\n"))
	}
}

// inTmux is what an 80x24 tmux terminal shows, its history included and
// its wrapped rows joined, once out has been written to it.
func inTmux(t *testing.T, out string) []string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux not installed")
	}
	file := filepath.Join(t.TempDir(), "screen")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	socket := "crisis-ui-" + strconv.Itoa(os.Getpid()) + "-" + t.Name()
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
	screen := tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t")
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}
