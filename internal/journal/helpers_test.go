package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// stepClock returns a clock that starts at a fixed instant and advances a
// second per call, so tests are deterministic.
func stepClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 3, 14, 9, 30, 0, 123456789, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

func berlin(t testing.TB) *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}

// newJournalFile writes a journal of n events and returns its path and
// bytes. Payloads vary so lines differ in length and content.
func newJournalFile(t testing.TB, n int) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, _, err := Create(path, stepClock(), berlin(t), TypeRunStarted, map[string]string{"playbook": "x"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= n; i++ {
		var data any
		switch i % 3 {
		case 0:
			data = map[string]any{"step": i, "title": "Tell customers & partners <now>"}
		case 1:
			data = map[string]string{"name": "incident", "value": "Facebook ist down — ümlaut"}
		}
		if _, err := j.Append(TypeNote, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, b
}

// lineStarts returns the byte offset where each line starts.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' && i+1 < len(b) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// checkChain fails unless events are a valid chain with seq 1..len.
func checkChain(t testing.TB, events []Event) {
	t.Helper()
	prev := ""
	for i, e := range events {
		if e.Seq != i+1 || e.Prev != prev || ComputeHash(e) != e.Hash {
			t.Fatalf("event %d invalid: %+v", i+1, e)
		}
		prev = e.Hash
	}
}

// verifyBytes verifies a journal held in memory, keeping its events.
func verifyBytes(path string, b []byte) ([]Event, int64, Damage) {
	var events []Event
	_, _, end, d, err := verify(path, bytes.NewReader(b), head{}, func(e Event) error { events = append(events, e); return nil })
	if err != nil {
		panic(err)
	}
	return events, end, d
}
