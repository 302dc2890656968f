package journal

import (
	"github.com/crisis-cli/crisis/internal/fsutil"

	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

// Journal is an open journal file with a single writer. Exclusion between
// processes is the RunLock's job; the mutex only covers goroutines.
type Journal struct {
	mu    sync.Mutex
	path  string
	f     *os.File
	clock func() time.Time
	loc   *time.Location
	n     int      // events in the file
	last  string   // hash of the last event
	head  *os.File // the head record, rewritten after each append
	// failed is set when a write or fsync fails. After a failed fsync the
	// kernel may have dropped the dirty pages, so the file's state is
	// unknown; only Open (which re-verifies) may continue.
	failed error
}

// Create starts a new journal at path holding its first event (typ and
// data as for Append). The file appears with that event in it or not at
// all: a journal is never empty, so a crash in a run's first milliseconds
// leaves no run that cannot be resumed. It fails if path exists, so a run
// can never write into another run's journal. A nil clock means time.Now;
// a nil loc means time.Local.
func Create(path string, clock func() time.Time, loc *time.Location, typ string, data any) (*Journal, Event, error) {
	j := newJournal(path, nil, clock, loc, 0, "")
	e, line, err := j.next(typ, data)
	if err != nil {
		return nil, Event{}, fmt.Errorf("create journal: %w", err)
	}
	tmp, err := writeNew(path+".new", line)
	if err != nil {
		return nil, Event{}, fmt.Errorf("create journal: %w", err)
	}
	defer os.Remove(tmp)
	// A link, unlike a rename, fails when path exists.
	if err := os.Link(tmp, path); err != nil {
		return nil, Event{}, fmt.Errorf("create journal: %w", err)
	}
	// The directory entry must be durable too, or a crash could leave
	// synced events in a file that has no name.
	if err := fsutil.SyncDir(filepath.Dir(path)); err != nil {
		return nil, Event{}, fmt.Errorf("create journal %s: %w", path, err)
	}
	if j.head, err = openHead(path); err != nil {
		return nil, Event{}, fmt.Errorf("create journal %s: %w", path, err)
	}
	if err := writeSlot(j.head, head{Seq: 1, Hash: e.Hash}); err != nil {
		j.head.Close()
		return nil, Event{}, fmt.Errorf("create journal %s: %w", path, err)
	}
	if j.f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0); err != nil {
		j.head.Close()
		return nil, Event{}, fmt.Errorf("create journal: %w", err)
	}
	j.n, j.last = 1, e.Hash
	return j, e, nil
}

// Snapshot is what reading and verifying a journal file once found: the
// number of valid events, the first damage, and what Open needs to repair
// the file and append without reading it again. Resuming a long run is
// dominated by reading and verifying, so a caller that has looked at a
// journal opens that same snapshot rather than the path.
type Snapshot struct {
	Path   string
	Events int    // valid events, the prefix kept
	Last   string // the hash of the last valid event; "" when none
	Damage Damage

	validEnd int64
	size     int64
	mod      time.Time
}

// Load reads and verifies the journal at path without changing the file,
// passing each valid event to each (when not nil), oldest first, as it is
// read: the journal is never held whole, only what each keeps. The error is
// for failing to read the file or each's error; damage is in Damage.
func Load(path string, each func(Event) error) (*Snapshot, error) {
	f, info, err := openRegular(path, MaxSize)
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	defer f.Close()
	h, hdmg := readHead(path)
	s := &Snapshot{Path: path, size: info.Size(), mod: info.ModTime()}
	s.Events, s.Last, s.validEnd, s.Damage, err = verify(path, io.LimitReader(f, MaxSize), h, each)
	if err != nil {
		return nil, fmt.Errorf("read journal %s: %w", path, err)
	}
	if s.Damage.Intact() {
		s.Damage = hdmg
	}
	return s, nil
}

// MaxSize bounds what a journal may hold, about 700,000 events: a larger
// file is not one crisis wrote, and reading it could exhaust memory.
const MaxSize = 256 << 20

