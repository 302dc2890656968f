package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCreateAppendRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	clock := func() time.Time { return time.Date(2026, 1, 2, 23, 30, 0, 5, time.UTC) }
	j, e1, err := Create(path, clock, berlin(t), TypeRunStarted, map[string]string{"playbook": "facebook-down"})
	if err != nil {
		t.Fatal(err)
	}
	e2, err := j.Append(TypeNote, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e1.Seq != 1 || e1.Prev != "" || e2.Seq != 2 || e2.Prev != e1.Hash {
		t.Fatalf("bad chain: %+v %+v", e1, e2)
	}
	if !e1.UTC.Equal(clock()) || e1.Local != "2026-01-03T00:30:00+01:00" {
		t.Fatalf("times from the injected clock: utc %v local %q", e1.UTC, e1.Local)
	}
	if e2.Data != nil {
		t.Fatalf("nil data should be omitted, got %s", e2.Data)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	events, d, err := Read(path)
	if err != nil || !d.Intact() || len(events) != 2 {
		t.Fatalf("Read: %d events, %v, %v", len(events), d, err)
	}
	if events[0].Hash != e1.Hash || !bytes.Equal(events[0].Data, e1.Data) {
		t.Fatalf("read back %+v, want %+v", events[0], e1)
	}
	if _, err := j.Append(TypeNote, nil); !errors.Is(err, fs.ErrClosed) {
		t.Fatalf("append after close: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestCreateFailsIfExists(t *testing.T) {
	path, before := newJournalFile(t, 2)
	if _, _, err := Create(path, nil, nil, TypeRunStarted, nil); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Create on existing journal: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("Create changed an existing journal")
	}
}

func TestAppendRejects(t *testing.T) {
	j, _, err := Create(filepath.Join(t.TempDir(), "j.jsonl"), nil, nil, TypeRunStarted, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if _, err := j.Append("", nil); err == nil {
		t.Error("empty type accepted")
	}
	if _, err := j.Append(TypeNote, func() {}); err == nil || !strings.Contains(err.Error(), "j.jsonl") {
		t.Errorf("unmarshalable data: %v", err)
	}
	if j.Len() != 1 {
		t.Error("failed appends left events behind")
	}
}

// TestOpenAfterTruncation cuts the last line at every offset, reopens,
// appends, and checks the file is one valid chain with every event once.
func TestOpenAfterTruncation(t *testing.T) {
	_, good := newJournalFile(t, 4)
	starts := lineStarts(good)
	last := starts[len(starts)-1]
	for cut := last; cut <= len(good); cut++ {
		path := filepath.Join(t.TempDir(), "j.jsonl")
		if err := os.WriteFile(path, good[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		j, d, err := Open(path, stepClock(), nil)
		if err != nil {
			t.Fatalf("cut %d: %v", cut, err)
		}
		wantKept := 3
		switch {
		case cut == last:
			if !d.Intact() {
				t.Fatalf("cut at line boundary: %v", d)
			}
		case cut == len(good):
			wantKept = 4
		default:
			if d.Kind != DamageTruncated || d.Line != 4 || d.MovedTo != "" {
				t.Fatalf("cut %d: damage %+v", cut, d)
			}
		}
		if got := j.Len(); got != wantKept {
			t.Fatalf("cut %d: kept %d, want %d", cut, got, wantKept)
		}
		for i := 0; i < 2; i++ {
			if _, err := j.Append(TypeStepDone, map[string]int{"after_cut": cut}); err != nil {
				t.Fatal(err)
			}
		}
		j.Close()
		events, d, err := Read(path)
		if err != nil || !d.Intact() {
			t.Fatalf("cut %d: after repair and append: %v %v", cut, d, err)
		}
		checkChain(t, events)
		if len(events) != wantKept+2 {
			t.Fatalf("cut %d: %d events, want %d", cut, len(events), wantKept+2)
		}
		b, _ := os.ReadFile(path)
		if !bytes.HasPrefix(b, good[:starts[wantKept-1]]) {
			t.Fatalf("cut %d: kept events were rewritten", cut)
		}
	}
}

func TestOpenMovesDamagedAside(t *testing.T) {
	path, good := newJournalFile(t, 5)
	starts := lineStarts(good)
	bad := bytes.Clone(good)
	bad[starts[2]+len(`{"seq":3,"type":"`)] ^= 0x01 // edit line 3's type
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	j, d, err := Open(path, stepClock(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != DamageBadHash || d.Line != 3 || d.Dropped != 3 || d.MovedTo == "" {
		t.Fatalf("damage %+v", d)
	}
	if !strings.HasPrefix(d.MovedTo, path+".damaged-") {
		t.Fatalf("moved to %q", d.MovedTo)
	}
	kept, _ := os.ReadFile(d.MovedTo)
	if !bytes.Equal(kept, bad) {
		t.Fatal("set-aside copy differs from the original")
	}
	if _, err := j.Append(TypeRunResumed, nil); err != nil {
		t.Fatal(err)
	}
	j.Close()
	events, d2, _ := Read(path)
	if !d2.Intact() || len(events) != 3 {
		t.Fatalf("after repair: %d events, %v", len(events), d2)
	}
	checkChain(t, events)

	// A second repair of the same kind must not overwrite the first copy.
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	j, d3, err := Open(path, stepClock(), nil)
	if err != nil {
		t.Fatal(err)
	}
	j.Close()
	if d3.MovedTo == d.MovedTo {
		t.Fatalf("second repair reused %s", d.MovedTo)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 4 {
		t.Fatalf("want journal, its head record and two copies, no temp files; got %v", entries)
	}
}

func TestOpenRefusesNonJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.md")
	content := []byte("# Facebook down\n\nCall the CEO.\n")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	_, d, err := Open(path, nil, nil)
	if !errors.Is(err, ErrNotJournal) || d.Kind != DamageNotJournal {
		t.Fatalf("Open: %v, %+v", err, d)
	}
	if !strings.Contains(err.Error(), path+":1") {
		t.Errorf("error %q does not name path:line", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, content) {
		t.Fatal("Open changed a file that is not a journal")
	}
}

func TestOpenMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.jsonl")
	if _, _, err := Open(path, nil, nil); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open missing: %v", err)
	}
}

func TestOpenEmptyJournal(t *testing.T) {
	// Create never leaves an empty journal, but a crash in Create did
	// before it wrote the first event with the file.
	path := filepath.Join(t.TempDir(), "j.jsonl")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	j, d, err := Open(path, nil, nil)
	if err != nil || !d.Intact() {
		t.Fatal(d, err)
	}
	defer j.Close()
	if e, err := j.Append(TypeRunStarted, json.RawMessage(`{"a": 1}`)); err != nil || e.Seq != 1 || string(e.Data) != `{"a":1}` {
		t.Fatalf("%+v %v", e, err)
	}
}

// TestEncodeRoundTrip: whatever strings and payloads go in, the line is
// valid JSON that decodes to the same event and re-encodes to the same
// bytes, so verify accepts it.
func TestEncodeRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.jsonl")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	j, _, err := Open(path, stepClock(), time.FixedZone("", -(3*3600+30*60)))
	if err != nil {
		t.Fatal(err)
	}
	odd := []string{"plain", `quote " backslash \ slash /`, "tab\tnl\ncr\r", "ctl \x00\x01\x1f\x7f", "<html> & 'amp'",
		"line sep \u2028 para \u2029", "emoji 🚨 and ümlaut", "bad utf8 \xff\xfe"}
	var want []Event
	for _, s := range odd {
		e, err := j.Append("note."+s[:2], map[string]string{"text": s, s: "key"})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, e)
	}
	if _, err := j.Append("bad \xff", nil); err == nil {
		t.Error("type with invalid UTF-8 accepted")
	}
	j.Close()
	got, d, err := Read(path)
	if err != nil || !d.Intact() || len(got) != len(want) {
		t.Fatalf("read back %d of %d: %v %v", len(got), len(want), d, err)
	}
	for i := range got {
		if got[i].Hash != want[i].Hash || got[i].Type != want[i].Type || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Fatalf("event %d: got %+v, want %+v", i+1, got[i], want[i])
		}
		var v map[string]string
		if err := json.Unmarshal(got[i].Data, &v); err != nil || v["text"] != string([]rune(odd[i])) {
			t.Fatalf("event %d data %s: %v", i+1, got[i].Data, err)
		}
	}
	b, _ := os.ReadFile(path)
	if !bytes.Contains(b, []byte("<html> & 'amp'")) {
		t.Error("payload text is HTML-escaped; journals are read by people")
	}
}

// TestHeadAnchorsTheEnd: a journal cut at a line boundary is a valid
// chain; its head record shows the events that are missing. Opening it
// keeps what is there and anchors the head again.
func TestHeadAnchorsTheEnd(t *testing.T) {
	path, good := newJournalFile(t, 5)
	starts := lineStarts(good)
	if err := os.WriteFile(path, good[:starts[3]], 0o600); err != nil {
		t.Fatal(err)
	}
	events, d, err := Read(path)
	if err != nil || len(events) != 3 || d.Kind != DamageMissing || d.Line != 4 || d.Dropped != 2 {
		t.Fatalf("read a journal cut after 3 of 5 events: %d events, %+v, %v", len(events), d, err)
	}
	j, d, err := Open(path, stepClock(), nil)
	if err != nil || d.Kind != DamageMissing {
		t.Fatalf("open: %v %v", d, err)
	}
	if e, err := j.Append(TypeNote, nil); err != nil || e.Seq != 4 {
		t.Fatalf("append after the cut: %+v %v", e, err)
	}
	j.Close()
	if events, d, err := Read(path); err != nil || !d.Intact() || len(events) != 4 {
		t.Fatalf("after append: %d events, %v, %v", len(events), d, err)
	}
}

// TestHeadBehindIsNoDamage: the head is rewritten after the event is
// synced, and not synced itself, so a crash or a power loss can leave it
// behind: that is no damage. A head naming another event than the one at
// its seq means the journal was rewritten.
func TestHeadBehindIsNoDamage(t *testing.T) {
	path, _ := newJournalFile(t, 5)
	events, _, _ := Read(path)
	for _, seq := range []int{4, 2} {
		if err := resetHead(path, head{Seq: seq, Hash: events[seq-1].Hash}); err != nil {
			t.Fatal(err)
		}
		if _, d, err := Read(path); err != nil || !d.Intact() {
			t.Fatalf("head at %d of 5: %v %v", seq, d, err)
		}
	}
	if err := resetHead(path, head{Seq: 3, Hash: events[1].Hash}); err != nil {
		t.Fatal(err)
	}
	got, d, err := Read(path)
	if err != nil || len(got) != 2 || d.Kind != DamageBrokenChain || d.Line != 3 || d.Dropped != 3 {
		t.Fatalf("head naming another event: %d events, %+v, %v", len(got), d, err)
	}
}
