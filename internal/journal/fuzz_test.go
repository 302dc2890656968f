package journal

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzRead: arbitrary bytes never panic, and whatever Read keeps is a
// valid chain that ends on a line boundary.
func FuzzRead(f *testing.F) {
	_, good := newJournalFile(f, 4)
	f.Add(good)
	f.Add(good[:len(good)-17]) // truncated mid-line
	f.Add([]byte{})
	f.Add([]byte("{\"seq\":1}\n"))
	f.Add([]byte(`{"seq":1,"type":"a","utc":"2026-01-01T00:00:00Z","local":"x","data":{"k":",\"prev\":\"\"},"prev":"","hash":""}` + "\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		events, n, d := verifyBytes("fuzz", b)
		checkChain(t, events)
		if n > int64(len(b)) || (n > 0 && b[n-1] != '\n') {
			t.Fatalf("valid prefix ends at %d of %d", n, len(b))
		}
		if d.Intact() != (n == int64(len(b))) {
			t.Fatalf("intact=%v but prefix %d of %d", d.Intact(), n, len(b))
		}
		// The fast decoder must agree with encoding/json on every line
		// it accepts and that passes the canonical check.
		for line := range bytes.SplitSeq(b, []byte("\n")) {
			fast, ok := parseFast(line)
			if !ok || !bytes.Equal(bytes.TrimSuffix(encodeLine(fast), []byte("\n")), line) {
				continue
			}
			var slow Event
			if err := json.Unmarshal(line, &slow); err != nil {
				t.Fatalf("fast path accepted %q, encoding/json says %v", line, err)
			}
			if fast.Seq != slow.Seq || fast.Type != slow.Type || !fast.UTC.Equal(slow.UTC) || fast.Local != slow.Local ||
				!bytes.Equal(fast.Data, slow.Data) || fast.Prev != slow.Prev || fast.Hash != slow.Hash {
				t.Fatalf("fast %+v != slow %+v for %q", fast, slow, line)
			}
		}
	})
}