// openRegular opens path for reading if it is a regular file of at most
// max bytes. A FIFO is opened without blocking (a reader of a FIFO waits
// for a writer) and then refused, as are devices such as /dev/zero, which
// never end.
func openRegular(path string, max int64) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	switch {
	case err != nil:
	case !info.Mode().IsRegular():
		err = fmt.Errorf("%s is not a regular file (%s): crisis reads only the files it wrote", path, fsutil.Kind(info.Mode()))
	case info.Size() > max:
		err = fmt.Errorf("%s is %d bytes, more than the %d a file crisis wrote holds", path, info.Size(), max)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// Read returns the valid prefix of the journal at path and the first
// damage found, without changing the file.
func Read(path string) ([]Event, Damage, error) {
	var events []Event
	s, err := Load(path, func(e Event) error { events = append(events, e); return nil })
	if err != nil {
		return nil, Damage{}, err
	}
	return events, s.Damage, nil
}

// Open reopens an existing journal to resume a run: Load, then
// Snapshot.Open. The returned Damage is the zero value when the file was
// intact.
func Open(path string, clock func() time.Time, loc *time.Location) (*Journal, Damage, error) {
	s, err := Load(path, nil)
	if err != nil {
		return nil, Damage{}, fmt.Errorf("open journal: %w", err)
	}
	j, err := s.Open(clock, loc)
	return j, s.Damage, err
}

// ErrChanged is returned by Snapshot.Open when the file changed since it
// was read (a writer was still running then): read it again.
var ErrChanged = errors.New("journal changed since it was read")

// Open prepares the snapshot's journal for appending: see the package doc
// for what it does to a damaged file first (Damage.MovedTo then names the
// copy it set aside).
func (s *Snapshot) Open(clock func() time.Time, loc *time.Location) (*Journal, error) {
	if info, err := os.Stat(s.Path); err != nil || info.Size() != s.size || !info.ModTime().Equal(s.mod) {
		return nil, fmt.Errorf("open journal %s: %w", s.Path, ErrChanged)
	}
	d := &s.Damage
	switch d.Kind {
	case "":
	case DamageNotJournal:
		return nil, fmt.Errorf("open journal %s:%d: %w", s.Path, d.Line, ErrNotJournal)
	case DamageTruncated:
		// Only the unacknowledged last write is missing: cut it off in
		// place so the next line starts on a line boundary.
		if err := truncateTo(s.Path, s.validEnd); err != nil {
			return nil, err
		}
	case DamageMissing, DamageBadHead:
		// Every line is valid; what is lost is lost. The next append
		// anchors the head again.
	default:
		// A complete line is wrong, so something other than a crash
		// touched the file. Keep the original for inspection and rewrite
		// the valid prefix atomically; never append after a bad line.
		moved, err := setAside(s.Path, s.validEnd, clockOrNow(clock)())
		if err != nil {
			return nil, err
		}
		d.MovedTo = moved
	}
	f, err := os.OpenFile(s.Path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	j := newJournal(s.Path, f, clock, loc, s.Events, s.Last)
	if !d.Intact() && s.Events > 0 {
		// The head must name what the journal now holds, or the next
		// read reports the same damage again.
		if err := resetHead(s.Path, head{Seq: s.Events, Hash: s.Last}); err != nil {
			f.Close()
			return nil, fmt.Errorf("open journal %s: %w", s.Path, err)
		}
	}
	if j.head, err = openHead(s.Path); err != nil {
		f.Close()
		return nil, fmt.Errorf("open journal %s: %w", s.Path, err)
	}
	return j, nil
}

func newJournal(path string, f *os.File, clock func() time.Time, loc *time.Location, n int, last string) *Journal {
	if loc == nil {
		loc = time.Local
	}
	return &Journal{path: path, f: f, clock: clockOrNow(clock), loc: loc, n: n, last: last}
}

func clockOrNow(clock func() time.Time) func() time.Time {
	if clock == nil {
		return time.Now
	}
	return clock
}

// Path returns the journal's file name.
func (j *Journal) Path() string { return j.path }

// Append records one event: it marshals data (nil for none), writes the
// whole line with one write, and fsyncs. When Append returns nil the event
// is on disk; the caller must not act on an event before that.
func (j *Journal) Append(typ string, data any) (Event, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return Event{}, fmt.Errorf("append to journal %s: %w", j.path, fs.ErrClosed)
	}
	if j.failed != nil {
		return Event{}, fmt.Errorf("append to journal %s: an earlier write failed (%v); reopen the journal to continue", j.path, j.failed)
	}
	e, line, err := j.next(typ, data)
	if err != nil {
		return Event{}, fmt.Errorf("append to journal %s: %w", j.path, err)
	}
	if _, err := j.f.Write(line); err != nil {
		j.failed = err
		return Event{}, fmt.Errorf("append %s to journal %s:%d: %w", typ, j.path, e.Seq, err)
	}
	if err := j.f.Sync(); err != nil {
		j.failed = err
		return Event{}, fmt.Errorf("append %s to journal %s:%d: sync: %w", typ, j.path, e.Seq, err)
	}
	// The event is durable; a crash before the head names it leaves the
	// head one event behind, which Load accepts.
	if err := writeSlot(j.head, head{Seq: e.Seq, Hash: e.Hash}); err != nil {
		j.failed = err
		return Event{}, fmt.Errorf("append %s to journal %s:%d: %w", typ, j.path, e.Seq, err)
	}
	j.n++
	j.last = e.Hash
	return e, nil
}

// next makes the event and line that come next: sealed with its hash,
// encoded as Append writes it.
func (j *Journal) next(typ string, data any) (Event, []byte, error) {
	if typ == "" || !utf8.ValidString(typ) {
		return Event{}, nil, fmt.Errorf("event type %q is empty or not UTF-8", typ)
	}
	now := j.clock()
	e := Event{
		Seq:   j.n + 1,
		Type:  typ,
		UTC:   now.UTC(),
		Local: now.In(j.loc).Format(time.RFC3339),
		Prev:  j.last,
	}
	if data != nil {
		raw, err := marshalCompact(data)
		if err != nil {
			return Event{}, nil, fmt.Errorf("%s: marshal data: %w", typ, err)
		}
		if string(raw) != "null" {
			e.Data = raw
		}
	}
	e.Hash = ComputeHash(e)
	return e, encodeLine(e), nil
}

// Len is the number of events in the journal.
func (j *Journal) Len() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.n
}

