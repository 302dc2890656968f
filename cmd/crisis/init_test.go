package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitInTerminal answers init's questionnaire in a real terminal as a
// person would: a wrong answer is explained and asked again, Enter keeps
// the answer offered, and answers that would fail lint send the questions
// round again. The manual written then lints with no finding.
func TestInitInTerminal(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "handbook")
	cmd := fmt.Sprintf("env NO_COLOR=1 TZ=Europe/Warsaw %s init %s; echo EXITED $?; sleep 30", crisisBin(t), dir)
	tm := newTmux(t, cmd)

	tm.waitFor("Organisation, as it signs its messages:")
	tm.send("Sklep Ola")
	tm.waitFor("Time zone (IANA name, e.g. Europe/Madrid, America/Lima) [Europe/Warsaw]:")
	tm.send("Warsaw") // not a zone name: explained with the nearest, asked again
	tm.waitFor(`did you mean "Europe/Warsaw"?`)
	tm.send("") // Enter keeps Europe/Warsaw
	tm.waitFor("First language of your messages (es, en, pl, pt) [en]:")
	tm.send("pl")
	tm.waitFor("Other languages they are translated into")
	tm.send("en")
	tm.waitFor("A small organisation of one or two people")
	tm.send("y")
	tm.waitFor("Who must hear from you in a crisis")
	tm.send("")
	tm.waitFor("Your channels (comma-separated):")
	tm.send("whatsapp, instagram") // both fail with Meta: refused at the end
	tm.waitFor("Spokesperson: name, phone, e-mail:")
	tm.send("Ola Nowak")
	tm.waitFor("a phone number is needed")
	tm.send("Ola Nowak, +48 500 100 200, ola@sklepola.example")
	tm.waitFor("Approver of public messages")
	tm.send("")
	tm.waitFor("That manual would not pass lint:")
	s := tm.waitFor("when whatsapp-down happens, customers have no channel left")
	if !strings.Contains(tm.history(), "Let us go through the answers again.") {
		t.Errorf("the questions are not asked again:\n%s", s)
	}
	// Keep organisation, zone, languages, small and audiences, each answered
	// only once it is asked: keys typed ahead would land in the screen's
	// history out of place.
	for _, q := range []string{"Organisation, as it signs its messages", "Time zone (IANA name", "First language of your messages",
		"Other languages they are translated into", "A small organisation of one or two people", "Who must hear from you in a crisis"} {
		tm.waitForPrompt(q)
		tm.send("")
	}
	tm.waitForPrompt("Your channels (comma-separated) [whatsapp, instagram]:")
	tm.send("whatsapp, instagram, sms, phone")
	tm.waitForPrompt("Spokesperson: name, phone, e-mail")
	tm.send("")
	tm.waitForPrompt("Approver of public messages")
	tm.send("")
	s = tm.waitFor("EXITED 0")
	for _, want := range []string{"Wrote a crisis manual for Sklep Ola", "playbooks/meta-outage.yaml", "crisis lint -m " + dir} {
		if !strings.Contains(tm.history(), want) {
			t.Errorf("the screen lacks %q:\n%s", want, s)
		}
	}
	manual, err := os.ReadFile(filepath.Join(dir, "playbooks", "manual.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"timezone: Europe/Warsaw\n", "supported: [pl, en]\n", "# Kto mówi, a kto zatwierdza.", "{via: phone, value: +48 500 100 200}"} {
		if !strings.Contains(string(manual), want) {
			t.Errorf("manual.yaml lacks %q:\n%s", want, manual)
		}
	}
	out, err := exec.Command(crisisBin(t), "lint", "--strict", dir).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "no problems") {
		t.Errorf("crisis lint: %v\n%s", err, out)
	}
}
