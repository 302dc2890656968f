// Package journal records a crisis run as a crash-safe, hash-chained JSONL
// file, so a run interrupted by a crash (even kill -9) can be resumed
// exactly where it stopped, and so a report can show that nobody edited
// the record afterwards.
//
// # Format
//
// A journal is UTF-8 text, one Event per line as compact JSON, each line
// ending in "\n", exactly as Append encodes it: keys in the order seq,
// type, utc, local, data (omitted when empty), prev, hash; no spaces;
// strings escape only what JSON requires plus U+2028/U+2029; data compact
// and without HTML escaping. A line that decodes to a valid event but
// differs in any byte from that encoding counts as edited. Line n holds the event with
// seq n. Create writes the file with its first event in it, so a journal is
// never empty; an empty file (left by older versions) reads as no events.
// Only a regular file of at most MaxSize bytes is read: a FIFO or a device
// in a journal's place is refused, not waited on or read without end.
//
// Each event's hash is the lowercase hex SHA-256 of this canonical form
// (every line ends in "\n"; len is the field's length in bytes, decimal):
//
//	crisis-journal-v1
//	<seq, decimal>
//	<len>:<type>
//	<len>:<utc, RFC 3339 with nanoseconds, in UTC, as time.RFC3339Nano>
//	<len>:<local>
//	<len>:<data, the bytes of the JSON value as in the line; empty when absent>
//	<len>:<prev>
//
// prev is the previous event's hash ("" for seq 1), which chains the lines:
// editing, deleting or reordering any line breaks verification at that
// line. The chain cannot show that its last lines were deleted, or that
// the file was cut at a line boundary: the head record beside it,
// "<journal>.head", names the last event written and is rewritten after
// every append (see head.go), so Load reports events missing from the end
// (DamageMissing). The chain is tamper-evident, not tamper-proof: someone
// who recomputes every later hash and the head can rewrite history. Quote
// the last hash in an outside record (a sent message, a ticket) to pin it.
//
// # Durability
//
// Append writes the whole line with one write to a file opened O_APPEND,
// then fsyncs, then returns; Create also fsyncs the directory so the new
// file's name survives a crash. The newline is the commit marker: a line
// without one was never acknowledged, and is dropped on Open. After a
// failed write or fsync a Journal refuses further appends, because the
// file's state is unknown; Open it again, which re-verifies.
//
// # Damage policy
//
// Read never changes the file; it returns the valid prefix and the first
// Damage. Open, which prepares a journal for appending, repairs first:
//
//   - Truncated last line (crash mid-write): the file is truncated in place
//     to the end of the valid prefix and synced. No complete event is lost
//     and none is doubled.
//   - A complete line that is wrong (bad JSON, seq gap, broken chain, hash
//     mismatch): someone other than Append touched the file. Open never
//     appends after such a line. It writes an exact copy of the file to
//     "<path>.damaged-<UTC time>" (never overwriting an earlier copy), then
//     replaces the journal with its valid prefix atomically (temp file,
//     fsync, rename, fsync directory), and reports the copy in
//     Damage.MovedTo. At every moment the journal path holds either the
//     original or the valid prefix.
//   - Events missing from the end (the head names more): what is there is
//     kept; the head is reset to it.
//   - The first line is not an event at all: this is probably not a
//     journal, so Open returns ErrNotJournal and leaves the file alone.
//
// Callers should show any Damage to the user before resuming.
//
// # Run lock
//
// Lock allows one live real run and one live drill per playbook per runs
// folder, and one process per run. The locks are operating-system file
// locks (flock, through github.com/gofrs/flock) on "<playbook>.lock" (real
// runs), "<playbook>.drill.lock" (drills) and "<run-id>/run.lock", held
// for the run's life: the kernel releases them when the process ends,
// however it ends, so no lock is ever stale and nothing guesses from PIDs
// whether a holder is alive. The files hold JSON naming the holder
// (playbook, run id, drill, host, PID, start time) for messages only;
// emptying or deleting them does not free a held run. A held lock gives a
// *LockedError. The journal itself assumes it is the only writer: take the
// lock before Open or Create.
package journal
