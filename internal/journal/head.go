package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
)

// The head record anchors the chain outside the journal: "<journal>.head"
// names the last event written, and is rewritten after each append. The
// chain alone cannot show that its last lines were deleted, or that the
// file was cut at a line boundary; the head can.
//
// The file holds two slots of slotSize bytes, each a line
// {"seq":N,"hash":"...","sum":"..."} padded with spaces, sum being the
// CRC-32 of "N:hash". Event N goes to slot N%2, so a rewrite overwrites the
// older slot in place and never the newer: a write torn by a crash leaves a
// slot whose sum is wrong, and the other slot, one event behind, stands.
// The head is the valid slot with the highest seq. Rewriting in place,
// without a rename, keeps an append's cost to the journal's own fsync.
//
// The head may lag behind the journal, never run ahead of it: it is
// rewritten after the event is synced, so a crash in between leaves it one
// event behind. It is not synced itself (that would double the cost of an
// append), so after a power loss it may lag further; that only weakens the
// check. A journal without a head (written before heads existed) is not
// anchored.
type head struct {
	Seq  int    `json:"seq"`
	Hash string `json:"hash"`
	Sum  string `json:"sum"`
}

const slotSize = 128

// Damage kinds the head record finds.
const (
	// DamageMissing: every line is valid but the head names events the
	// journal no longer has: its end was cut off or deleted.
	DamageMissing DamageKind = "missing events"
	// DamageBadHead: the head record itself cannot be read.
	DamageBadHead DamageKind = "bad head record"
)

// HeadPath is where the head record of the journal at path is kept.
func HeadPath(path string) string { return path + ".head" }

func headSum(seq int, hash string) string {
	return fmt.Sprintf("%08x", crc32.ChecksumIEEE(fmt.Appendf(nil, "%d:%s", seq, hash)))
}

// slot renders h as its slot's bytes.
func (h head) slot() []byte {
	h.Sum = headSum(h.Seq, h.Hash)
	b, _ := json.Marshal(h)
	line := bytes.Repeat([]byte(" "), slotSize)
	copy(line, b)
	line[slotSize-1] = '\n'
	return line
}

// openHead opens (creating) the head record of the journal at path for
// rewriting.
func openHead(path string) (*os.File, error) {
	f, err := os.OpenFile(HeadPath(path), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open head record: %w", err)
	}
	return f, nil
}

// writeSlot rewrites the slot of h's seq, unsynced.
func writeSlot(f *os.File, h head) error {
	if _, err := f.WriteAt(h.slot(), int64(h.Seq%2)*slotSize); err != nil {
		return fmt.Errorf("write head record: %w", err)
	}
	return nil
}

// resetHead makes h the only head of the journal at path, synced: after a
// repair the journal's new end must not be undone by a crash, and a slot
// naming the lost events must not stand.
func resetHead(path string, h head) error {
	f, err := openHead(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Truncate(0); err != nil {
		return fmt.Errorf("write head record: %w", err)
	}
	if err := writeSlot(f, h); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write head record: %w", err)
	}
	return nil
}

// readHead reads the head record of the journal at path; the zero head
// when there is none. Damage says when it cannot be read.
func readHead(path string) (head, Damage) {
	hp := HeadPath(path)
	f, _, err := openRegular(hp, 2*slotSize)
	if errors.Is(err, fs.ErrNotExist) {
		return head{}, Damage{}
	}
	bad := func(why string) (head, Damage) {
		return head{}, Damage{Path: hp, Line: 1, Kind: DamageBadHead,
			Reason: "the head record, which anchors the end of " + path + ", " + why + "; the journal's end cannot be checked"}
	}
	if err != nil {
		return bad("cannot be read: " + err.Error())
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return bad("cannot be read: " + err.Error())
	}
	if len(b) == 0 {
		return head{}, Damage{} // a crash right after the journal was created
	}
	var best head
	for i := 0; i < len(b); i += slotSize {
		var h head
		if json.Unmarshal(bytes.TrimRight(b[i:min(i+slotSize, len(b))], " \n\x00"), &h) == nil &&
			h.Seq > best.Seq && h.Sum == headSum(h.Seq, h.Hash) {
			best = h
		}
	}
	if best.Seq == 0 {
		return bad("holds no valid slot")
	}
	return best, Damage{}
}

// past checks a valid event against the head, before it is kept: the
// event the head names must be the one that was written.
func (h head) past(path string, e Event) (DamageKind, string) {
	if h.Seq > 0 && e.Seq == h.Seq && e.Hash != h.Hash {
		return DamageBrokenChain, fmt.Sprintf("event %d is not the one the head record (%s) names: the journal was rewritten from there or earlier",
			h.Seq, HeadPath(path))
	}
	return "", ""
}

// end checks the head against an intact journal of n events.
func (h head) end(path string, n int) Damage {
	if h.Seq <= n {
		return Damage{}
	}
	return Damage{Path: path, Line: n + 1, Kind: DamageMissing, Dropped: h.Seq - n,
		Reason: fmt.Sprintf("the journal ends at event %d, but its head record (%s) says %d were written: its last %d lines were cut off or deleted",
			n, HeadPath(path), h.Seq, h.Seq-n)}
}
