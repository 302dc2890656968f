package dispatch

import (
	"context"
	"fmt"
)

// httpBulk is the batch sender of a bulk provider over HTTP (Twilio,
// WhatsApp): one request per recipient, in order; the bulk engine runs
// several at once.
type httpBulk struct {
	sendOne func(ctx context.Context, a Announcement, to string) (id, note string, err *Error)
	// fatal says an error stops the whole send: a refused credential or a
	// suspended account fails every recipient the same way.
	fatal func(*Error) bool
}

// maxUnknownInARow stops a bulk send whose provider keeps answering with
// something that is not its answer (a proxy's page, a gateway in
// maintenance): each such recipient's outcome is unknown, and going on
// would only add to them. The rest of the list is left for a resumed send.
const maxUnknownInARow = 10

func (h httpBulk) send(ctx context.Context, a Announcement, to []recipient) ([]result, *Error) {
	results := make([]result, 0, len(to))
	unknown := 0
	for _, r := range to {
		if ctx.Err() != nil {
			break // the rest stay unattempted, so the batch is not settled
		}
		id, note, err := h.sendOne(ctx, a, r.addr)
		if err != nil && h.fatal(err) {
			return results, err
		}
		results = append(results, result{attempted: true, id: id, err: err, note: note})
		unknown++
		if err == nil || err.Retry != Unknown {
			unknown = 0
		}
		if unknown >= maxUnknownInARow {
			return results, &Error{Provider: err.Provider, Op: err.Op, Retry: Unknown,
				Msg: fmt.Sprintf("stopped after %d answers in a row that leave the outcome unknown (the last: %s): check the provider, then send again for the rest of the list", unknown, err.Msg)}
		}
	}
	return results, nil
}

func (httpBulk) close() {}

// authFailure is the fatal rule of most APIs: 401 and 403 refuse every
// request that follows.
func authFailure(e *Error) bool { return e.Status == 401 || e.Status == 403 }
