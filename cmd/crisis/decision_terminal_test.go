package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDecisionInTerminal walks testdata/decisions' leak at 80x24: the
// decision step shows its options and where each leads on its first
// screen; choosing the fake sample goes on at its own all-clear, and
// choosing the wider outage escalates the run to outage, whose holding
// text, already sent, is not offered again.
func TestDecisionInTerminal(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(repoRoot(t), "testdata", "decisions")
	start := func(t *testing.T) *tmux {
		tm := crisisInTmux(t, dir, "run leak --lang en")
		tm.waitPrompt(1, 5)
		tm.send("a")
		tm.waitFor("approved by Ana Ruiz")
		tm.send("x")
		tm.waitFor("next update due at")
		tm.send("d")
		s := tm.waitPrompt(2, 5)
		for _, want := range []string{
			"STEP 2/5 ¿La muestra es auténtica?  [decision]",
			"owner: Seguridad - Bo Sanz",
			"Decide: choose N (or the option's ID) [WHO]",
			"  1. La muestra coincide con nuestros datos (credible)",
			"     → goes on at step confirm · severity critical",
			"  2. La muestra es falsa (fake)",
			"     → goes on at step fake-clear",
			"  3. También caen Instagram y WhatsApp (wider)",
			"     → escalates to playbook outage",
		} {
			if !strings.Contains(s, want+"\n") && !strings.Contains(s, want+" ") {
				t.Errorf("the decision's first screen lacks %q:\n%s", want, s)
			}
		}
		for _, line := range strings.Split(s, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("line wider than 80 columns (%d): %q", n, line)
			}
		}
		return tm
	}

	t.Run("path", func(t *testing.T) {
		tm := start(t)
		tm.send("d")
		tm.waitFor("this step is a decision: choose N or choose ID (1 credible, 2 fake, 3 wider)")
		tm.send("choose 2")
		tm.waitFor("Bo Sanz decided: 2. La muestra es falsa (fake)")
		tm.waitFor("not on this path (passed over, not skipped): confirm, clear")
		s := tm.waitPrompt(5, 5)
		if !strings.Contains(s, "STEP 5/5 La muestra era falsa") {
			t.Errorf("the fake path does not go on at its all-clear:\n%s", s)
		}
		tm.send("a")
		tm.waitFor("approved by Ana Ruiz")
		tm.send("x")
		tm.waitFor("marked 1 text sent")
		tm.send("d")
		s = tm.waitFor("EXITED 0")
		if !strings.Contains(s, "ALL-CLEAR") {
			t.Errorf("no all-clear at the end:\n%s", s)
		}
	})

	t.Run("escalation", func(t *testing.T) {
		tm := start(t)
		tm.send("choose wider")
		tm.waitFor("escalated to outage (Caída de Meta): the run goes on there")
		s := tm.waitPrompt(1, 3)
		if !strings.Contains(s, "STEP 1/3 Primer aviso de la caída") || strings.Contains(s, " 1 sms ") {
			t.Errorf("outage's holding step, or its text sent already offered again:\n%s", s)
		}
		tm.send("d")
		tm.waitPrompt(2, 3)
		tm.send("d")
		tm.waitPrompt(3, 3)
		tm.send("a")
		tm.waitFor("approved by Ana Ruiz")
		tm.send("x")
		tm.waitFor("marked 1 text sent")
		tm.send("d")
		tm.waitFor("EXITED 0")
	})
}
