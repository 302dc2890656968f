package dispatch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// journal stands in for the run's journal: intents before each batch,
// acknowledgements after, and a crash that loses every write after it.
type journal struct {
	mu        sync.Mutex
	crashed   bool
	crashAt   int // acknowledgements written before the crash
	intents   map[int][2]int
	acked     map[int]bool
	delivered map[string]bool
	settled   int
}

func newJournal(crashAt int) *journal {
	return &journal{crashAt: crashAt, intents: map[int][2]int{}, acked: map[int]bool{}, delivered: map[string]bool{}}
}

func (j *journal) intent(b Batch) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.crashed {
		return errors.New("journal lost")
	}
	j.intents[b.Seq] = [2]int{b.FirstLine, b.LastLine}
	return nil
}

func (j *journal) ack(b Batch) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.crashed || len(j.acked) == j.crashAt {
		j.crashed = true
		return errors.New("journal lost")
	}
	j.acked[b.Seq] = true
	for _, d := range b.Delivered {
		j.delivered[d.Recipient] = true
	}
	j.settled = b.Settled
	return nil
}

// resume is what the run would pass after reading the journal back: the
// settled prefix, everyone delivered after it, and the lines of batches
// with an intent and no acknowledgement, in doubt, not resent.
func (j *journal) resume() (Resume, func(int) bool) {
	doubt := func(line int) bool {
		for seq, r := range j.intents {
			if !j.acked[seq] && line >= r[0] && line <= r[1] {
				return true
			}
		}
		return false
	}
	return Resume{SkipFirst: j.settled, Done: func(line int, addr string) bool { return j.delivered[addr] || doubt(line) }}, doubt
}

func TestSMTPCrashMidSendResumesWithoutSendingTwice(t *testing.T) {
	srv := startSMTP(t, func(s *smtpServer) { s.discard = true })
	var b strings.Builder
	b.WriteString("email\n")
	const n = 250
	for i := range n {
		fmt.Fprintf(&b, "r%03d@example.com\n", i)
	}
	cfg, env := srv.config(writeList(t, b.String()))
	cfg.Parallel, cfg.Batch = 3, 20
	target, err := Open(cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	j := newJournal(4)
	out, err := target.Send(context.Background(), Request{Announcement: holding(), BeforeBatch: j.intent, OnBatch: j.ack})
	if err == nil || out.Delivered == n {
		t.Fatalf("the send went on after the journal was lost: %d delivered, err %v", out.Delivered, err)
	}
	sentFirst := map[string]bool{}
	for i := range n {
		addr := fmt.Sprintf("r%03d@example.com", i)
		sentFirst[addr] = srv.received(addr) == 1
	}

	resume, doubt := j.resume()
	out2, err := target.Send(context.Background(), Request{Announcement: holding(), Resume: resume, OnBatch: func(Batch) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	// Nobody receives the message twice. Rows of batches that went out
	// without an acknowledgement are in doubt: not resent, for a person to
	// resolve; every other row gets the message exactly once.
	inDoubt, resent := 0, 0
	for i := range n {
		addr := fmt.Sprintf("r%03d@example.com", i)
		got := srv.received(addr)
		switch {
		case doubt(i + 2):
			inDoubt++
			if got > 1 {
				t.Errorf("%s (in doubt) received %d messages", addr, got)
			}
		case got != 1:
			t.Errorf("%s received %d messages, want exactly 1", addr, got)
		case !sentFirst[addr]:
			resent++
		}
	}
	if inDoubt == 0 || out2.Delivered != resent || out2.Settled != n || out2.AlreadyDone != n-resent {
		t.Errorf("in doubt %d, resume delivered %d (want %d), settled %d (want %d), already done %d (want %d)",
			inDoubt, out2.Delivered, resent, out2.Settled, n, out2.AlreadyDone, n-resent)
	}
}

func TestWatermarkMovesOnlyThroughCompleteBatchesInOrder(t *testing.T) {
	w := newWatermark(10)
	steps := []struct {
		seq, end int
		complete bool
		want     int
	}{
		{1, 30, true, 10},  // batch 0 not back yet
		{0, 20, true, 30},  // 0 and 1 settle
		{3, 50, true, 30},  // 2 missing
		{2, 40, false, 30}, // 2 incomplete: the prefix stops for good
		{4, 60, true, 30},
	}
	for _, s := range steps {
		if got := w.done(s.seq, s.end, s.complete); got != s.want {
			t.Errorf("after batch %d: settled %d, want %d", s.seq, got, s.want)
		}
	}
}
