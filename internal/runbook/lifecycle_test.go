package runbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
)

// finishedRun runs facebook-down to its all-clear as --yes does.
func finishedRun(t *testing.T) (*Run, Options) {
	t.Helper()
	opts := options(t, t.TempDir(), &fakeClock{t: time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)})
	s := mustStart(t, opts)
	f := &Flow{S: s, In: &lines{}, View: &quietView{}, Auto: true}
	if err := f.AskVars(map[string]string{"platform": "Facebook"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	run := readRun(t, s.Dir)
	return run, opts
}

func TestAbandon(t *testing.T) {
	opts := options(t, t.TempDir(), &fakeClock{t: time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)})
	s := mustStart(t, opts)
	run := readRun(t, s.Dir)
	if err := Abandon(run, "false alarm", opts.Now, time.UTC); err == nil || !strings.Contains(err.Error(), "live") {
		t.Errorf("abandoning a live run: %v, want a refusal naming it live", err)
	}
	s.Close()
	if err := Abandon(run, "", opts.Now, time.UTC); err == nil {
		t.Error("abandoned without a reason")
	}
	if err := Abandon(run, "false alarm: our Wi-Fi", opts.Now, time.UTC); err != nil {
		t.Fatal(err)
	}
	again := readRun(t, s.Dir)
	if a := again.State.Abandoned; a == nil || a.Reason != "false alarm: our Wi-Fi" || a.At.IsZero() {
		t.Fatalf("abandoned = %+v", a)
	}
	if _, err := Resume(again, opts); err == nil || !strings.Contains(err.Error(), "abandoned") {
		t.Errorf("resumed an abandoned run: %v", err)
	}
	list, _ := List(opts.RunsDir)
	if len(list) != 1 || list[0].Status != StatusAbandoned {
		t.Errorf("listed as %+v, want abandoned", list)
	}
	if open, _ := Unfinished(opts.RunsDir, "facebook-down"); len(open) != 0 {
		t.Errorf("an abandoned run still blocks a new one: %+v", open)
	}

	done, opts := finishedRun(t)
	if err := Abandon(done, "changed my mind", opts.Now, time.UTC); err == nil || !strings.Contains(err.Error(), "finished") {
		t.Errorf("abandoned a finished run: %v", err)
	}
}

func TestReopenAfterAllClear(t *testing.T) {
	run, opts := finishedRun(t)
	firstAllClear := run.State.AllClear
	if _, err := Resume(run, opts); err == nil {
		t.Fatal("a finished run was resumed")
	}
	s, err := Reopen(run, opts)
	if err != nil {
		t.Fatal(err)
	}
	st := s.State
	if st.Finished || !st.AllClear.IsZero() {
		t.Errorf("reopened but finished %t, all-clear %v", st.Finished, st.AllClear)
	}
	// facebook-down: confirm, scope, holding, inbox, all-clear; the holding
	// step is where the public is told again.
	if cur := s.Current(); cur == nil || cur.ID != "holding" {
		t.Fatalf("continues from %v, want holding", cur)
	}
	if st.Steps["holding"] != nil || st.Steps["all-clear"] != nil || st.Steps["confirm"] == nil {
		t.Errorf("steps after reopening: %v; want holding onwards open, confirm done", st.Steps)
	}
	if st.SentOn("holding", "holding", "x") {
		t.Error("the holding text counts as sent after the incident came back")
	}
	if len(st.Reopened) != 1 || !st.Reopened[0].AllClear.Equal(firstAllClear) {
		t.Fatalf("reopened = %+v, want one, of the all-clear at %v", st.Reopened, firstAllClear)
	}
	// The incident starts over from the holding step: due 5 minutes after
	// the reopening, as it was 5 minutes after the scope decision's T+10m;
	// confirm's own deadline stays where it was.
	at := st.Reopened[0].At
	if got, want := s.Deadline(&s.Playbook.Steps[s.Playbook.StepIndex("holding")]), at.Add(5*time.Minute); !got.Equal(want) {
		t.Errorf("holding due %v after reopening at %v, want %v", got, at, want)
	}
	if got, want := s.Deadline(&s.Playbook.Steps[0]), st.StartedAt.Add(5*time.Minute); !got.Equal(want) {
		t.Errorf("confirm due %v, want %v", got, want)
	}
	f := &Flow{S: s, In: &lines{}, View: &quietView{}, Auto: true}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Replayed from the journal, as a report reads it.
	again := readRun(t, s.Dir)
	if !again.State.Finished || !again.State.AllClear.After(firstAllClear) || len(again.State.Reopened) != 1 {
		t.Errorf("after the second all-clear: finished %t, all-clear %v (first %v), reopened %d",
			again.State.Finished, again.State.AllClear, firstAllClear, len(again.State.Reopened))
	}
	events, _, _ := journal.Read(filepath.Join(s.Dir, JournalFile))
	n := 0
	for _, e := range events {
		if e.Type == journal.TypeRunReopened {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d run.reopened events, want 1", n)
	}
}

func TestReopenStep(t *testing.T) {
	steps := func(kinds ...string) *manual.Playbook {
		p := &manual.Playbook{}
		for i, k := range kinds {
			p.Steps = append(p.Steps, manual.Step{ID: string(rune('a' + i)), Kind: k})
		}
		return p
	}
	for _, tt := range []struct {
		p    *manual.Playbook
		want string
	}{
		{steps(manual.StepAction, manual.StepHolding, manual.StepAction, manual.StepAllClear), "b"},
		{steps(manual.StepAction, manual.StepAction, manual.StepAllClear), "b"},
		{steps(manual.StepAllClear), "a"},
		{steps(manual.StepHolding, manual.StepAction), "a"},
	} {
		if got := ReopenStep(tt.p); got != tt.want {
			t.Errorf("ReopenStep(%+v) = %s, want %s", tt.p.Steps, got, tt.want)
		}
	}
}

// A run keeps the manual files it used and their digest; the copy loads
// as a manual whose digest is the recorded one.
func TestManualSnapshot(t *testing.T) {
	run, opts := finishedRun(t)
	dir, ok := Snapshot(run.Dir)
	if !ok {
		t.Fatalf("no copy of the manual in %s", run.Dir)
	}
	for _, f := range []string{"playbooks/manual.yaml", "playbooks/facebook-down.yaml", "templates/es.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("the copy lacks %s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "playbooks/meta-outage.yaml")); err == nil {
		t.Error("the copy holds a playbook the run did not use")
	}
	want := run.State.ManualDigest
	if !strings.HasPrefix(want, "sha256:") || len(want) != len("sha256:")+64 {
		t.Fatalf("recorded digest %q", want)
	}
	m, _, err := manual.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	if why := ManualOf(run.State, m); why != "" {
		t.Errorf("the copy is not the run's manual: %s", why)
	}
	if why := ManualOf(run.State, opts.Manual); why != "" {
		t.Errorf("the manual it ran with is not the run's: %s", why)
	}
	other, _, err := manual.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	other.Sources[manual.ManualFile] = append(other.Sources[manual.ManualFile], '\n')
	if why := ManualOf(run.State, other); !strings.Contains(why, "differ") {
		t.Errorf("a changed manual.yaml: %q, want a difference", why)
	}
	old := *run.State
	old.ManualDigest, old.Organisation = "", "Lima Hogar S.A.C."
	if why := ManualOf(&old, m); !strings.Contains(why, "Lima Hogar") {
		t.Errorf("a run without a digest, of another organisation: %q", why)
	}
}