// Close closes the file. Every acknowledged event is already synced, so
// Close has nothing to flush.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	if j.head != nil {
		err = errors.Join(err, j.head.Close())
	}
	j.f = nil
	if err != nil {
		return fmt.Errorf("close journal %s: %w", j.path, err)
	}
	return nil
}

// truncateTo cuts the file at the end of its valid prefix and syncs, so
// the cut survives a crash before the next append.
func truncateTo(path string, size int64) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("repair journal: %w", err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		return fmt.Errorf("repair journal %s: truncate to %d bytes: %w", path, size, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("repair journal %s: sync: %w", path, err)
	}
	return nil
}

// setAside keeps an exact copy of the damaged file next to it, then
// replaces the journal with its valid prefix. At every moment path holds
// either the original or the valid prefix, so a crash here loses nothing.
func setAside(path string, validEnd int64, now time.Time) (string, error) {
	// Read again rather than keep every journal's bytes for this rare
	// case; Open has just checked that the file did not change.
	orig, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("repair journal %s: %w", path, err)
	}
	moved, err := writeNew(path+".damaged-"+now.UTC().Format("20060102T150405Z"), orig)
	if err != nil {
		return "", fmt.Errorf("repair journal %s: keep damaged copy: %w", path, err)
	}
	if err := fsutil.WriteFile(path, orig[:validEnd], 0o600); err != nil {
		return moved, fmt.Errorf("repair journal %s: rewrite valid prefix: %w", path, err)
	}
	return moved, nil
}

// writeNew writes b to a file that did not exist, adding -2, -3, ... to the
// name if needed, so an earlier set-aside copy is never overwritten.
func writeNew(name string, b []byte) (string, error) {
	for i := 1; ; i++ {
		try := name
		if i > 1 {
			try = fmt.Sprintf("%s-%d", name, i)
		}
		f, err := os.OpenFile(try, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) && i < 1000 {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			return "", err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return "", err
		}
		if err := f.Close(); err != nil {
			return "", err
		}
		return try, fsutil.SyncDir(filepath.Dir(try))
	}
}
