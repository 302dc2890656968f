package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"
)

// Event types written by the run flow. The journal does not restrict Type to
// these: new kinds can be added without touching the format, because the
// hash covers Type as an opaque string.
const (
	TypeRunStarted      = "run.started"
	TypeRunPaused       = "run.paused"
	TypeRunResumed      = "run.resumed"
	TypeRunAllClear     = "run.all-clear"
	TypeVarSet          = "var.set"
	TypeStepDone        = "step.done"
	TypeStepSkipped     = "step.skipped"
	TypeNote            = "note"
	TypeMessageRendered = "message.rendered"
	TypeMessageApproved = "message.approved"
	TypeMessageSent     = "message.sent"
)

// Event is one line of a journal.
type Event struct {
	Seq   int             `json:"seq"`            // 1-based, contiguous
	Type  string          `json:"type"`           // one of the Type constants
	UTC   time.Time       `json:"utc"`            // when it happened, in UTC
	Local string          `json:"local"`          // the same instant, RFC 3339 in the run's time zone
	Data  json.RawMessage `json:"data,omitempty"` // event-specific payload
	Prev  string          `json:"prev"`           // Hash of the previous event, "" for the first
	Hash  string          `json:"hash"`           // see ComputeHash
}

// hashVersion starts the canonical form so that a future format change
// cannot produce the same hash for different content.
const hashVersion = "crisis-journal-v1"

// ComputeHash returns the lowercase hex SHA-256 of the event's canonical
// form (documented in the package doc). It ignores e.Hash. Data is compacted
// first, so insignificant whitespace does not matter but every other byte
// of the payload does.
func ComputeHash(e Event) string {
	var data bytes.Buffer
	if len(e.Data) > 0 && json.Compact(&data, e.Data) != nil {
		// Invalid JSON cannot come from Append; hash the raw bytes so the
		// mismatch is reported as an edit rather than hidden.
		data.Reset()
		data.Write(e.Data)
	}
	h := sha256.New()
	b := make([]byte, 0, 256)
	b = append(b, hashVersion...)
	b = append(b, '\n')
	b = strconv.AppendInt(b, int64(e.Seq), 10)
	b = append(b, '\n')
	b = appendField(b, e.Type)
	b = appendField(b, e.UTC.UTC().Format(time.RFC3339Nano))
	b = appendField(b, e.Local)
	b = appendField(b, data.String())
	b = appendField(b, e.Prev)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// appendField writes a length-prefixed field, so no choice of field contents
// can make two different events share a canonical form.
func appendField(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	b = append(b, s...)
	return append(b, '\n')
}

// marshalCompact encodes v without HTML escaping: journals are read by
// people, and "AT&T" should not turn into "AT\u0026T".
func marshalCompact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// encodeLine renders e as one journal line including the trailing newline.
// The newline is the commit marker: a line without it was never
// acknowledged to the caller.
func encodeLine(e Event) ([]byte, error) {
	b, err := marshalCompact(e)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
