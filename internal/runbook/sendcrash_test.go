package runbook

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
)

// The child process of TestSendBulkSurvivesKill9: it sends meta-outage's
// holding step, whose only target is e-mail to a 10,000-address list, and
// is killed half way.
func TestSendBulkCrashChild(t *testing.T) {
	runs := os.Getenv("CRISIS_SEND_CHILD_RUNS")
	if runs == "" {
		t.Skip("run by TestSendBulkSurvivesKill9")
	}
	f, _ := metaRun(t, runs, false, []string{"es"}, bulkTargets(os.Getenv("CRISIS_SEND_CHILD_SMTP"), os.Getenv("CRISIS_SEND_CHILD_LIST")),
		"c 1 2 3 4", "d", "a", "send all", "yes")
	f.Run()
	t.Fatal("the child was not killed before the send ended")
}

func bulkTargets(addr, list string) map[string]*manual.Target {
	return map[string]*manual.Target{"email-customers": {Provider: "smtp", URL: "smtp://" + addr,
		Options:    map[string]string{"from": "avisos@rioverde.example", "list_unsubscribe": "<mailto:baja@rioverde.example>", "tls": "none"},
		Recipients: &manual.Recipients{Path: list}}}
}

// TestSendBulkSurvivesKill9 kills (SIGKILL) a process in the middle of a
// 10,000-recipient e-mail send to a real SMTP server, resumes the run and
// sends again: nobody gets the message twice, and the only recipients
// without it are those of batches in flight at the kill, which the run
// reports as unknown instead of resending.
func TestSendBulkSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 10,000 e-mails")
	}
	const n = 10000
	relay := startSMTPDelayed(t, 200*time.Microsecond)
	list := recipientList(t, n, nil)
	runs := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSendBulkCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CRISIS_SEND_CHILD_RUNS="+runs, "CRISIS_SEND_CHILD_SMTP="+relay.addr, "CRISIS_SEND_CHILD_LIST="+list)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// A guard against a child that hangs, not a speed limit: under the race
	// detector, beside the other tests on a loaded machine, 6,000 messages
	// have taken more than a minute.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		if _, total := relay.received(); total >= n*6/10 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the child sent too little: %s", out.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	_, atKill := relay.received()
	if atKill >= n {
		t.Fatalf("the send finished before the kill (%d messages): slow the relay down", atKill)
	}

	dirs, _ := filepath.Glob(filepath.Join(runs, "*-meta-outage"))
	if len(dirs) != 1 {
		t.Fatalf("runs: %v", dirs)
	}
	run, err := ReadRun(dirs[0], false)
	if err != nil {
		t.Fatal(err)
	}
	m, cat := metaManual(t, bulkTargets(relay.addr, list))
	clock := &fakeClock{t: time.Date(2026, 11, 23, 2, 5, 0, 0, time.UTC)}
	s, err := Resume(run, Options{Manual: m, Catalog: cat, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	view := &quietViewLog{}
	g := &Flow{S: s, In: &promptLines{lines: []string{"send all", "yes"}, view: view}, View: view, Dispatch: &Dispatcher{Env: testEnv()}}
	if err := g.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("resumed run: %v", err)
	}
	counts, total := relay.received()
	missing := 0
	for i := range n {
		switch c := counts[fmt.Sprintf("c%05d@example.com", i)]; {
		case c > 1:
			t.Errorf("c%05d got the message %d times", i, c)
		case c == 0:
			missing++
		}
	}
	r := s.State.Sends[AnnouncementKey{"holding", "meta-holding", "email-customers", "es"}]
	// At most the batches in flight are in doubt: one being sent per
	// connection, and one per connection sent whose acknowledgement was
	// not journaled yet (4 connections, 2 x 4 x 100 rows); every
	// recipient without the message is among them.
	if r == nil {
		t.Fatal("the journal has no send of email-customers")
	}
	if missing > r.DoubtRows() || r.DoubtRows() > 800 {
		t.Errorf("%d recipients got nothing, %d rows in doubt", missing, r.DoubtRows())
	}
	shown := view.all()
	if r.DoubtRows() > 0 && !strings.Contains(shown, "outcome unknown: check before resending") {
		t.Errorf("the resumed run does not report the batches in doubt:\n%s", shown)
	}
	t.Logf("killed at %d messages; after resume %d, %d recipients in doubt, %d without the message", atKill, total, r.DoubtRows(), missing)
}
