package journal

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// DamageKind classifies what is wrong with a journal.
type DamageKind string

// Damage kinds, from most to least benign.
const (
	// DamageTruncated: the last line has no newline. Append writes a line
	// and its newline in one write, so this is a crash mid-write; the event
	// was never acknowledged and is dropped.
	DamageTruncated DamageKind = "truncated last line"
	// DamageBadJSON: a complete line that is not a journal event.
	DamageBadJSON DamageKind = "bad json"
	// DamageSeqGap: seq is not the line's position (deleted, duplicated or
	// reordered lines).
	DamageSeqGap DamageKind = "seq gap"
	// DamageBrokenChain: prev does not name the previous line's hash (the
	// previous line was edited and re-hashed, or lines were spliced).
	DamageBrokenChain DamageKind = "broken chain"
	// DamageBadHash: the line's content does not match its hash (edited).
	DamageBadHash DamageKind = "hash mismatch"
	// DamageNotJournal: the first line is not a journal event at all; the
	// file is probably not a journal.
	DamageNotJournal DamageKind = "not a journal"
)

// Damage describes the first problem found in a journal. The zero value
// means the file is intact. Everything before Line is a valid chain and is
// kept; Line and everything after it is not trusted.
type Damage struct {
	Path    string     // the journal file
	Line    int        // 1-based line of the first bad entry; 0 when intact
	Kind    DamageKind // what is wrong, for programs
	Reason  string     // what is wrong, for people
	Dropped int        // lines (complete or partial) not kept, from Line on
	// MovedTo names the copy of the original file that Open set aside
	// before rewriting the valid prefix; "" when nothing was moved.
	MovedTo string
}

// Intact reports whether no damage was found.
func (d Damage) Intact() bool { return d.Kind == "" }

// String renders the damage as "path:line: reason (n lines dropped)".
func (d Damage) String() string {
	if d.Intact() {
		return d.Path + ": intact"
	}
	s := fmt.Sprintf("%s:%d: %s", d.Path, d.Line, d.Reason)
	if d.Dropped == 1 {
		s += " (1 line dropped)"
	} else {
		s += fmt.Sprintf(" (%d lines dropped)", d.Dropped)
	}
	if d.MovedTo != "" {
		s += "; original kept as " + d.MovedTo
	}
	return s
}

// ErrNotJournal is returned by Open when the file's first line is not a
// journal event; Open leaves such a file untouched.
var ErrNotJournal = errors.New("not a crisis journal")

// seqPrefix is how every line written by Append starts. A torn last line
// is a prefix of a real line, so it must match this as far as it goes;
// anything else without a newline is garbage, not a crash.
const seqPrefix = `{"seq":`

// verify reads a journal from r and checks the chain, line by line, so
// that a long journal is never held whole: each valid event is passed to
// each (when not nil) in order, and only what the caller keeps stays in
// memory. It returns how many events are valid, the last one's hash, the
// byte length of the valid prefix, and the first damage found. each's
// error stops it; err is that error or a read error.
//
// Two goroutines share the work, as resuming a long run waits for it: one
// reads, decodes and checks each line's form and place in the chain, the
// caller's checks each hash and the head record and calls each, in order.
// A line counts as valid only once both passed it, so the first damage in
// the file is the one reported, whichever goroutine found it.
func verify(path string, r io.Reader, h head, each func(Event) error) (n int, last string, validEnd int64, d Damage, err error) {
	batches := make(chan []checkedLine, 4)
	stop := make(chan struct{})
	var total int // every line of the file, once the reader is done
	var rerr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		total, rerr = readLines(r, batches, stop)
	}()
	var c checker
	stopped := false
	halt := func() {
		stopped = true
		close(stop)
		for range batches { // let the reader finish
		}
	}
	for batch := range batches {
		for _, l := range batch {
			kind, reason := l.kind, l.reason
			if l.end {
				if kind == "" {
					d = h.end(path, n)
				} else {
					d = Damage{Path: path, Line: l.no, Kind: kind, Reason: reason}
				}
				break
			}
			if kind == "" && !c.hashes(l.e) {
				kind, reason = DamageBadHash, "hash mismatch: entry edited after it was written"
			}
			if kind == "" {
				kind, reason = h.past(path, l.e)
			}
			if kind != "" {
				d = Damage{Path: path, Line: l.no, Kind: kind, Reason: reason}
				halt()
				break
			}
			if each != nil {
				if err = each(l.e); err != nil {
					halt()
					<-done
					return n, last, validEnd, Damage{}, err
				}
			}
			n, last = n+1, l.e.Hash
			validEnd += l.size
		}
		if stopped {
			break
		}
	}
	<-done
	if rerr != nil {
		return n, last, validEnd, Damage{}, rerr
	}
	if d.Kind != "" && d.Dropped == 0 {
		d.Dropped = total - d.Line + 1
	}
	return n, last, validEnd, d, nil
}

