package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
)

// noDesktop keeps a terminal test from raising real desktop notifications
// or writing the desktop's clipboard.
const noDesktop = "env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS NO_COLOR=1"

// rows are the numbered lines a step's list must show: one per message
// and channel, in the playbook's order.
func rows(st manual.Step) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range st.Announce {
		for _, c := range a.Channels {
			if k := a.Message.ID + " " + c.ID; !seen[k] {
				seen[k] = true
				out = append(out, c.ID)
			}
		}
	}
	return out
}

// waitPrompt waits until the last line of the screen is the prompt of step
// n, so the step has been drawn whole, and returns the visible screen.
func (tm *tmux) waitPrompt(n, of int) string {
	tm.t.Helper()
	want := fmt.Sprintf("[%d/%d ", n, of)
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen(false)
		lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
		if last := lines[len(lines)-1]; strings.HasPrefix(last, want) && strings.HasSuffix(strings.TrimSpace(last), "? help >") {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the prompt of step %d/%d never came; the screen:\n%s", n, of, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestEveryStepFitsTheFirstScreen walks meta-outage in four locales and
// facebook-down at 80x24: on the first screen of every step, with nothing
// scrolled, the step's title, its deadline and every line of what to send
// are visible, above the prompt.
func TestEveryStepFitsTheFirstScreen(t *testing.T) {
	t.Parallel()
	m, _ := exampletest.Load(t)
	for _, tc := range []struct{ playbook, args string }{
		{"meta-outage", "--lang en -l es,en,pt,pl"},
		{"facebook-down", "--lang en -l es,en --var platform=Facebook"},
	} {
		t.Run(tc.playbook, func(t *testing.T) {
			p := m.Playbook(tc.playbook).In("en") // as --lang en shows it
			tm := crisisInTmux(t, repoRoot(t), "run "+tc.playbook+" "+tc.args)
			tm.waitPrompt(1, len(p.Steps))
			card, _, _ := strings.Cut(strings.TrimLeft(tm.history(), "\n"), "───")
			if n := strings.Count(card, "\n"); n > 24 || !regexp.MustCompile(`(?m)^run \d{8}-\d{6}-`+tc.playbook+` · started \d?\d:\d\d [AP]M \(Europe/Madrid\)$`).MatchString(card) {
				t.Errorf("the start card is %d lines, or lacks the run id and the zone:\n%s", n, card)
			}
			for i, st := range p.Steps {
				s := tm.waitPrompt(i+1, len(p.Steps))
				flat := strings.Join(strings.Fields(s), " ")
				if !strings.Contains(flat, fmt.Sprintf("STEP %d/%d %s", i+1, len(p.Steps), st.Title)) {
					t.Errorf("step %s: title not on the first screen:\n%s", st.ID, s)
				}
				if !regexp.MustCompile(`due \d?\d:\d\d [AP]M \(T\+` + regexp.QuoteMeta(manual.FormatDuration(st.Deadline))).MatchString(flat) {
					t.Errorf("step %s: deadline not on the first screen:\n%s", st.ID, s)
				}
				for n, ch := range rows(st) {
					if !regexp.MustCompile(fmt.Sprintf(`(?m)^ *%d %s +\w`, n+1, regexp.QuoteMeta(ch))).MatchString(s) {
						t.Errorf("step %s: text %d (%s) not listed on the first screen:\n%s", st.ID, n+1, ch, s)
					}
				}
				if st.Kind == manual.StepDecision {
					tm.send("choose 1")
					continue
				}
				tm.send("d")
				if len(rows(st)) > 0 || len(st.Checklist) > 0 { // texts unsent or items unticked
					tm.waitFor("type d again")
					tm.send("d")
				}
			}
			tm.waitFor("EXITED 0")
		})
	}
}

// TestViewShowsOneTextWhole: v N prints a text with nothing on its lines
// but the text, and no line break the text does not have, so selecting
// its lines (the terminal joins what it wrapped) gives exactly the text
// written to the run's folder: subject apart from the body for an e-mail.
func TestViewShowsOneTextWhole(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	cmd := fmt.Sprintf("%s XDG_STATE_HOME=%s %s -m %s run meta-outage -l es,en,pt,pl; sleep 30",
		noDesktop, state, crisisBin(t), repoRoot(t))
	tm := newTmux(t, cmd)
	tm.waitPrompt(1, 5)
	tm.send("d")
	tm.waitFor("type d again") // the checklist is unticked
	tm.send("d")
	tm.waitPrompt(2, 5)
	for _, tc := range []struct{ command, file string }{
		{"v 6", "holding.meta-holding.email-customers.es.txt"},
		{"v x pt", "holding.meta-holding.x.pt.txt"},
		{"v status-page suppliers", "holding.supplier-whatsapp.status-page.es.txt"},
	} {
		tm.run("send-keys", "-R", "-t", "t") // a blank screen: only what v shows is on it
		tm.run("clear-history", "-t", "t")
		tm.send(tc.command)
		tm.waitFor("── ")
		tm.waitPrompt(2, 5)
		files, _ := filepath.Glob(filepath.Join(state, "crisis", "runs", "*", "announcements", tc.file))
		if len(files) != 1 {
			t.Fatalf("%s: no file %s in the run folder", tc.command, tc.file)
		}
		data, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		// -J joins the lines the terminal wrapped, as selecting them does.
		joined := map[string]bool{}
		for _, l := range strings.Split(tm.run("capture-pane", "-p", "-J", "-t", "t", "-S", "-"), "\n") {
			joined[strings.TrimRight(l, " ")] = true
		}
		text := string(data)
		if subject, body, ok := strings.Cut(text, "\n\n"); ok && strings.HasPrefix(subject, "Subject: ") {
			if !joined[strings.TrimPrefix(subject, "Subject: ")] {
				t.Errorf("%s: the subject is not a line of its own", tc.command)
			}
			text = body
		}
		for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			if line != "" && !joined[line] {
				t.Errorf("%s: the line %q is not shown whole, alone on its line:\n%s", tc.command, line, tm.screen(false))
			}
		}
	}
}

// TestBellRingsOnceWhenAStepFallsDue rehearses facebook-down at 300x with
// the pane's output recorded byte for byte: when the first step falls due
// the bell and the terminal notifications are written once; resuming the
// paused drill with that step still overdue writes nothing more; the next
// step falling due rings once more.
func TestBellRingsOnceWhenAStepFallsDue(t *testing.T) {
	t.Parallel()
	state, out := t.TempDir(), filepath.Join(t.TempDir(), "pane.bytes")
	drill := fmt.Sprintf("%s XDG_STATE_HOME=%s %s -m %s drill", noDesktop, state, crisisBin(t), repoRoot(t))
	cmd := fmt.Sprintf("sleep 0.5; %s facebook-down -l es --speed 300 --var platform=Facebook; sleep 1; %s --resume; echo EXITED $?; sleep 30", drill, drill)
	tm := newTmux(t, cmd)
	tm.run("pipe-pane", "-O", "-t", "t", "cat > "+out)
	rung := func() (bel, osc9, osc777 int) {
		data, _ := os.ReadFile(out)
		s := string(data)
		return strings.Count(s, "\a\x1b]9;"), strings.Count(s, "\x1b]9;"), strings.Count(s, "\x1b]777;notify;")
	}
	// answer the drill's injects, and step 1's prompt with step (if any),
	// until the text is on screen: a line typed at the step's prompt as an
	// inject arrives is read by the inject, and typed again at the step's
	// prompt when it comes back.
	until := func(text, step string) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !strings.Contains(tm.history(), text) {
			if time.Now().After(deadline) {
				t.Fatalf("never saw %q:\n%s", text, tm.screen(false))
			}
			prompt, at := tm.waitingAt()
			switch {
			case tm.answerInject(prompt, at):
			case step != "" && strings.HasPrefix(prompt, "[1/5 ") && strings.HasSuffix(prompt, "? help >"):
				tm.answer(at, step)
			default:
				time.Sleep(50 * time.Millisecond)
			}
		}
	}
	until(`step "confirm" is due now`, "")
	time.Sleep(500 * time.Millisecond) // the prompt redraws itself meanwhile
	if bel, osc9, osc777 := rung(); bel != 1 || osc9 != 1 || osc777 != 1 {
		t.Fatalf("confirm falling due wrote the bell %d, OSC 9 %d, OSC 777 %d times; want once each", bel, osc9, osc777)
	}
	until("paused; resume with", "p")
	tm.run("send-keys", "-R", "-t", "t") // a blank screen for the resumed drill
	tm.run("clear-history", "-t", "t")
	until(`step "confirm" is due now`, "") // said again after the resume...
	time.Sleep(500 * time.Millisecond)
	if bel, osc9, osc777 := rung(); bel != 1 || osc9 != 1 || osc777 != 1 {
		t.Errorf("after the resume: the bell %d, OSC 9 %d, OSC 777 %d times; want still once each", bel, osc9, osc777)
	}
	until("type d again", "d")            // the checklist is unticked
	until(`step "scope" is due now`, "d") // the next step: is it all of Meta?
	time.Sleep(500 * time.Millisecond)
	if bel, osc9, osc777 := rung(); bel != 2 || osc9 != 2 || osc777 != 2 {
		t.Errorf("scope falling due: the bell %d, OSC 9 %d, OSC 777 %d times in all; want twice each", bel, osc9, osc777)
	}
}

// lastLine is the screen's last line, where a prompt is.
func (tm *tmux) lastLine() string {
	lines := strings.Split(strings.TrimRight(tm.screen(false), "\n "), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// answerInject answers a drill inject's prompt, if the program waits at
// one (prompt, at: tm.waitingAt): the draft reply as it is, a decision, and
// yes to whether it did what was expected.
func (tm *tmux) answerInject(prompt string, at cursor) bool {
	switch {
	case strings.HasSuffix(prompt, "(y/n) >"):
		tm.answer(at, "y")
	case strings.HasSuffix(prompt, "your decision >"):
		tm.answer(at, "refer them to the spokesperson")
	case strings.HasSuffix(prompt, "(Enter sends the draft) >"):
		tm.answer(at, "")
	default:
		return false
	}
	return true
}
