package dispatch

import "context"

// lookThenPost is a post to an API that takes no idempotency key but can
// be asked what it holds (Bluesky's record at a key we choose, the updates
// on an incident.io incident): each attempt first looks for the post an
// earlier attempt may have made before its answer was lost, so a retry
// never posts twice. A refusal is final; anything else is retried as the
// retry policy allows.
type lookThenPost struct {
	provider string
	post     call
	// look finds the post already made: its outcome, and whether it is there.
	look func(ctx context.Context) (Outcome, bool, *Error)
	// made reads the post's answer: its outcome, or false when the answer
	// does not say what was made.
	made func(answer) (Outcome, bool)
	// already is the note when the first look finds the post: not posted again.
	already string
	// unreadable names what an answer made cannot read lacks.
	unreadable string
	// lookLast looks once more after the last attempt ended unknown, as
	// that attempt may have posted.
	lookLast bool
	// check is what to check before resending after an unknown end.
	check string
}

func (a *httpAPI) lookThenPost(ctx context.Context, p lookThenPost) (Outcome, error) {
	var last *Error
	// At least one attempt, whatever Retry.Attempts says (an Env built
	// without withDefaults may hold 0): backoff alone ends the loop, as in
	// do, so last is always the error of an attempt made.
	for attempt := 1; ; attempt++ {
		o, found, err := p.look(ctx)
		if err != nil {
			return notPosted(p.provider, err)
		}
		if found {
			if attempt == 1 {
				o.Notes = append(o.Notes, p.already)
			}
			return o, nil
		}
		ans, err := a.once(ctx, p.post)
		if err == nil {
			if o, ok := p.made(ans); ok {
				return o, nil
			}
			// An answer we cannot read: the lookup says what happened.
			err = a.fail(p.post.op, ans.status, Unknown, "%s: %s", p.unreadable, excerpt(ans.body))
		}
		if err.Retry == Refused {
			return notPosted(p.provider, err)
		}
		last = err
		if !a.backoff(ctx, err, attempt) {
			break
		}
	}
	if last.Retry == Unknown {
		if p.lookLast {
			if o, found, err := p.look(ctx); err == nil && found {
				return o, nil
			}
		}
		last.Msg += " (check " + p.check + " before resending)"
	}
	return notPosted(p.provider, last)
}

// postFound is what a look returns: the post's outcome when it is there.
func postFound(found bool, err *Error, provider, id, link string) (Outcome, bool, *Error) {
	if err != nil || !found {
		return Outcome{}, false, err
	}
	o, _ := posted(provider, id, link)
	return o, true, nil
}