// checkedLine is one line as the reader found it: an event whose form and
// place in the chain are right (kind empty), the damage found in it, or,
// with end set, the end of the file, clean (kind empty) or torn.
type checkedLine struct {
	e      Event
	no     int
	size   int64
	kind   DamageKind
	reason string
	end    bool
}

// readLines reads r, sending its lines checked in batches until the first
// damaged line or the end of the file, then closes batches. Stopped early
// or not, it reads to the end and returns how many lines the file has
// (the last without newline included), for the damage's Dropped count.
func readLines(r io.Reader, batches chan<- []checkedLine, stop <-chan struct{}) (int, error) {
	defer close(batches)
	const batchSize = 256 // one channel operation per batch, not per line
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		c     checker
		long  []byte // a line longer than the buffer, gathered
		prev  string
		batch = make([]checkedLine, 0, batchSize)
	)
	send := func() bool {
		select {
		case <-stop:
			return false
		default:
		}
		select {
		case batches <- batch:
			batch = make([]checkedLine, 0, batchSize)
			return true
		case <-stop:
			return false
		}
	}
	// finish sends the last batch and counts the lines after lineNo.
	finish := func(lineNo int) (int, error) {
		send()
		rest, err := countLines(br)
		return lineNo + rest, err
	}
	for lineNo := 1; ; lineNo++ {
		line, rerr := br.ReadSlice('\n')
		if rerr == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for rerr == bufio.ErrBufferFull {
				line, rerr = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if rerr != nil && rerr != io.EOF {
			send()
			return 0, rerr
		}
		if rerr == io.EOF {
			l := checkedLine{no: lineNo, end: true}
			if len(line) == 0 {
				batch = append(batch, l)
				return finish(lineNo - 1)
			}
			if isTornPrefix(line) {
				l.kind, l.reason = DamageTruncated, fmt.Sprintf("truncated last line (%d bytes, no newline): crash mid-write", len(line))
			} else if lineNo == 1 {
				l.kind, l.reason = DamageNotJournal, "not a crisis journal: first line is not an event"
			} else {
				l.kind, l.reason = DamageBadJSON, "last line has no newline and is not a journal event"
			}
			batch = append(batch, l)
			return finish(lineNo)
		}
		e, kind, reason := c.checkLine(line[:len(line)-1], lineNo, prev)
		batch = append(batch, checkedLine{e: e, no: lineNo, size: int64(len(line)), kind: kind, reason: reason})
		if kind != "" {
			return finish(lineNo)
		}
		prev = e.Hash
		if len(batch) == batchSize && !send() {
			return finish(lineNo) // the caller found damage in an earlier line
		}
	}
}

// checker validates lines, reusing its buffers from line to line: a long
// journal is verified on every resume and report.
type checker struct{ buf []byte }

// checkLine validates one complete line against its position and the
// previous hash; verify checks the line's own hash.
func (c *checker) checkLine(line []byte, lineNo int, prev string) (Event, DamageKind, string) {
	if bytes.HasSuffix(line, []byte("\r")) {
		kind := DamageBadJSON
		if lineNo == 1 {
			kind = DamageNotJournal
		}
		return Event{}, kind, "line ends in CR LF (Windows line endings): the file was converted after crisis wrote it; convert it back (dos2unix) and resume"
	}
	e, ok := parseFast(line)
	if !ok {
		e = Event{}
		err := json.Unmarshal(line, &e)
		if err != nil {
			if lineNo == 1 {
				return e, DamageNotJournal, "not a crisis journal: first line is not an event: " + err.Error()
			}
			return e, DamageBadJSON, "bad json: " + err.Error()
		}
	}
	if e.Seq == 0 || e.Hash == "" {
		// Valid JSON such as {} or null, but nothing Append could write.
		if lineNo == 1 {
			return e, DamageNotJournal, "not a crisis journal: first line has no seq or hash"
		}
		return e, DamageBadJSON, "bad json: entry has no seq or hash"
	}
	switch {
	case e.Seq != lineNo:
		return e, DamageSeqGap, fmt.Sprintf("seq gap: seq %d on line %d, want %d (line deleted, duplicated or reordered)", e.Seq, lineNo, lineNo)
	case e.Prev != prev:
		return e, DamageBrokenChain, "broken chain: prev does not match the previous entry's hash (entry edited or spliced)"
	case e.Type == "":
		return e, DamageBadJSON, "bad json: event has no type"
	case !c.canonical(e, line):
		// The hash covers the fields; this covers the bytes around them.
		// encoding/json accepts "Seq" for "seq", unknown fields, other
		// escapes and spacing, and such edits must not pass silently.
		return e, DamageBadJSON, "bad json: entry is not in the form Append writes (reformatted or edited)"
	}
	e.Prev = prev // the same text: share it rather than keep a copy per event
	return e, "", ""
}

