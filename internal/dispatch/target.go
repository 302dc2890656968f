package dispatch

import (
	"context"
	"slices"
	"time"
)

// Target is one configured destination: a webhook, a Telegram channel, an
// SMTP relay with its recipient list, ...
type Target interface {
	// Send sends one announcement. The Outcome says what happened to every
	// post or recipient, even when Send also returns an error (a bulk send
	// stopped half way reports what it did before stopping). A returned
	// error is an *Error for provider failures.
	Send(ctx context.Context, req Request) (Outcome, error)
	// Check verifies the configuration and credentials without posting
	// where the provider allows it, and says what it could not verify.
	Check(ctx context.Context) CheckReport
}

// Announcement is one rendered text for one channel and one locale.
type Announcement struct {
	Channel string // the channel's id in the manual
	Kind    string // the channel kind (sms, email, telegram, ...)
	Locale  string // BCP 47 tag
	Subject string // e-mail only
	Text    string
	// Template is the approved WhatsApp template and its parameters; the
	// WhatsApp Cloud API sends only templates outside a 24-hour window.
	Template *Template
	Drill    bool
	// Key names this send across retries and crashes; the caller derives
	// it from the run, step, channel and locale. Providers that
	// deduplicate receive it (Mastodon's Idempotency-Key, Bluesky's record
	// key, the signed webhook's delivery id), and e-mail Message-IDs are
	// derived from it.
	Key string
	// At is when the run decided to send: the timestamp of the Bluesky
	// record key and createdAt, so a retry builds the same record.
	At time.Time

	// The fields below are read only by hosted status pages (statuspage,
	// incidentio), where one incident carries every update of a run;
	// every other provider ignores them.

	// Thread is the provider's id of this run's first post on this target
	// and locale (the Outcome.ID of that send: hosted status pages answer
	// every send with the incident's id). Empty: this send opens the
	// incident; set: it posts an update to that incident.
	Thread string
	// State is the incident's state after this announcement: one of
	// investigating, identified, monitoring, resolved (the all-clear).
	// Empty opens an incident as investigating and leaves an open one's
	// state as it is.
	State string
	// Title names the incident when it is opened (the playbook's title in
	// the announcement's language). Empty: the text's first line.
	Title string
}

// Template is a WhatsApp message template approved by Meta.
type Template struct {
	Name     string
	Language string   // the template's language code, e.g. "es" or "pt_BR"
	Params   []string // body parameters {{1}}, {{2}}, ... in order
}

// Request is one send: the announcement, where a previous attempt stopped,
// and who hears about each acknowledged batch.
type Request struct {
	Announcement
	Resume Resume
	// BeforeBatch is called, one call at a time, just before a batch of a
	// bulk send goes out, with its lines and no outcome yet: the caller
	// journals the intent, so after a crash the rows of a batch with an
	// intent and no acknowledgement are known to be in doubt (pass them to
	// Resume.Done, or ask a person) rather than resent blindly. An error
	// stops the send before that batch.
	BeforeBatch func(Batch) error
	// OnBatch is called for each acknowledged batch of a bulk send, one
	// call at a time, in the order batches complete. A caller journals it;
	// an error stops the send (no more batches are started), because a
	// send that cannot be journaled must not go on.
	OnBatch func(Batch) error
}

// Resume tells a bulk send what an earlier attempt already settled.
type Resume struct {
	// SkipFirst is the number of data rows of the recipient list, from the
	// top, that were settled: the last Batch.Settled journaled.
	SkipFirst int
	// Done reports rows beyond SkipFirst not to send again: recipients
	// delivered in batches journaled after the settled prefix, and the
	// rows of batches whose outcome is in doubt. Nil means none.
	Done func(line int, address string) bool
}

// Batch is an acknowledged part of a bulk send.
type Batch struct {
	Seq       int // 0, 1, 2, ... in list order
	FirstLine int // first and last line of the recipient list it covers
	LastLine  int
	Delivered []Delivery // accepted by the provider
	Failed    []Failure  // refused, malformed or unknown, each with its line
	// Settled is how many data rows of the list, from the top, have an
	// outcome reported in this or an earlier batch: what Resume.SkipFirst
	// should be after a crash. It only moves forward.
	Settled int
	// Complete says every row from FirstLine to LastLine has an outcome
	// (delivered, failed, opted out, malformed or done before): a caller
	// may remember the range rather than each line. A send stopped half
	// way reports batches whose unattempted rows have none.
	Complete bool
}

// Delivery is one recipient the provider accepted.
type Delivery struct {
	Recipient string
	Line      int
	ID        string // the provider's message id
}

// Failure is one post or recipient that was not delivered.
type Failure struct {
	Recipient string // address or number; empty for a post
	Line      int    // line in the recipient list, 0 for a post
	Err       error  // an *Error, or a *RowError for a malformed row
}

// maxFailuresKept bounds Outcome.Failed: a million-line list with a broken
// column must not hold a million errors in memory. Every failure is in the
// batches.
const maxFailuresKept = 1000

// Outcome is what a send did.
type Outcome struct {
	Provider string
	// ID is the provider's id of a single post (status id, record URI,
	// message id); bulk sends give ids per recipient in the batches.
	ID        string
	URL       string // a link to the post, when the provider gives one
	Delivered int    // posts or recipients accepted
	// Failed holds the first 1000 failures; FailedCount counts them all.
	Failed      []Failure
	FailedCount int
	Unknown     int // failures whose outcome is unknown (also in Failed)
	OptedOut    int // rows of the list skipped for their opt-out column
	AlreadyDone int // rows skipped by Resume
	Settled     int // as Batch.Settled, for the whole send
	// Notes are facts worth journaling that are not failures: a segment
	// count that differs from ours, a record found already posted.
	Notes []string
}

func (o *Outcome) fail(f Failure) {
	o.FailedCount++
	if e, ok := f.Err.(*Error); ok && e.Retry == Unknown {
		o.Unknown++
	}
	if len(o.Failed) < maxFailuresKept {
		o.Failed = append(o.Failed, f)
	}
}

// note adds a note once, however many recipients it concerns; notes are
// few and bounded.
func (o *Outcome) note(n string) {
	if len(o.Notes) < 20 && !slices.Contains(o.Notes, n) {
		o.Notes = append(o.Notes, n)
	}
}

// CheckReport says what a check could and could not verify.
type CheckReport struct {
	Target     string
	Provider   string
	Verified   []string // e.g. "SMTP AUTH accepted", "bot @rioverde_bot"
	Unverified []string // what cannot be verified without posting
	Err        error    // the first thing that failed, nil when all checks passed
}

// OK reports whether nothing failed.
func (r CheckReport) OK() bool { return r.Err == nil }
