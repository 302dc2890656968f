package journal

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadIntact(t *testing.T) {
	path, _ := newJournalFile(t, 5)
	events, d, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Intact() || len(events) != 5 {
		t.Fatalf("got %d events, damage %v", len(events), d)
	}
	checkChain(t, events)
}

func TestDamage(t *testing.T) {
	_, good := newJournalFile(t, 5)
	starts := lineStarts(good)
	line := func(n int) []byte { // 1-based, with newline
		end := len(good)
		if n < len(starts) {
			end = starts[n]
		}
		return good[starts[n-1]:end]
	}
	join := func(ns ...int) []byte {
		var b []byte
		for _, n := range ns {
			b = append(b, line(n)...)
		}
		return b
	}
	type tc struct {
		name    string
		content []byte
		kind    DamageKind
		line    int // damaged line; kept events = line-1
		dropped int
	}
	cases := []tc{
		{"intact", good, "", 0, 0},
		{"empty file", nil, "", 0, 0},
		{"delete middle line", join(1, 2, 4, 5), DamageSeqGap, 3, 2},
		{"delete first line", join(2, 3, 4, 5), DamageSeqGap, 1, 4},
		{"reorder lines", join(1, 3, 2, 4, 5), DamageSeqGap, 2, 4},
		{"duplicate line", join(1, 2, 2, 3, 4, 5), DamageSeqGap, 3, 4},
		{"blank line", append(join(1, 2), append([]byte("\n"), join(3, 4, 5)...)...), DamageBadJSON, 3, 4},
		{"garbage last line", append(join(1, 2), "oops"...), DamageBadJSON, 3, 1},
		{"unknown field", bytes.Replace(good, []byte(`{"seq":2,`), []byte(`{"seq":2,"x":1,`), 1), DamageBadJSON, 2, 4},
		{"trailing data", bytes.Replace(good, line(2), append(bytes.Clone(bytes.TrimSuffix(line(2), []byte("\n"))), " {}\n"...), 1), DamageBadJSON, 2, 4},
		{"empty object", append(join(1), append([]byte("{}\n"), join(3)...)...), DamageBadJSON, 2, 2},
		{"not a journal", []byte("# Runbook\n\nCall the CEO.\n"), DamageNotJournal, 1, 3},
		{"not a journal, other json", []byte(`{"name":"facebook-down"}` + "\n"), DamageNotJournal, 1, 1},
		{"not a journal, no newline", []byte("hello"), DamageNotJournal, 1, 1},
		{"not a journal, empty object", []byte("{}\n"), DamageNotJournal, 1, 1},
		{"binary", []byte{0, 1, 2, 0xff, '\n'}, DamageNotJournal, 1, 1},
	}
	// A naive editor changes line 3's data and recomputes its hash: line
	// 3 now verifies on its own, but line 4's prev no longer matches.
	{
		events, _, _ := verifyBytes("x", good)
		e := events[2]
		e.Data = []byte(`{"step":3,"title":"nothing happened"}`)
		e.Hash = ComputeHash(e)
		l := encodeLine(e)
		cases = append(cases, tc{"edited and rehashed", append(append(join(1, 2), l...), join(4, 5)...), DamageBrokenChain, 4, 2})
		e = events[2]
		e.Data = []byte(`{"step":3,"title":"nothing happened"}`)
		l = encodeLine(e)
		cases = append(cases, tc{"edited data", append(append(join(1, 2), l...), join(4, 5)...), DamageBadHash, 3, 3})
	}
	// Truncation at every byte offset of the last line: a crash mid-write.
	last := starts[len(starts)-1]
	for cut := last + 1; cut < len(good); cut++ {
		cases = append(cases, tc{fmt.Sprintf("truncated at %d", cut), good[:cut], DamageTruncated, 5, 1})
	}
	cases = append(cases, tc{"truncated at line boundary", good[:last], "", 0, 0})

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "j.jsonl")
			if err := os.WriteFile(path, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			events, d, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != c.kind || d.Line != c.line || d.Dropped != c.dropped {
				t.Fatalf("damage = %+v, want kind %q line %d dropped %d", d, c.kind, c.line, c.dropped)
			}
			want := c.line - 1
			if c.kind == "" {
				want = bytes.Count(c.content, []byte("\n"))
			}
			if len(events) != want {
				t.Fatalf("kept %d events, want %d", len(events), want)
			}
			checkChain(t, events)
			if c.kind != "" && !strings.Contains(d.String(), fmt.Sprintf("%s:%d: ", path, c.line)) {
				t.Errorf("damage string %q does not name path:line", d.String())
			}
		})
	}
}

