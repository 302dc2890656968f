package dispatch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func slackTarget(t *testing.T, d *double, env *testEnv) Target {
	return open(t, Config{Name: "slack-staff", Provider: "slack", Secret: SecretRef{Env: "HOOK"}}, withSecret(env, "HOOK", d.srv.URL+"/services/T1/B1/sekrit-token"))
}

func withSecret(env *testEnv, k, v string) *testEnv {
	prev := env.LookupEnv
	env.LookupEnv = func(name string) (string, bool) {
		if name == k {
			return v, true
		}
		return prev(name)
	}
	return env
}

func mastodonTarget(t *testing.T, d *double, env *testEnv) Target {
	return open(t, Config{Name: "mastodon", Provider: "mastodon", URL: d.srv.URL, Secret: SecretRef{Env: "TOKEN"}}, withSecret(env, "TOKEN", "mastodon-token-1"))
}

func telegramTarget(t *testing.T, d *double, env *testEnv) Target {
	return open(t, Config{Name: "telegram-channel", Provider: "telegram", URL: d.srv.URL, Secret: SecretRef{Env: "TOKEN"},
		Options: map[string]string{"chat_id": "@rioverde_avisos"}}, withSecret(env, "TOKEN", "123456:ABC-DEF1234"))
}

const slackPath = "/services/T1/B1/sekrit-token"
const tgPath = "/bot123456:ABC-DEF1234/sendMessage"
const tgOK = `{"ok":true,"result":{"message_id":7}}`

func asError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *Error", err)
	}
	return e
}

// checkNotPosted checks a send the provider did not take: an *Error of
// the class retry, no recipient reached and the one counted failed, and
// none of the secrets in the error or the outcome.
func checkNotPosted(t *testing.T, out Outcome, err error, retry Retry, secrets ...string) {
	t.Helper()
	e := asError(t, err)
	if e.Retry != retry || out.Delivered != 0 || out.FailedCount != 1 {
		t.Errorf("error %v: retry %v, want %v (delivered %d, failed %d)", e, e.Retry, retry, out.Delivered, out.FailedCount)
	}
	for _, secret := range secrets {
		if strings.Contains(err.Error(), secret) || strings.Contains(fmt.Sprintf("%+v", out), secret) {
			t.Errorf("the secret leaked: %v", err)
		}
	}
}

// checkAttempts checks what a scripted send asked of the double: that many
// requests, with the target sleeping the waits listed between them.
func checkAttempts(t *testing.T, d *double, env *testEnv, requests int, slept []time.Duration) {
	t.Helper()
	if d.requests() != requests {
		t.Errorf("%d requests, want %d", d.requests(), requests)
	}
	if fmt.Sprint(env.slept) != fmt.Sprint(slept) {
		t.Errorf("slept %v, want %v", env.slept, slept)
	}
}

func TestFaults(t *testing.T) {
	cases := []struct {
		name     string
		target   func(*testing.T, *double, *testEnv) Target
		script   []exchange
		posted   bool
		retry    Retry // when not posted
		slept    []time.Duration
		requests int
	}{
		{"slack 429 waits for Retry-After, then posts once", slackTarget,
			[]exchange{{method: "POST", path: slackPath, status: 429, headers: map[string]string{"Retry-After": "7"}, answer: "rate_limited"},
				{method: "POST", path: slackPath, answer: "ok"}}, true, 0, []time.Duration{7 * time.Second}, 2},
		{"slack 500 may have posted: not retried", slackTarget,
			[]exchange{{method: "POST", path: slackPath, status: 500, answer: "rollup_error"}}, false, Unknown, nil, 1},
		{"slack 404 is refused", slackTarget,
			[]exchange{{method: "POST", path: slackPath, status: 404, answer: "channel_not_found"}}, false, Refused, nil, 1},
		{"slack reset after the request was read: unknown, not retried", slackTarget,
			[]exchange{{method: "POST", path: slackPath, fault: "reset"}}, false, Unknown, nil, 1},
		{"slack answering garbage: unknown", slackTarget,
			[]exchange{{method: "POST", path: slackPath, answer: "<html>maintenance</html>"}}, false, Unknown, nil, 1},
		{"telegram timeout: unknown, not retried", telegramTarget,
			[]exchange{{method: "POST", path: tgPath, fault: "hang"}}, false, Unknown, nil, 1},
		{"telegram flood control waits parameters.retry_after", telegramTarget,
			[]exchange{{method: "POST", path: tgPath, status: 429, answer: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}`},
				{method: "POST", path: tgPath, answer: tgOK}}, true, 0, []time.Duration{3 * time.Second}, 2},
		{"telegram 200 with garbage: unknown", telegramTarget,
			[]exchange{{method: "POST", path: tgPath, answer: `<html>502 Bad Gateway</html>`}}, false, Unknown, nil, 1},
		{"telegram 429 longer than MaxWait is handed back", telegramTarget,
			[]exchange{{method: "POST", path: tgPath, status: 429, answer: `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3600","parameters":{"retry_after":3600}}`}},
			false, Safe, nil, 1},
		{"mastodon 502 with an Idempotency-Key is retried with backoff", mastodonTarget,
			[]exchange{{method: "POST", path: "/api/v1/statuses", status: 502, answer: "bad gateway"},
				{method: "POST", path: "/api/v1/statuses", answer: `{"id":"1"}`}}, true, 0, []time.Duration{500 * time.Millisecond}, 2},
		{"mastodon reset after the request was read is retried: the key makes it safe", mastodonTarget,
			[]exchange{{method: "POST", path: "/api/v1/statuses", fault: "reset"},
				{method: "POST", path: "/api/v1/statuses", answer: `{"id":"1"}`}}, true, 0, []time.Duration{500 * time.Millisecond}, 2},
		{"mastodon 5xx four times: gives up, safe to retry later", mastodonTarget,
			[]exchange{{method: "POST", path: "/api/v1/statuses", status: 503}, {method: "POST", path: "/api/v1/statuses", status: 503},
				{method: "POST", path: "/api/v1/statuses", status: 503}, {method: "POST", path: "/api/v1/statuses", status: 503}},
			false, Safe, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDouble(t, c.script...)
			env := newTestEnv(nil)
			target := c.target(t, d, env)
			out, err := target.Send(context.Background(), post("x", "x"))
			if c.posted {
				if err != nil || out.Delivered != 1 {
					t.Fatalf("not posted: %v", err)
				}
			} else {
				checkNotPosted(t, out, err, c.retry, "sekrit-token", "ABC-DEF1234", "mastodon-token-1")
			}
			checkAttempts(t, d, env, c.requests, c.slept)
			if c.name == "mastodon reset after the request was read is retried: the key makes it safe" &&
				d.got[0].Header.Get("Idempotency-Key") != d.got[1].Header.Get("Idempotency-Key") {
				t.Errorf("the retry carried another Idempotency-Key")
			}
		})
	}
}

