package runbook

import (
	"encoding/json"
	"slices"
	"sort"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
)

// SendIntent is the payload of send.intent: what is about to leave, and
// where, journaled before anything does. Digests, never the text or the
// recipients themselves: the text is in the run folder, the list outside
// the repository.
type SendIntent struct {
	Key      string `json:"key"` // names the send across retries and crashes (see dispatch.Announcement.Key)
	Step     string `json:"step"`
	Message  string `json:"message"`
	Channel  string `json:"channel"`
	Locale   string `json:"locale"`
	Provider string `json:"provider"` // "capture" for a drill without a drill target
	Where    string `json:"where"`    // the target's endpoint or list, never a secret
	Drill    bool   `json:"drill,omitempty"`
	// TextSHA256 is the hex SHA-256 of the subject, a newline and the text.
	TextSHA256 string `json:"text_sha256"`
	// RecipientsSHA256 is the hex SHA-256 of the recipient list's bytes.
	RecipientsSHA256 string    `json:"recipients_sha256,omitempty"`
	Count            int       `json:"count"`            // posts (1) or recipients to send to
	By               string    `json:"by,omitempty"`     // who sent: the operator's account on this machine
	At               time.Time `json:"at"`               // when the run decided to send; the same on every attempt
	Resume           bool      `json:"resume,omitempty"` // a later attempt of the same send
}

// SendBatch is the payload of send.batch-intent (Intent, before the batch
// goes out) and send.batch (after the provider acknowledged it).
//
// A complete batch names its range and counts the recipients reached,
// without listing them: every line of the range has an outcome, and lines
// not failed or unknown were reached, opted out or malformed (the list,
// whose digest the intent holds, says which). That keeps a million-line
// send's journal to a few bytes per recipient. Only a batch a stop left
// incomplete lists its delivered lines, since a resumed send must skip
// exactly those. Failures are always listed: they are few, and a person
// follows each up.
type SendBatch struct {
	Key     string `json:"key"`
	Seq     int    `json:"seq"`
	First   int    `json:"first"` // lines of the recipient list it covers
	Last    int    `json:"last"`
	Reached int    `json:"reached,omitempty"` // recipients the provider accepted
	// Delivered lists the lines reached, in an incomplete batch only (and
	// in every batch of journals written before Reached).
	Delivered []int `json:"delivered,omitempty"`
	Failed    []int `json:"failed,omitempty"`  // lines refused or malformed
	Unknown   []int `json:"unknown,omitempty"` // lines whose outcome is unknown
	Settled   int   `json:"settled,omitempty"` // data rows from the top with an outcome
	// Complete: every row from First to Last has an outcome, so a resumed
	// send skips the whole range (see dispatch.Batch.Complete).
	Complete bool `json:"complete,omitempty"`
}

// SendOutcome is the payload of send.outcome.
type SendOutcome struct {
	Key       string   `json:"key"`
	ID        string   `json:"id,omitempty"` // the provider's id of the post
	URL       string   `json:"url,omitempty"`
	Delivered int      `json:"delivered"`
	Failed    int      `json:"failed,omitempty"`
	Unknown   int      `json:"unknown,omitempty"`
	OptedOut  int      `json:"opted_out,omitempty"`
	Skipped   int      `json:"skipped,omitempty"` // rows settled by an earlier attempt
	Error     string   `json:"error,omitempty"`
	Notes     []string `json:"notes,omitempty"`
}

// SendRecord is what the journal says about one announcement's sends.
type SendRecord struct {
	Intent  SendIntent   // the last attempt's
	First   time.Time    // when the first attempt was journaled
	Outcome *SendOutcome // the last attempt's; nil while (or if) it is in doubt
	// Totals over every attempt and batch.
	Delivered, Failed, Unknown int
	// Settled is the prefix of the recipient list with an outcome. Beyond
	// it, Ranges are the line ranges of complete batches, Done the lines
	// with an outcome in batches a stop left incomplete, and Doubt the
	// ranges of batches that went out and were never acknowledged. Ranges
	// are merged as batches complete, so a million-line list is remembered
	// in a handful of ranges, not a million lines.
	Settled  int
	Ranges   [][2]int // sorted, merged
	Done     map[int]bool
	InFlight map[int]int // first line -> last line of batches not yet acknowledged
	Doubt    [][2]int
	IDs      []string // provider ids of posts
}

