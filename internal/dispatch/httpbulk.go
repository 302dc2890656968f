package dispatch

import "context"

// httpBulk is the batch sender of a bulk provider over HTTP (Twilio,
// WhatsApp): one request per recipient, in order; the bulk engine runs
// several at once.
type httpBulk struct {
	sendOne func(ctx context.Context, a Announcement, to string) (id, note string, err *Error)
	// fatal says an error stops the whole send: a refused credential or a
	// suspended account fails every recipient the same way.
	fatal func(*Error) bool
}

func (h httpBulk) send(ctx context.Context, a Announcement, to []recipient) ([]result, *Error) {
	results := make([]result, 0, len(to))
	for _, r := range to {
		if ctx.Err() != nil {
			break // the rest stay unattempted, so the batch is not settled
		}
		id, note, err := h.sendOne(ctx, a, r.addr)
		if err != nil && h.fatal(err) {
			return results, err
		}
		results = append(results, result{attempted: true, id: id, err: err, note: note})
	}
	return results, nil
}

func (httpBulk) close() {}

// authFailure is the fatal rule of most APIs: 401 and 403 refuse every
// request that follows.
func authFailure(e *Error) bool { return e.Status == 401 || e.Status == 403 }
