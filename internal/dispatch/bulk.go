package dispatch

import (
	"context"
	"sync"
)

// bulk is the engine behind every provider that sends one message per
// recipient of a list (e-mail, SMS, WhatsApp): the list is streamed into
// batches, a few workers send them at once, and each batch is reported to
// Request.OnBatch as it is acknowledged. Memory stays constant: at most
// 2 x parallel batches exist at any time.
type bulk struct {
	provider  string
	list      RecipientList
	kind      addressKind
	parallel  int
	batchSize int
	// open starts one worker's sender (an SMTP connection, an HTTP
	// client); it is called once per worker, on its first batch.
	open func(ctx context.Context) (batchSender, *Error)
}

// batchSender sends one batch and says, for every recipient, what
// happened. A non-nil error stops the whole send (the relay refuses our
// login, the account is suspended): nothing more can go out.
type batchSender interface {
	send(ctx context.Context, a Announcement, to []recipient) ([]result, *Error)
	close()
}

type recipient struct {
	addr string
	line int
}

type result struct {
	id        string
	err       *Error
	attempted bool   // false: not tried (the send stopped first); never settled
	note      string // worth journaling, not a failure (a segment count that differs)
}

type job struct {
	seq                 int
	firstLine, lastLine int
	endIndex            int // data rows before the end of this batch
	to                  []recipient
	failed              []Failure // malformed rows
	optedOut, done      int
}

type jobDone struct {
	job
	results  []result
	fatal    *Error
	intended bool // BeforeBatch journaled it: it must be acknowledged, even with nothing attempted
}

const defaultBatch = 100

func (b bulk) run(ctx context.Context, req Request) (Outcome, error) {
	out := Outcome{Provider: b.provider, Settled: req.Resume.SkipFirst}
	if b.parallel <= 0 {
		b.parallel = 4
	}
	if b.batchSize <= 0 {
		b.batchSize = defaultBatch
	}
	stopCtx, stop := context.WithCancel(ctx)
	defer stop()
	jobs := make(chan job, b.parallel)
	dones := make(chan jobDone, b.parallel)
	var readErr error
	skipped := 0
	go func() {
		defer close(jobs)
		skipped, readErr = b.read(stopCtx, req.Resume, jobs)
	}()
	var intentMu sync.Mutex
	intent := func(j job) error {
		if req.BeforeBatch == nil {
			return nil
		}
		intentMu.Lock()
		defer intentMu.Unlock()
		return req.BeforeBatch(Batch{Seq: j.seq, FirstLine: j.firstLine, LastLine: j.lastLine})
	}
	var wg sync.WaitGroup
	for range b.parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.work(stopCtx, stop, req.Announcement, intent, jobs, dones)
		}()
	}
	go func() { wg.Wait(); close(dones) }()

	var firstErr error
	watermark := newWatermark(req.Resume.SkipFirst)
	for d := range dones {
		batch, complete := b.account(&out, d)
		if d.fatal != nil && firstErr == nil {
			firstErr = d.fatal
			stop()
		}
		batch.Settled = watermark.done(d.seq, d.endIndex, complete)
		batch.Complete = complete
		out.Settled = batch.Settled
		// After a stop, batches still in flight are reported when they
		// delivered or failed anything, or had their intent journaled
		// (the stop came before they sent anything: their rows are not in
		// doubt, and a resumed send sends them).
		if req.OnBatch != nil && (firstErr == nil || d.intended || len(batch.Delivered) > 0 || len(batch.Failed) > 0) {
			if err := req.OnBatch(batch); err != nil && firstErr == nil {
				firstErr = err
				stop()
			}
		}
	}
	out.AlreadyDone += skipped
	if firstErr == nil && readErr != nil && ctx.Err() == nil {
		firstErr = readErr
	}
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	return out, firstErr
}