// addRange records a complete batch's lines, keeping Ranges sorted and
// merged with their neighbours.
func (r *SendRecord) addRange(first, last int) {
	i := sort.Search(len(r.Ranges), func(i int) bool { return r.Ranges[i][0] > first })
	r.Ranges = slices.Insert(r.Ranges, i, [2]int{first, last})
	if i > 0 && r.Ranges[i-1][1]+1 >= r.Ranges[i][0] {
		r.Ranges[i-1][1] = max(r.Ranges[i-1][1], r.Ranges[i][1])
		r.Ranges = slices.Delete(r.Ranges, i, i+1)
		i--
	}
	for i+1 < len(r.Ranges) && r.Ranges[i][1]+1 >= r.Ranges[i+1][0] {
		r.Ranges[i][1] = max(r.Ranges[i][1], r.Ranges[i+1][1])
		r.Ranges = slices.Delete(r.Ranges, i+1, i+2)
	}
}

// inRanges reports whether line is in one of the sorted ranges.
func inRanges(ranges [][2]int, line int) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i][1] >= line })
	return i < len(ranges) && ranges[i][0] <= line
}

// Bulk reports whether the send went to a recipient list, whose counts
// come from its batches.
func (r *SendRecord) Bulk() bool { return r.Intent.RecipientsSHA256 != "" }

// InDoubt reports whether the last attempt has an intent and no outcome:
// the provider may or may not have acted.
func (r *SendRecord) InDoubt() bool { return r.Outcome == nil }

// DoubtRows is how many recipient rows have an unknown outcome because
// their batch was never acknowledged.
func (r *SendRecord) DoubtRows() int {
	n := 0
	for _, d := range r.Doubt {
		n += d[1] - d[0] + 1
	}
	for f, l := range r.InFlight {
		n += l - f + 1
	}
	return n
}

// skip reports whether a row of the list must not be sent again.
func (r *SendRecord) skip(line int) bool {
	if r.Done[line] || inRanges(r.Ranges, line) {
		return true
	}
	for _, d := range r.Doubt {
		if line >= d[0] && line <= d[1] {
			return true
		}
	}
	return false
}

// applySend changes the state by one send event.
func (s *State) applySend(e journal.Event) error {
	if s.Sends == nil {
		s.Sends = map[AnnouncementKey]*SendRecord{}
	}
	switch e.Type {
	case journal.TypeSendIntent:
		var in SendIntent
		if err := json.Unmarshal(e.Data, &in); err != nil {
			return err
		}
		k := AnnouncementKey{in.Step, in.Message, in.Channel, in.Locale}
		r := s.Sends[k]
		if r == nil {
			r = &SendRecord{First: e.UTC, Done: map[int]bool{}, InFlight: map[int]int{}}
			s.Sends[k] = r
		}
		// Batches of an attempt that never finished stay in doubt.
		for f, l := range r.InFlight {
			r.Doubt = append(r.Doubt, [2]int{f, l})
		}
		r.InFlight = map[int]int{}
		r.Intent, r.Outcome = in, nil
		return nil
	case journal.TypeSendBatchIntent, journal.TypeSendBatch:
		var b SendBatch
		if err := json.Unmarshal(e.Data, &b); err != nil {
			return err
		}
		r := s.sendByKey(b.Key)
		if r == nil {
			return nil // a batch of a send whose intent is not in the journal: nothing to attach it to
		}
		if e.Type == journal.TypeSendBatchIntent {
			r.InFlight[b.First] = b.Last
			return nil
		}
		delete(r.InFlight, b.First)
		if b.Complete {
			r.addRange(b.First, b.Last)
		} else {
			for _, list := range [][]int{b.Delivered, b.Failed, b.Unknown} {
				for _, l := range list {
					r.Done[l] = true
				}
			}
		}
		reached := b.Reached
		if reached == 0 { // a journal written before batches counted
			reached = len(b.Delivered)
		}
		r.Delivered += reached
		r.Failed += len(b.Failed)
		r.Unknown += len(b.Unknown)
		r.Settled = max(r.Settled, b.Settled)
		return nil
	case journal.TypeSendOutcome:
		var o SendOutcome
		if err := json.Unmarshal(e.Data, &o); err != nil {
			return err
		}
		r := s.sendByKey(o.Key)
		if r == nil {
			return nil
		}
		r.Outcome = &o
		if !r.Bulk() {
			// A post: its last attempt says what happened (a provider
			// that deduplicates answers a resend with the same post).
			r.Delivered, r.Failed, r.Unknown = o.Delivered, o.Failed-o.Unknown, o.Unknown
		}
		if o.ID != "" {
			r.IDs = append(r.IDs, o.ID)
		}
	}
	return nil
}

func (s *State) sendByKey(key string) *SendRecord {
	for _, r := range s.Sends {
		if r.Intent.Key == key {
			return r
		}
	}
	return nil
}