func TestUnreachableProviderIsSafeAndQuotesNoSecret(t *testing.T) {
	d := newDouble(t)
	d.srv.Close() // nothing listens: the request never leaves
	env := newTestEnv(nil)
	_, err := telegramTarget(t, d, env).Send(context.Background(), post("x", "x"))
	e := asError(t, err)
	if e.Retry != Safe || strings.Contains(e.Error(), "ABC-DEF1234") || len(env.slept) != 3 {
		t.Errorf("error %q (slept %v): want safe, after 4 attempts, without the token", e, env.slept)
	}
}

func TestTwilioRefusedCredentialsStopTheWholeSend(t *testing.T) {
	d := newDouble(t, exchange{method: "POST", path: "/2010-04-01/Accounts/AC123/Messages.json", status: 401,
		answer: `{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}`})
	list := writeList(t, "phone\n+34600100001\n+34600100002\n+34600100003\n")
	env := newTestEnv(map[string]string{"T": "bad-token"})
	target := open(t, Config{Name: "sms", Provider: "twilio", URL: d.srv.URL, Secret: SecretRef{Env: "T"}, Parallel: 1,
		Options: map[string]string{"account_sid": "AC123", "messaging_service_sid": "MG1"}, Recipients: &RecipientList{Path: list}}, env)
	var batches []Batch
	out, err := target.Send(context.Background(), Request{Announcement: Announcement{Text: "x"}, OnBatch: func(b Batch) error { batches = append(batches, b); return nil }})
	e := asError(t, err)
	if e.Status != 401 || e.Code != "20003" || out.Delivered != 0 || out.Settled != 0 || d.requests() != 1 {
		t.Errorf("err %v, delivered %d, settled %d, requests %d; want 401 after one request, nothing settled", e, out.Delivered, out.Settled, d.requests())
	}
}

func TestBlueskyRetryFindsTheRecordInsteadOfPostingAgain(t *testing.T) {
	rkey := recordKey(sentAt, "20261123-014315-facebook-down/holding/bluesky/es")
	get := exchange{method: "GET", path: "/xrpc/com.atproto.repo.getRecord?collection=app.bsky.feed.post&repo=did%3Aplc%3Ario&rkey=" + rkey}
	notFound, found := get, get
	notFound.status, notFound.answer = 400, `{"error":"RecordNotFound","message":"Could not locate record"}`
	found.answer = `{"uri":"at://did:plc:rio/app.bsky.feed.post/` + rkey + `","cid":"bafy","value":{}}`
	session := exchange{method: "POST", path: "/xrpc/com.atproto.server.createSession", answer: `{"accessJwt":"jwt-1","did":"did:plc:rio","handle":"rio.bsky.social"}`}
	create := exchange{method: "POST", path: "/xrpc/com.atproto.repo.createRecord", fault: "reset"}
	d := newDouble(t, session, notFound, create, found)
	env := newTestEnv(map[string]string{"P": "app-pass"})
	target := open(t, Config{Name: "bsky", Provider: "bluesky", URL: d.srv.URL, Secret: SecretRef{Env: "P"}, Options: map[string]string{"handle": "rio.bsky.social"}}, env)
	out, err := target.Send(context.Background(), post("bluesky", "bluesky"))
	if err != nil || out.Delivered != 1 || d.requests() != 4 {
		t.Fatalf("outcome %+v, %v, %d requests", out, err, d.requests())
	}
	// Sent again later (a resume): the record is there, nothing is posted.
	d2 := newDouble(t, session, found)
	target = open(t, Config{Name: "bsky", Provider: "bluesky", URL: d2.srv.URL, Secret: SecretRef{Env: "P"}, Options: map[string]string{"handle": "rio.bsky.social"}}, env)
	out, err = target.Send(context.Background(), post("bluesky", "bluesky"))
	if err != nil || out.Delivered != 1 || len(out.Notes) != 1 || d2.requests() != 2 {
		t.Fatalf("resend: %+v, %v", out, err)
	}
}