// canonical reports whether line is exactly how Append writes e.
func (c *checker) canonical(e Event, line []byte) bool {
	c.buf = appendLine(c.buf[:0], e)
	return bytes.Equal(bytes.TrimSuffix(c.buf, []byte("\n")), line)
}

// hashes reports whether e.Hash is ComputeHash(e), lowercase hex as it
// writes it.
func (c *checker) hashes(e Event) bool {
	c.buf = appendCanonical(c.buf[:0], e)
	sum := sha256.Sum256(c.buf)
	var want [2 * sha256.Size]byte
	hex.Encode(want[:], sum[:])
	return e.Hash == string(want[:])
}

// parseFast decodes a line in the exact shape encodeLine writes, without
// reflection; resuming a long run is dominated by decoding (with
// encoding/json alone, BenchmarkResumeProcess100k in cmd/crisis takes
// 0.6 to 1.2 s instead of 0.42 s, past its 600 ms target, and a resume of
// 10,000 events needs 16 ms more CPU, 93 ms at best instead of 66 ms,
// past its 60 ms). It returns
// false for anything else, and the caller falls back to encoding/json for
// a precise diagnosis. It may accept lines that are not canonical (say
// "seq":007); checkLine's re-encoding comparison rejects those, and for
// canonical lines it yields exactly what json.Unmarshal would.
func parseFast(line []byte) (Event, bool) {
	var e Event
	rest, ok := bytes.CutPrefix(line, []byte(`{"seq":`))
	if !ok {
		return e, false
	}
	n := 0
	for n < len(rest) && n < 10 && '0' <= rest[n] && rest[n] <= '9' {
		n++
	}
	seq, err := strconv.Atoi(string(rest[:n]))
	if err != nil {
		return e, false
	}
	e.Seq = seq
	var utc string
	for _, f := range []struct {
		key string
		dst *string
	}{{`,"type":`, &e.Type}, {`,"utc":`, &utc}, {`,"local":`, &e.Local}} {
		if rest, ok = bytes.CutPrefix(rest[n:], []byte(f.key)); !ok {
			return e, false
		}
		if *f.dst, n, ok = plainString(rest); !ok {
			return e, false
		}
	}
	if e.UTC, err = time.Parse(time.RFC3339Nano, utc); err != nil {
		return e, false
	}
	rest = rest[n:]
	// prev and hash are hex, so the last `,"prev":` is the real one even
	// if the payload contains that text; with two hashes after it, it is
	// among the last 160 bytes (or the line is left to encoding/json).
	from := max(0, len(rest)-160)
	i := bytes.LastIndex(rest[from:], []byte(`,"prev":`))
	if i < 0 {
		return e, false
	}
	i += from
	tail := rest[i+len(`,"prev":`):]
	if e.Prev, n, ok = plainString(tail); !ok {
		return e, false
	}
	if tail, ok = bytes.CutPrefix(tail[n:], []byte(`,"hash":`)); !ok {
		return e, false
	}
	if e.Hash, n, ok = plainString(tail); !ok || string(tail[n:]) != "}" {
		return e, false
	}
	if i > 0 {
		data, ok := bytes.CutPrefix(rest[:i], []byte(`,"data":`))
		// json.Unmarshal would drop surrounding spaces from a RawMessage;
		// leave such lines to it rather than disagree.
		if !ok || len(data) == 0 || isSpace(data[0]) || isSpace(data[len(data)-1]) || !json.Valid(data) {
			return e, false
		}
		// A copy, so the events do not keep the whole file alive.
		e.Data = bytes.Clone(data)
	}
	return e, true
}

// plainString reads a JSON string that needs no unescaping at the start
// of b and returns it and the bytes consumed.
func plainString(b []byte) (string, int, bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", 0, false
	}
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return string(b[1:i]), i + 1, true
		case c == '\\' || c < 0x20:
			return "", 0, false
		}
	}
	return "", 0, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isTornPrefix(tail []byte) bool {
	if len(tail) < len(seqPrefix) {
		return bytes.HasPrefix([]byte(seqPrefix), tail)
	}
	return bytes.HasPrefix(tail, []byte(seqPrefix))
}

// countLines counts the lines left in r, including a final line without
// newline.
func countLines(r *bufio.Reader) (int, error) {
	n, partial := 0, false
	for {
		chunk, err := r.ReadSlice('\n')
		if len(chunk) > 0 {
			partial = chunk[len(chunk)-1] != '\n'
			if !partial {
				n++
			}
		}
		switch err {
		case nil, bufio.ErrBufferFull:
		case io.EOF:
			if partial {
				n++
			}
			return n, nil
		default:
			return n, err
		}
	}
}