// TestFlipEveryByte flips each byte of a middle line in turn: every flip
// must be caught at that line (or at the next, when it hits the newline),
// and the prefix before it kept.
func TestFlipEveryByte(t *testing.T) {
	_, good := newJournalFile(t, 5)
	starts := lineStarts(good)
	from, to := starts[2], starts[3] // line 3
	for i := from; i < to; i++ {
		for _, mask := range []byte{0x01, 0x20, 0x80} {
			b := bytes.Clone(good)
			b[i] ^= mask
			events, _, d := verifyBytes("x", b)
			if d.Intact() {
				t.Fatalf("flip %#x at byte %d (%q) not detected", mask, i-from, good[i])
			}
			if d.Line != 3 && !(good[i] == '\n' && d.Line == 3+1) {
				t.Fatalf("flip %#x at byte %d (%q): damage at line %d (%s), want 3", mask, i-from, good[i], d.Line, d.Reason)
			}
			if len(events) < 2 {
				t.Fatalf("flip at byte %d: kept %d events, want the 2 before it", i-from, len(events))
			}
		}
	}
}

// TestDamageInLongJournal damages a journal of 4,000 events far apart, so
// that the line read and the line whose hash is checked are many lines
// apart: the first damage in the file must be the one reported, with every
// line from it on dropped, whichever check finds it.
func TestDamageInLongJournal(t *testing.T) {
	const n = 4000
	_, good := newJournalFile(t, n)
	lines := bytes.SplitAfter(good, []byte("\n"))[:n]
	// editData changes line no's payload without re-hashing it.
	editData := func(ls [][]byte, no int) {
		ls[no-1] = bytes.Replace(ls[no-1], []byte(`"name":"incident"`), []byte(`"name":"incidenT"`), 1)
		if bytes.Equal(ls[no-1], lines[no-1]) {
			t.Fatalf("line %d has no payload to edit", no)
		}
	}
	cases := []struct {
		name          string
		damage        func([][]byte) [][]byte
		kind          DamageKind
		line, dropped int
	}{
		{"hash mismatch late", func(ls [][]byte) [][]byte { editData(ls, 700); return ls }, DamageBadHash, 700, 3301},
		{"line deleted late", func(ls [][]byte) [][]byte { return slices.Delete(ls, 3899, 3900) }, DamageSeqGap, 3900, 100},
		{"hash mismatch before a deleted line", func(ls [][]byte) [][]byte {
			editData(ls, 10)
			return slices.Delete(ls, 3899, 3900)
		}, DamageBadHash, 10, 3990},
		{"hash mismatch before a torn last line", func(ls [][]byte) [][]byte {
			editData(ls, 598)
			return append(ls, []byte(`{"seq":4001,"ty`))
		}, DamageBadHash, 598, 3404},
		{"torn last line", func(ls [][]byte) [][]byte { return append(ls, []byte(`{"seq":4001,"ty`)) }, DamageTruncated, 4001, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ls := make([][]byte, n)
			for i := range lines {
				ls[i] = bytes.Clone(lines[i])
			}
			events, end, d := verifyBytes("x", bytes.Join(c.damage(ls), nil))
			if d.Kind != c.kind || d.Line != c.line || d.Dropped != c.dropped {
				t.Fatalf("damage = %+v, want kind %q line %d dropped %d", d, c.kind, c.line, c.dropped)
			}
			if len(events) != c.line-1 || end != int64(len(bytes.Join(lines[:c.line-1], nil))) {
				t.Fatalf("kept %d events ending at byte %d, want %d", len(events), end, c.line-1)
			}
			checkChain(t, events)
		})
	}
}

// TestEachErrorStopsLongJournal: each's error ends the read at that event,
// in a journal longer than what is read ahead.
func TestEachErrorStopsLongJournal(t *testing.T) {
	_, good := newJournalFile(t, 1000)
	stop := errors.New("stop")
	var seen int
	_, _, _, _, err := verify("x", bytes.NewReader(good), head{}, func(e Event) error {
		seen++
		if e.Seq == 600 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 600 {
		t.Fatalf("err %v after %d events, want stop after 600", err, seen)
	}
}