func TestProviderSpecificRateLimits(t *testing.T) {
	t.Run("discord 429 with retry_after in the JSON body", func(t *testing.T) {
		d := newDouble(t,
			exchange{method: "POST", path: "/api/webhooks/1/t?wait=true", status: 429, headers: map[string]string{"Retry-After": "2"},
				answer: `{"message":"You are being rate limited.","retry_after":1.5,"global":false}`},
			exchange{method: "POST", path: "/api/webhooks/1/t?wait=true", answer: `{"id":"5"}`})
		env := newTestEnv(map[string]string{"HOOK": d.srv.URL + "/api/webhooks/1/t"})
		out, err := open(t, Config{Name: "d", Provider: "discord", Secret: SecretRef{Env: "HOOK"}}, env).Send(context.Background(), post("d", "discord"))
		if err != nil || out.ID != "5" || fmt.Sprint(env.slept) != "[1.5s]" {
			t.Errorf("outcome %+v, %v, slept %v; want posted after 1.5s", out, err, env.slept)
		}
	})
	t.Run("whatsapp throughput limit (code 130429) is retried, one message", func(t *testing.T) {
		path := "/v23.0/1065/messages"
		d := newDouble(t,
			exchange{method: "POST", path: path, status: 400, answer: `{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"A"}}`},
			exchange{method: "POST", path: path, answer: `{"messaging_product":"whatsapp","messages":[{"id":"wamid.1"}]}`})
		env := newTestEnv(map[string]string{"WA": "wa-token"})
		target := open(t, Config{Name: "wa", Provider: "whatsapp", URL: d.srv.URL + "/v23.0", Secret: SecretRef{Env: "WA"},
			Options: map[string]string{"phone_number_id": "1065"}, Recipients: &RecipientList{Path: writeList(t, "phone\n+34600100003\n")}}, env)
		out, err := target.Send(context.Background(), Request{Announcement: Announcement{Template: &Template{Name: "holding", Language: "es"}}})
		if err != nil || out.Delivered != 1 || d.requests() != 2 {
			t.Errorf("outcome %+v, %v, %d requests", out, err, d.requests())
		}
	})
	t.Run("whatsapp without a template is refused before any request", func(t *testing.T) {
		d := newDouble(t)
		env := newTestEnv(map[string]string{"WA": "wa-token"})
		target := open(t, Config{Name: "wa", Provider: "whatsapp", URL: d.srv.URL, Secret: SecretRef{Env: "WA"},
			Options: map[string]string{"phone_number_id": "1065"}, Recipients: &RecipientList{Path: writeList(t, "phone\n+34600100003\n")}}, env)
		_, err := target.Send(context.Background(), Request{Announcement: Announcement{Text: "free text"}})
		if e := asError(t, err); e.Retry != Refused || d.requests() != 0 {
			t.Errorf("%v", e)
		}
	})
	t.Run("twilio 429 in a bulk send waits and sends once", func(t *testing.T) {
		path := "/2010-04-01/Accounts/AC1/Messages.json"
		d := newDouble(t,
			exchange{method: "POST", path: path, status: 429, headers: map[string]string{"Retry-After": "4"}, answer: `{"code":20429,"message":"Too Many Requests","status":429}`},
			exchange{method: "POST", path: path, status: 201, answer: `{"sid":"SM1","num_segments":"1"}`})
		env := newTestEnv(map[string]string{"T": "tok"})
		target := open(t, Config{Name: "sms", Provider: "twilio", URL: d.srv.URL, Secret: SecretRef{Env: "T"},
			Options: map[string]string{"account_sid": "AC1", "messaging_service_sid": "MG1"}, Recipients: &RecipientList{Path: writeList(t, "phone\n+34600100003\n")}}, env)
		out, err := target.Send(context.Background(), Request{Announcement: Announcement{Text: "Aviso"}})
		if err != nil || out.Delivered != 1 || len(out.Notes) != 0 || fmt.Sprint(env.slept) != "[4s]" {
			t.Errorf("outcome %+v, %v, slept %v", out, err, env.slept)
		}
	})
}
