package journal

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// crashChildEnv makes the test binary act as a run that appends forever.
const crashChildEnv = "CRISIS_JOURNAL_CRASH_CHILD"

// TestCrashChild is the child side of TestKillDuringAppend; it does
// nothing in a normal test run. It opens (or creates) the journal, then
// appends events and prints "synced <seq>" after each Append returns.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("child process only")
	}
	j, _, err := Open(path, nil, time.UTC)
	if errors.Is(err, fs.ErrNotExist) {
		j, _, err = Create(path, nil, time.UTC, TypeStepDone, map[string]any{"n": 1})
		fmt.Println("synced 1")
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	for {
		seq := j.Len() + 1
		e, err := j.Append(TypeStepDone, map[string]any{"n": seq, "pad": "Statement for press & partners: we are aware of the outage."})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Fprintf(out, "synced %d\n", e.Seq)
		out.Flush() // unbuffered per line: the parent must see every ack
	}
}

// TestKillDuringAppend runs a child that appends in a loop and SIGKILLs it
// at several points, resuming the same journal each time. Every event the
// child reported as synced must be in the journal exactly once, and the
// file must always reopen as a valid chain.
func TestKillDuringAppend(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	acked := map[int]bool{}
	// Kill after a number of acks, or after a delay, which lands at
	// arbitrary points inside Append.
	plans := []struct {
		acks  int
		delay time.Duration
	}{{1, 0}, {7, 0}, {40, 0}, {0, 3 * time.Millisecond}, {0, 11 * time.Millisecond}, {0, 29 * time.Millisecond}, {150, 0}, {0, 50 * time.Millisecond}}
	for round, p := range plans {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		var timer <-chan time.Time
		if p.delay > 0 {
			timer = time.After(p.delay)
		}
		n := 0
		killed := false
		for !killed {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("round %d: child exited early", round)
				}
				record(t, acked, l)
				n++
				if p.acks > 0 && n >= p.acks {
					cmd.Process.Signal(syscall.SIGKILL)
					killed = true
				}
			case <-timer:
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
		for l := range lines { // acks already in the pipe when it died
			record(t, acked, l)
		}
		cmd.Wait()

		events, d, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if !d.Intact() && d.Kind != DamageTruncated {
			t.Fatalf("round %d: damage other than a torn write: %v", round, d)
		}
		checkChain(t, events)
		seen := map[int]int{}
		for _, e := range events {
			var data struct{ N int }
			if err := json.Unmarshal(e.Data, &data); err != nil || data.N != e.Seq {
				t.Fatalf("round %d: event %d carries n=%d", round, e.Seq, data.N)
			}
			seen[data.N]++
		}
		for seq := range acked {
			if seen[seq] != 1 {
				t.Fatalf("round %d: acked event %d present %d times", round, seq, seen[seq])
			}
		}
		t.Logf("round %d: %d events on disk, %d acked, damage: %v", round, len(events), len(acked), d.Kind)

		// kill -9 cannot split a single write(2) on a local disk, so also
		// leave a torn line as power loss might: the next child must cut
		// it off before appending.
		if round%2 == 1 && d.Intact() {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(f, `{"seq":%d,"type":"step.do`, len(events)+1)
			f.Close()
			if _, d, _ := Read(path); d.Kind != DamageTruncated {
				t.Fatalf("round %d: torn line not seen: %v", round, d)
			}
		}
	}
}

func record(t *testing.T, acked map[int]bool, line string) {
	t.Helper()
	var seq int
	if _, err := fmt.Sscanf(line, "synced %d", &seq); err != nil {
		t.Fatalf("child said %q", line)
	}
	if acked[seq] {
		t.Fatalf("seq %d acked twice: an event was doubled", seq)
	}
	acked[seq] = true
}
