package dispatch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// httpAPI is what every HTTP adapter shares: one request with retries on
// what is safe to retry, errors classified and scrubbed.
type httpAPI struct {
	provider string
	env      Env
	scrub    scrubber
	// classify turns a non-2xx answer into an error; nil uses
	// classifyHTTP. Providers whose documented rate-limit answer is not
	// a plain 429 with Retry-After (Telegram, Discord) supply their own.
	classify func(status int, h http.Header, body []byte) *Error
}

// call is one HTTP request. The body is bytes so it can be sent again.
type call struct {
	op     string
	method string
	url    string
	header http.Header
	body   []byte
	// dedup: the provider recognises this exact request if it comes again
	// (an Idempotency-Key, a fixed record key), so an unknown outcome is
	// safe to retry.
	dedup bool
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

// maxAnswer bounds how much of an answer is read: every documented answer
// is a few kilobytes, and a garbage answer must not fill memory.
const maxAnswer = 1 << 20

// do sends c, retrying with backoff while the error is safe to retry and
// attempts remain. A 429's Retry-After is honoured up to Retry.MaxWait.
func (a *httpAPI) do(ctx context.Context, c call) (answer, *Error) {
	for attempt := 1; ; attempt++ {
		ans, err := a.once(ctx, c)
		if err == nil {
			return ans, nil
		}
		if c.dedup && err.Retry == Unknown {
			err.Retry = Safe
		}
		if err.Retry != Safe || ctx.Err() != nil || !a.backoff(ctx, err, attempt) {
			return ans, err
		}
	}
}

// backoff waits before the attempt after this one failed with err: the
// provider's Retry-After, else the base doubled per attempt. It reports
// false, without waiting, when no attempt is left or the wait is longer
// than Retry.MaxWait, and false when ctx ends while waiting.
func (a *httpAPI) backoff(ctx context.Context, err *Error, attempt int) bool {
	if attempt >= a.env.Retry.Attempts {
		return false
	}
	wait := err.RetryAfter
	if wait == 0 {
		wait = a.env.Retry.Base << (attempt - 1)
	}
	return wait <= a.env.Retry.MaxWait && a.env.Sleep(ctx, wait) == nil
}

func (a *httpAPI) once(ctx context.Context, c call) (answer, *Error) {
	wrote := false
	trace := &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) { wrote = wrote || i.Err == nil }}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), c.method, c.url, bytes.NewReader(c.body))
	if err != nil {
		return answer{}, a.fail(c.op, 0, Refused, "bad request: %s", a.transport(err))
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	resp, err := a.env.HTTP.Do(req)
	if err != nil {
		// Nothing reached the provider unless the whole request was
		// written; after that, a timeout or a reset says nothing about
		// whether it acted.
		r := Safe
		if wrote {
			r = Unknown
		}
		return answer{}, a.fail(c.op, 0, r, "%s", a.transport(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	ans := answer{status: resp.StatusCode, header: resp.Header, body: body}
	if resp.StatusCode/100 == 2 {
		if err != nil {
			return ans, a.fail(c.op, resp.StatusCode, Unknown, "the answer was cut: %s", a.transport(err))
		}
		return ans, nil
	}
	classify := a.classify
	if classify == nil {
		classify = a.classifyHTTP
	}
	e := classify(resp.StatusCode, resp.Header, body)
	e.Provider, e.Op, e.Msg = a.provider, c.op, a.scrub.scrub(e.Msg)
	return ans, e
}

// classifyHTTP is the rule most providers document: 429 means nothing was
// done (wait for Retry-After), other 4xx are refusals, 5xx may or may not
// have acted.
func (a *httpAPI) classifyHTTP(status int, h http.Header, body []byte) *Error {
	e := &Error{Status: status, Msg: excerpt(body), Retry: Refused}
	switch {
	case status == http.StatusTooManyRequests:
		e.Retry, e.RetryAfter = Safe, retryAfter(h.Get("Retry-After"), a.env.Now())
	case status >= 500:
		e.Retry = Unknown
	}
	return e
}

func (a *httpAPI) fail(op string, status int, r Retry, format string, args ...any) *Error {
	return &Error{Provider: a.provider, Op: op, Status: status, Retry: r, Msg: a.scrub.scrub(fmt.Sprintf(format, args...))}
}

// transport describes a transport error without the request URL: webhook
// and Telegram URLs embed their token, and *url.Error quotes the URL.
func (a *httpAPI) transport(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return "no answer in time: " + a.scrub.scrub(err.Error())
	}
	return a.scrub.scrub(err.Error())
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// decode reads a 2xx answer. An answer that is not the documented JSON
// leaves the outcome unknown: the provider said yes, but to what is not
// known.
func (a *httpAPI) decode(op string, ans answer, v any) *Error {
	if err := json.Unmarshal(ans.body, v); err != nil {
		return a.fail(op, ans.status, Unknown, "the answer is not the JSON the provider documents (%v): %s", err, excerpt(ans.body))
	}
	return nil
}

// retryAfter parses a Retry-After header: delay-seconds or an HTTP date
// (RFC 9110 s10.2.3).
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// excerpt is a short, single-line, valid UTF-8 quote of an answer body.
func excerpt(b []byte) string {
	const max = 200
	s := strings.Join(strings.Fields(strings.ToValidUTF8(string(b), "?")), " ")
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}

// jsonCall builds a POST of a JSON body.
func jsonCall(op, u string, v any, header http.Header) call {
	body, _ := json.Marshal(v) // only maps, slices and strings: cannot fail
	if header == nil {
		header = http.Header{}
	}
	header.Set("Content-Type", "application/json")
	return call{op: op, method: http.MethodPost, url: u, header: header, body: body}
}

// bearer is an Authorization header with a bearer token.
func bearer(token string) http.Header {
	return http.Header{"Authorization": {"Bearer " + token}}
}

// redactURL keeps only the scheme and host of a URL whose path or query
// holds a token, for messages.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "[url]"
	}
	return u.Scheme + "://" + u.Host + "/..."
}

func jsonUnmarshal(b []byte, v any) bool { return json.Unmarshal(b, v) == nil }

// decodeMade reads a 2xx answer that must name what was made (made reports
// whether it does); an answer that does not leaves the outcome unknown.
func (a *httpAPI) decodeMade(op string, ans answer, v any, what string, made func() bool) *Error {
	if err := a.decode(op, ans, v); err != nil {
		return err
	}
	if !made() {
		return a.fail(op, ans.status, Unknown, "the answer has no %s: %s", what, excerpt(ans.body))
	}
	return nil
}

// get reads a resource for a check. The answer must name what a check
// verifies (found reports whether it does): a proxy's page or a stray
// "{}" is not the provider saying yes.
func (a *httpAPI) get(ctx context.Context, op, u string, h http.Header, v any, what string, found func() bool) *Error {
	return a.doMade(ctx, call{op: op, method: http.MethodGet, url: u, header: h}, v, what, found)
}

// doMade makes the call and reads its answer into v with decodeMade: what
// a post, a send or a read that must name what it made or found shares.
func (a *httpAPI) doMade(ctx context.Context, c call, v any, what string, made func() bool) *Error {
	ans, err := a.do(ctx, c)
	if err != nil {
		return err
	}
	return a.decodeMade(c.op, ans, v, what, made)
}
