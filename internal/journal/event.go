package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// Event types: every kind of event a run journals, declared here and
// nowhere else, so that writers (runbook, drill) and readers (report) cannot
// drift apart. The journal does not restrict Type to these: the hash covers
// Type as an opaque string, so a new kind needs no format change, only a
// line here.
const (
	TypeRunStarted      = "run.started"
	TypeRunPaused       = "run.paused"
	TypeRunResumed      = "run.resumed"
	TypeRunAllClear     = "run.all-clear"
	TypeRunFinished     = "run.finished"
	TypeRunAbandoned    = "run.abandoned"  // a false start or a run given up, with the reason
	TypeRunReopened     = "run.reopened"   // the incident again after its all-clear
	TypeManualChanged   = "manual.changed" // the run goes on with the manual as it is now
	TypeRunState        = "run.state"      // investigating, identified, monitoring, resolved
	TypeUpdateNote      = "update.note"    // what is new, for one cadence update
	TypeVarSet          = "var.set"
	TypeStepDone        = "step.done"
	TypeStepSkipped     = "step.skipped"
	TypeStepBack        = "step.back"        // back to an earlier step
	TypeStepForward     = "step.forward"     // on from a finished step shown again, unchanged
	TypeStepReopened    = "step.reopened"    // a finished step opened again to change it
	TypeChecked         = "checklist.ticked" // a checklist item ticked
	TypeNote            = "note"
	TypeMessageRendered = "message.rendered"
	TypeMessageApproved = "message.approved"
	TypeMessageSent     = "message.sent"
	TypeMessageCopied   = "message.copied"     // copied to the clipboard: ready to paste, not sent
	TypeEscalated       = "approval.escalated" // no approval in time: the next deputy named
	TypeAlerted         = "operator.alerted"   // the bell rang for something falling due
	TypeInjectArrived   = "inject.arrived"     // a drill inject delivered
	TypeInjectAnswered  = "inject.answered"    // the trainee's response to it
	TypeReplyDrafted    = "reply.drafted"      // a reply of the manual's library rendered for one person
	TypeDecisionMade    = "decision.made"      // an option chosen at a decision step (format 1.1)
	// A send through a delivery target: the intent is journaled before
	// anything leaves, the outcome after, so an intent without an outcome
	// is a send whose result nobody knows. Bulk sends journal each batch's
	// intent and acknowledgement in between.
	TypeSendIntent      = "send.intent"
	TypeSendBatchIntent = "send.batch-intent"
	TypeSendBatch       = "send.batch"
	TypeSendOutcome     = "send.outcome"
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
// form (documented in the package doc). It ignores e.Hash. Data is hashed
// byte for byte as it appears in the line.
func ComputeHash(e Event) string {
	sum := sha256.Sum256(appendCanonical(make([]byte, 0, 256+len(e.Data)), e))
	return hex.EncodeToString(sum[:])
}

// appendCanonical appends the canonical form ComputeHash hashes to b, so
// that verifying a long journal can reuse one buffer.
func appendCanonical(b []byte, e Event) []byte {
	b = append(b, hashVersion...)
	b = append(b, '\n')
	b = strconv.AppendInt(b, int64(e.Seq), 10)
	b = append(b, '\n')
	b = appendField(b, e.Type)
	var utc [len(time.RFC3339Nano) + 8]byte // formatted without an allocation
	b = appendField(b, e.UTC.UTC().AppendFormat(utc[:0], time.RFC3339Nano))
	b = appendField(b, e.Local)
	b = appendField(b, string(e.Data))
	return appendField(b, e.Prev)
}

// appendField writes a length-prefixed field, so no choice of field contents
// can make two different events share a canonical form.
func appendField[T string | []byte](b []byte, s T) []byte {
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
//
// It is hand-written rather than json.Marshal so that the encoding is
// fixed by this package (verify requires every line to re-encode to the
// same bytes) and cheap enough to re-run for every line on resume. The
// output is ordinary JSON that encoding/json decodes. e.Data must already
// be valid JSON.
func encodeLine(e Event) []byte { return appendLine(make([]byte, 0, 256+len(e.Data)), e) }

// appendLine appends the line encodeLine renders to b.
func appendLine(b []byte, e Event) []byte {
	b = append(b, `{"seq":`...)
	b = strconv.AppendInt(b, int64(e.Seq), 10)
	b = append(b, `,"type":`...)
	b = appendString(b, e.Type)
	b = append(b, `,"utc":"`...)
	b = e.UTC.UTC().AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","local":`...)
	b = appendString(b, e.Local)
	if len(e.Data) > 0 {
		b = append(b, `,"data":`...)
		b = append(b, e.Data...)
	}
	b = append(b, `,"prev":`...)
	b = appendString(b, e.Prev)
	b = append(b, `,"hash":`...)
	b = appendString(b, e.Hash)
	return append(b, "}\n"...)
}

// appendString quotes s as a JSON string. Escapes are the minimum JSON
// requires, plus U+2028 and U+2029 (which break JavaScript readers).
// Invalid UTF-8 becomes U+FFFD; Append rejects it so that nothing is
// changed by the round trip.
func appendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