// account adds a finished batch to the outcome and builds its report.
func (b bulk) account(out *Outcome, d jobDone) (Batch, bool) {
	batch := Batch{Seq: d.seq, FirstLine: d.firstLine, LastLine: d.lastLine, Failed: d.failed}
	complete := true
	for i, r := range d.results {
		rc := d.to[i]
		switch {
		case !r.attempted:
			complete = false
		case r.err != nil:
			batch.Failed = append(batch.Failed, Failure{Recipient: rc.addr, Line: rc.line, Err: r.err})
		default:
			batch.Delivered = append(batch.Delivered, Delivery{Recipient: rc.addr, Line: rc.line, ID: r.id})
		}
		if r.note != "" {
			out.note(r.note)
		}
	}
	if len(d.results) < len(d.to) {
		complete = false
	}
	for _, f := range batch.Failed {
		out.fail(f)
	}
	out.Delivered += len(batch.Delivered)
	out.OptedOut += d.optedOut
	out.AlreadyDone += d.done
	return batch, complete
}

// read streams the list into jobs. Rows before SkipFirst were settled by
// an earlier attempt; they are still read (so duplicates are judged the
// same way) but not batched.
func (b bulk) read(ctx context.Context, resume Resume, jobs chan<- job) (skipped int, err error) {
	var cur job
	seq := 0
	rows := 0
	flush := func() bool {
		if rows == 0 {
			return true
		}
		cur.seq = seq
		seq++
		select {
		case jobs <- cur:
		case <-ctx.Done():
			return false
		}
		cur, rows = job{}, 0
		return true
	}
	err = b.list.stream(b.kind, func(r row) error {
		if r.index < resume.SkipFirst {
			skipped++
			return nil
		}
		if rows == 0 {
			cur.firstLine = r.line
		}
		rows++
		cur.lastLine, cur.endIndex = r.line, r.index+1
		switch {
		case r.err != nil:
			cur.failed = append(cur.failed, Failure{Line: r.line, Err: r.err})
		case r.optOut:
			cur.optedOut++
		case resume.Done != nil && resume.Done(r.line, r.addr):
			cur.done++
		default:
			cur.to = append(cur.to, recipient{addr: r.addr, line: r.line})
		}
		if rows >= b.batchSize && !flush() {
			return ctx.Err()
		}
		return ctx.Err()
	})
	if err == nil {
		flush()
	}
	return skipped, err
}

// work sends jobs until there are none or the send stops; a job that
// arrives after the stop comes back unattempted, so it is not settled.
func (b bulk) work(ctx context.Context, stop func(), a Announcement, intent func(job) error, jobs <-chan job, dones chan<- jobDone) {
	var s batchSender
	defer func() {
		if s != nil {
			s.close()
		}
	}()
	for j := range jobs {
		d := jobDone{job: j}
		if len(j.to) > 0 && ctx.Err() == nil {
			if err := intent(j); err != nil {
				d.fatal = &Error{Provider: b.provider, Op: "journal", Msg: err.Error(), Retry: Safe}
			} else {
				d.intended = true
				if s == nil {
					s, d.fatal = b.open(ctx)
				}
			}
			if d.fatal == nil {
				d.results, d.fatal = s.send(ctx, a, j.to)
			}
		}
		if d.fatal != nil {
			stop() // at once: no worker starts another batch meanwhile
		}
		dones <- d
	}
}

// watermark tracks the settled prefix of the list: batches finish out of
// order, and the prefix moves only through complete batches, in order.
type watermark struct {
	next    int
	settled int
	ends    map[int]int // seq -> end index (-1: incomplete) not yet in the prefix
}

func newWatermark(start int) *watermark {
	return &watermark{settled: start, ends: map[int]int{}}
}

func (w *watermark) done(seq, end int, complete bool) int {
	if !complete {
		w.ends[seq] = -1
	} else {
		w.ends[seq] = end
	}
	for {
		e, ok := w.ends[w.next]
		if !ok || e < 0 {
			break
		}
		delete(w.ends, w.next)
		w.settled = e
		w.next++
	}
	return w.settled
}
