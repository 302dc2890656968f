package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// TestRunHelpFitsTheScreen: the in-run help, in every interface language,
// fits an 80x24 terminal with the line typed and the next prompt: at most
// 21 lines, none wider than 79 columns, so nothing wraps or scrolls away.
func TestRunHelpFitsTheScreen(t *testing.T) {
	for _, tag := range lang.Supported {
		var out bytes.Buffer
		v := &RunView{W: &out, Th: plainTheme(), Width: 80, L: lang.For(tag)}
		v.Help()
		lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		if len(lines) > 21 {
			t.Errorf("%s: the help has %d lines, over 21", tag, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 79 {
				t.Errorf("%s: help line of %d columns: %q", tag, w, l)
			}
		}
		// The letters typed are the same in every language.
		for _, cmd := range []string{"v N [LOC]", "y N [subject]", "x N, x all [LOC]", "d, done", "s, skip REASON", "state STATE", "set NAME=VALUE", "o, reopen REASON", "choose N|ID [WHO]"} {
			if !strings.Contains(out.String(), cmd) {
				t.Errorf("%s: the help lacks the command %q", tag, cmd)
			}
		}
	}
}

// TestScoreInPolish: the drill score's labels and counts in Polish, the
// columns aligned by display width (Polish letters are one column each).
func TestScoreInPolish(t *testing.T) {
	var out bytes.Buffer
	v := &RunView{W: &out, Th: plainTheme(), Width: 80, L: lang.For(language.Polish)}
	sc := &drill.Score{Overall: 70, Deadlines: drill.Part{Got: 2, Of: 3, Score: 27}, Announcements: drill.Part{Got: 5, Of: 5, Score: 30},
		Injects: drill.Part{Got: 1, Of: 2, Score: 10}, Skipped: 1}
	v.Score(&runbook.Session{State: &runbook.State{}}, sc)
	want := "WYNIK ĆWICZEŃ 70/100\n" +
		"  dotrzymane terminy          2 z 3  (27/40)\n" +
		"  przygotowane komunikaty     5 z 5  (30/30)\n" +
		"  dobrze obsłużone zdarzenia  1 z 2  (10/20)\n" +
		"  pominięte kroki             1  (5/10)\n"
	if got := out.String(); got != want {
		t.Errorf("score:\n%s\nwant:\n%s", got, want)
	}
}

// TestMarkedSentPolishPlurals: the confirmation of x counts texts as
// Polish counts them (1 komunikat, 2 komunikaty, 5 komunikatów, 22
// komunikaty, 25 komunikatów).
func TestMarkedSentPolishPlurals(t *testing.T) {
	pl := lang.For(language.Polish)
	for n, want := range map[int]string{
		1:  "oznaczono 1 komunikat jako wysłany",
		2:  "oznaczono 2 komunikaty jako wysłane",
		5:  "oznaczono 5 komunikatów jako wysłane",
		12: "oznaczono 12 komunikatów jako wysłane",
		22: "oznaczono 22 komunikaty jako wysłane",
		25: "oznaczono 25 komunikatów jako wysłane",
	} {
		if got := pl.Text(lang.Countf("run.marked-sent", n, nil)); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
