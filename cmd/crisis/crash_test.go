package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// promptRE matches the flow's prompts: a step's and an update's.
var promptRE = regexp.MustCompile(`(\? help|\]) > `)

// script is a whole run of facebook-down, one command per line.
var script = []string{"d", "a", "x", "d", "n first note", "u", "a", "x all", "d", "a", "x", "d"}

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

func eventTypes(t *testing.T, state string) []string {
	t.Helper()
	runs, err := runbook.List(filepath.Join(state, "crisis", "runs"))
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs: %v %v", runs, err)
	}
	events, dmg, err := journal.Read(filepath.Join(runs[0].Dir, runbook.JournalFile))
	if err != nil || !dmg.Intact() {
		t.Fatalf("journal: %v %v", err, dmg)
	}
	var types []string
	for _, e := range events {
		if e.Type != journal.TypeRunResumed && e.Type != journal.TypeRunPaused {
			types = append(types, e.Type)
		}
	}
	return types
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
	return eventTypes(t, state)
}

func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs crisis many times")
	}
	want := runWithKills(t, nil)
	for _, kills := range [][]int{{1}, {3}, {4, 8}, {1, 2, 5, 9, 11}} {
		t.Run(fmt.Sprint(kills), func(t *testing.T) {
			got := runWithKills(t, kills)
			if !slices.Equal(got, want) {
				t.Errorf("journal after kills %v:\n got %v\nwant %v", kills, got, want)
			}
		})
	}
}
