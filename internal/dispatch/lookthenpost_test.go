package dispatch

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// An Env whose Retry.Attempts is 0 (built by hand, without the defaults
// Open fills in) makes one attempt, never none: the unknown end of that
// attempt is reported, where the loop used to end before any attempt and
// read the error of none (a nil pointer).
func TestLookThenPostWithoutAttempts(t *testing.T) {
	d := newDouble(t, exchange{method: "POST", path: "/post", status: 500, answer: "oops"})
	env := newTestEnv(nil)
	a := &httpAPI{provider: "test", env: env.Env} // Retry.Attempts 0
	looks := 0
	out, err := a.lookThenPost(context.Background(), lookThenPost{
		provider: "test",
		post:     jsonCall("post", d.srv.URL+"/post", map[string]any{"text": "x"}, nil),
		look: func(context.Context) (Outcome, bool, *Error) {
			looks++
			return Outcome{}, false, nil
		},
		made:  func(answer) (Outcome, bool) { return Outcome{}, false },
		check: "the feed",
	})
	checkNotPosted(t, out, err, Unknown)
	checkAttempts(t, d, env, 1, nil)
	if looks != 1 || !strings.Contains(err.Error(), "(check the feed before resending)") {
		t.Errorf("%d looks, error %v; want one look and the check named", looks, err)
	}
}

// Bluesky when a post's outcome stays unknown: every attempt first looks
// for the record at the key the post uses (getRecord), so no attempt
// posts over an earlier one; after the last attempt it does not look
// again (incident.io does), but says where to check, the post's own link,
// and hands the unknown back. The run then asks the operator, and a resend
// looks first: a record the last attempt did make is found and noted, never
// posted a second time.
func TestBlueskyUnknownOutcome(t *testing.T) {
	rkey := recordKey(sentAt, "20261123-014315-facebook-down/holding/bluesky/es")
	session := exchange{method: "POST", path: "/xrpc/com.atproto.server.createSession", answer: `{"accessJwt":"jwt-1","did":"did:plc:rio","handle":"rio.bsky.social"}`}
	notFound := exchange{method: "GET", path: "/xrpc/com.atproto.repo.getRecord?collection=app.bsky.feed.post&repo=did%3Aplc%3Ario&rkey=" + rkey,
		status: 400, answer: `{"error":"RecordNotFound","message":"Could not locate record"}`}
	found := notFound
	found.status, found.answer = http.StatusOK, `{"uri":"at://did:plc:rio/app.bsky.feed.post/`+rkey+`","cid":"bafy","value":{}}`
	failed := exchange{method: "POST", path: "/xrpc/com.atproto.repo.createRecord", header: map[string]string{"Authorization": "Bearer jwt-1"},
		status: 500, answer: `{"error":"InternalServerError"}`}
	cfg := Config{Name: "bsky", Provider: "bluesky", Secret: SecretRef{Env: "P"}, Options: map[string]string{"handle": "rio.bsky.social"}}

	// Four attempts, each a look and a post answered 500: nine requests
	// with the login, no tenth look.
	d := newDouble(t, session, notFound, failed, notFound, failed, notFound, failed, notFound, failed)
	env := newTestEnv(map[string]string{"P": "app-pass"})
	cfg.URL = d.srv.URL
	out, err := open(t, cfg, env).Send(context.Background(), post("bluesky", "bluesky"))
	checkNotPosted(t, out, err, Unknown, "app-pass", "jwt-1")
	checkAttempts(t, d, env, 9, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second})
	link := "https://bsky.app/profile/rio.bsky.social/post/" + rkey
	if !strings.Contains(err.Error(), "(check "+link+" before resending)") {
		t.Errorf("error %v; want it to name the post's link to check", err)
	}

	// The last 500 did post. Sent again: the look finds the record, and
	// nothing is posted.
	d2 := newDouble(t, session, found)
	cfg.URL = d2.srv.URL
	out, err = open(t, cfg, env).Send(context.Background(), post("bluesky", "bluesky"))
	if err != nil || out.Delivered != 1 || out.ID != "at://did:plc:rio/app.bsky.feed.post/"+rkey || d2.requests() != 2 ||
		len(out.Notes) != 1 || !strings.Contains(out.Notes[0], "not posted again") {
		t.Fatalf("resend: %+v, %v, %d requests; want the record found and noted, not posted", out, err, d2.requests())
	}
}
