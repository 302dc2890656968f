package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/runbook"
)

var promiseRE = regexp.MustCompile(`"promise":"[^"]*"`)

// promptRE matches the flow's prompts: a step's and an update's.
var promptRE = regexp.MustCompile(`(\? help|\]) > `)

// script is a whole run of facebook-down, one command per line.
var script = []string{"d", "choose 1", "a", "x", "d", "n first note", "state identified", "u Vuelve en algunos móviles.", "a", "x all", "d",
	"set platform=Meta", "a", "x", "d"}

// isUpdate reports whether a command renders an update: u, or u TEXT with
// what is new.
func isUpdate(cmd string) bool { return cmd == "u" || strings.HasPrefix(cmd, "u ") }

// proc is crisis running with its commands on a pipe.
type proc struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	mu  sync.Mutex
	out bytes.Buffer
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

func (p *proc) prompts() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(promptRE.FindAllStringIndex(p.out.String(), -1))
}

func start(t *testing.T, state string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(crisisBin(t), append([]string{"-m", repoRoot(t)}, args...)...)}
	p.cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "NO_COLOR=1")
	p.cmd.Stdout, p.cmd.Stderr = p, p
	var err error
	if p.in, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitPrompts waits until n prompts have been shown: every command before
// the n-th prompt has been journaled and synced.
func (p *proc) waitPrompts(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for p.prompts() < n {
		if time.Now().After(deadline) {
			t.Fatalf("waited for prompt %d; output:\n%s", n, p.out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// journalOf returns the events of the one run in state, each as its type
// and payload, leaving out pauses and resumptions: what an interrupted
// run must have recorded exactly as an uninterrupted one.
func journalOf(t *testing.T, state string) []string {
	t.Helper()
	runs, err := runbook.List(filepath.Join(state, "crisis", "runs"))
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs: %v %v", runs, err)
	}
	events, dmg, err := journal.Read(filepath.Join(runs[0].Dir, runbook.JournalFile))
	if err != nil || !dmg.Intact() {
		t.Fatalf("journal: %v %v", err, dmg)
	}
	return recorded(events)
}

// recorded renders events as type and payload, the run's id (its start
// time) replaced by RUN so runs started at different seconds compare.
func recorded(events []journal.Event) []string {
	var started runbook.Started
	if len(events) > 0 {
		_ = json.Unmarshal(events[0].Data, &started)
	}
	var out []string
	for _, e := range events {
		if e.Type != journal.TypeRunResumed && e.Type != journal.TypeRunPaused {
			data := string(e.Data)
			if started.RunID != "" {
				data = strings.ReplaceAll(data, started.RunID, "RUN")
			}
			// A promise is a clock time a cadence after a wall-clock
			// render: runs at different moments promise different times.
			data = promiseRE.ReplaceAllString(data, `"promise":"TIME"`)
			out = append(out, e.Type+" "+data)
		}
	}
	return out
}

// runWithKills runs the script, killing crisis with SIGKILL after each
// command index in kills (once that command's effect is on screen, so it is
// synced), and resuming each time with the rest of the script.
func runWithKills(t *testing.T, kills []int) []string {
	state := t.TempDir()
	p := start(t, state, "run", "facebook-down", "--answers", "-", "--var", "platform=Facebook", "-l", "es")
	next := 0
	for _, k := range append(slices.Clone(kills), len(script)) {
		p.waitPrompts(t, 1)
		for sent := 1; next < k; sent++ {
			fmt.Fprintln(p.in, script[next])
			next++
			if next < len(script) {
				p.waitPrompts(t, sent+1)
			}
		}
		if k == len(script) {
			break
		}
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
		_ = p.cmd.Wait()
		p = start(t, state, "run", "--resume", "facebook-down", "--answers", "-")
	}
	p.in.Close()
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("last process: %v\n%s", err, p.out.String())
	}
	return journalOf(t, state)
}

func TestKillAndResume(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs crisis many times")
	}
	want := runWithKills(t, nil)
	for _, kills := range [][]int{{1}, {4}, {5, 10}, {1, 3, 6, 7, 12, 14}} {
		t.Run(fmt.Sprint(kills), func(t *testing.T) {
			t.Parallel()
			got := runWithKills(t, kills)
			if !slices.Equal(got, want) {
				t.Errorf("journal after kills %v:\n got %v\nwant %v", kills, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// crashCase is a whole run of a playbook, one command per line, and what
// the run is started with.
type crashCase struct {
	playbook string
	args     []string
	vars     []string // answers to the variable prompts, should a cut lose them
	script   []string
}

var crashCases = []crashCase{
	{"facebook-down", []string{"--var", "platform=Facebook", "-l", "es"}, []string{"var platform=Facebook"}, script},
	{"email-down", []string{"-l", "es"}, nil,
		[]string{"c 1 2", "d", "a", "x", "d", "n orders checked", "a", "x", "d", "a", "x", "u", "a", "x all", "r", "d", "a", "x", "d"}},
}

// TestCrashAfterEveryWrite runs each case uninterrupted, then cuts its
// journal after every event, as a kill right after that write leaves it,
// and resumes with the commands the cut lost: the final journal must equal
// the uninterrupted run's, event for event, payloads included. The cut
// alternates between a head record that names the last event and one a
// step behind (a kill between the append and the head's rewrite), and
// every third cut also leaves a torn half of the next line.
func TestCrashAfterEveryWrite(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs crisis many times")
	}
	for _, c := range crashCases {
		t.Run(c.playbook, func(t *testing.T) {
			t.Parallel()
			state := t.TempDir()
			ends := runCounting(t, state, c)
			runs, err := runbook.List(filepath.Join(state, "crisis", "runs"))
			if err != nil || len(runs) != 1 {
				t.Fatalf("runs: %v %v", runs, err)
			}
			full := filepath.Join(runs[0].Dir, runbook.JournalFile)
			raw, err := os.ReadFile(full)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitAfter(string(raw), "\n")
			lines = lines[:len(lines)-1]
			want := journalOf(t, state)
			if n := len(want); want[n-1] != journal.TypeRunFinished+" {}" || !strings.Contains(strings.Join(want, "\n"), `"all_clear":true`) {
				t.Fatalf("the uninterrupted run did not give the all-clear and finish:\n%s", strings.Join(want, "\n"))
			}
			events, _, err := journal.Read(full)
			if err != nil {
				t.Fatal(err)
			}
			done := commandsDone(c.script, events, ends)
			for k := 1; k < len(lines); k++ {
				got := resumeCut(t, c, runs[0].ID, full, lines, k, done[k])
				if !slices.Equal(got, want) {
					t.Errorf("cut after event %d of %d:\n got %s\nwant %s", k, len(lines), strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

// runCounting runs a case through a pipe, command by command, and returns
// how many events the journal held once each command's prompt was back
// (ends[0] before the first command): what a cut after event k has lost.
func runCounting(t *testing.T, state string, c crashCase) []int {
	t.Helper()
	p := start(t, state, append([]string{"run", c.playbook, "--answers", "-"}, c.args...)...)
	count := func() int {
		runs, err := runbook.List(filepath.Join(state, "crisis", "runs"))
		if err != nil || len(runs) != 1 {
			t.Fatalf("runs: %v %v", runs, err)
		}
		return runs[0].Events
	}
	p.waitPrompts(t, 1)
	ends := []int{count()}
	for i, line := range c.script {
		fmt.Fprintln(p.in, line)
		if i < len(c.script)-1 {
			p.waitPrompts(t, i+2)
			ends = append(ends, count())
		}
	}
	p.in.Close()
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, p.out.String())
	}
	return ends
}

// commandsDone says, for each cut (after event k), how many commands of
// the script had all their effects journaled. A command's effects are the
// events up to its prompt, but for a step's renderings that follow its
// step.done: the flow renders the step it shows again on resume, and the
// command must not be given again for them. u's renderings are its own.
func commandsDone(script []string, events []journal.Event, ends []int) []int {
	own := make([]int, len(script)) // the event count once command i's own events are written
	for i, cmd := range script {
		from, to := ends[i], len(events)
		if i+1 < len(ends) {
			to = ends[i+1]
		}
		own[i] = to
		if !isUpdate(cmd) {
			for own[i] > from && events[own[i]-1].Type == journal.TypeMessageRendered {
				own[i]--
			}
		}
	}
	done := make([]int, len(events)+1)
	for k := range done {
		for done[k] < len(script) && own[done[k]] <= k {
			done[k]++
		}
	}
	return done
}

// resumeCut lays out the run as a kill after its k-th event leaves it, in
// a state folder of its own, resumes it with the commands whose effects
// the cut lost (from the from-th), and returns the journal it ends with.
func resumeCut(t *testing.T, c crashCase, id, full string, lines []string, k, from int) []string {
	t.Helper()
	state := t.TempDir()
	dir := filepath.Join(state, "crisis", "runs", id)
	if err := os.MkdirAll(filepath.Join(dir, runbook.AnnouncementsDir), 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, runbook.JournalFile)
	// The head record the full run left names its last event; opening a
	// shorter journal resets it to that journal's end, as an append
	// would have left it.
	head, err := os.ReadFile(journal.HeadPath(full))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b string) {
		if err := os.WriteFile(name, []byte(b), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(journal.HeadPath(path), string(head))
	anchored := k
	if k%2 == 1 && k > 1 {
		anchored = k - 1 // killed after the append, before the head's rewrite
	}
	write(path, strings.Join(lines[:anchored], ""))
	j, _, err := journal.Open(path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	j.Close()
	tail := strings.Join(lines[anchored:k], "")
	if k%3 == 0 {
		tail += lines[k][:len(lines[k])/2] // and the next write torn
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(tail); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// The commands to give again: from the first whose effects are not
	// all in the journal. a and x act on what is shown, and a resumed run
	// shows its step: when the lost commands were acting on an update, u
	// shows that update again first.
	rest := slices.Clone(c.script[from:])
	onShown := func(cmd string) bool { return cmd == "a" || strings.HasPrefix(cmd, "x") }
	for i := from - 1; i >= 0 && onShown(rest[0]); i-- {
		if cmd := c.script[i]; isUpdate(cmd) {
			rest = append([]string{"u"}, rest...)
		} else if !onShown(cmd) {
			break
		}
	}
	if !strings.Contains(strings.Join(lines[:k], ""), journal.TypeVarSet) {
		rest = append(slices.Clone(c.vars), rest...)
	}
	cmd := exec.Command(crisisBin(t), "-m", repoRoot(t), "run", "--resume", id, "--answers", "-")
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(strings.Join(rest, "\n") + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("cut after event %d: resume with %q: %v\n%s", k, rest, err, out)
	}
	return journalOf(t, state)
}
