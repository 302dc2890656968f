package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestUpdateRoundInTerminal: with two cadences (testdata/replymarkets:
// the e-mail and Spain's SMS every 30 minutes, Peru's SMS hourly) and the
// holding texts just sent, u offers the cadence due first, ahead of its
// time, saying when it is due and when the other one is; at 80x24.
func TestUpdateRoundInTerminal(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(repoRoot(t), "testdata", "replymarkets")
	tm := crisisInTmux(t, dir, "run fb-down --lang en")
	tm.waitPrompt(1, 3)
	tm.send("a")
	tm.waitFor("approved by Ana")
	tm.send("x all")
	tm.waitFor("next update due at")
	tm.send("u")
	tm.waitFor("customers-pe: next update due at")
	s := tm.waitFor("[updates 1 · a approve")
	for _, re := range []string{
		`(?m)^UPDATE 1$`,
		`(?m)^  customers: not due before \d?\d:\d\d [AP]M, shown ahead of time$`,
		`(?m)^  customers-pe: next update due at \d?\d:\d\d [AP]M$`,
		`(?m)sms-customers-es`,
		`(?m)email-customers`,
	} {
		if !regexp.MustCompile(re).MatchString(s) {
			t.Errorf("the update round's screen lacks %s:\n%s", re, s)
		}
	}
	if _, round, _ := strings.Cut(s, "UPDATE 1"); strings.Contains(round, "sms-customers-pe") {
		t.Errorf("Peru's SMS, not due for an hour, is in the round:\n%s", s)
	}
	for _, line := range strings.Split(s, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line wider than 80 columns (%d): %q", n, line)
		}
	}
}
