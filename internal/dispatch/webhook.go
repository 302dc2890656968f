package dispatch

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// A generic JSON webhook signed with HMAC-SHA256, for anything without a
// provider of its own (an internal status system, a CMS banner). The
// payload and the signature are documented in docs/dispatch.md; receivers
// must deduplicate on the delivery id, which is why an unknown outcome is
// resent automatically.
//
// The URL is the receiver (https, or http on localhost); the secret is the
// shared signing key.
func init() {
	register(Provider{Name: "webhook", Dedup: true, Secret: "the shared HMAC-SHA256 signing key", open: openWebhook})
}

// Header names of the signed webhook.
const (
	HeaderDelivery  = "X-Crisis-Delivery"
	HeaderTimestamp = "X-Crisis-Timestamp"
	HeaderSignature = "X-Crisis-Signature"
)

type signedWebhook struct {
	cfg Config
	key Secret
	api httpAPI
}

func openWebhook(cfg Config, env Env) (Target, error) {
	if err := newOptions(cfg).err(); err != nil {
		return nil, err
	}
	if err := checkEndpoint(cfg.URL, "target "+cfg.Name+": url"); err != nil {
		return nil, err
	}
	key, err := resolveSecret(cfg, env)
	if err != nil {
		return nil, err
	}
	return &signedWebhook{cfg: cfg, key: key, api: newAPI("webhook", env, key.reveal())}, nil
}

// WebhookPayload is the JSON body of a signed webhook delivery.
type WebhookPayload struct {
	ID        string    `json:"id"` // the delivery id, also in X-Crisis-Delivery: the same on every retry
	Channel   string    `json:"channel"`
	Kind      string    `json:"kind"`
	Locale    string    `json:"locale"`
	Subject   string    `json:"subject,omitempty"`
	Text      string    `json:"text"`
	Drill     bool      `json:"drill"`
	CreatedAt time.Time `json:"created_at"`
}

// Sign returns the X-Crisis-Signature value for a body sent at a Unix
// time: "sha256=" and the hex HMAC-SHA256 of "TIMESTAMP.BODY" under key.
// Receivers compute the same and compare in constant time.
func Sign(key []byte, timestamp int64, body []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strconv.FormatInt(timestamp, 10)))
	m.Write([]byte("."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func (w *signedWebhook) Send(ctx context.Context, req Request) (Outcome, error) {
	if req.Key == "" {
		return notPosted("webhook", w.api.fail("post", 0, Refused, "the announcement has no key: receivers deduplicate on it"))
	}
	body, _ := json.Marshal(WebhookPayload{ID: req.Key, Channel: req.Channel, Kind: req.Kind, Locale: req.Locale,
		Subject: req.Subject, Text: req.Text, Drill: req.Drill, CreatedAt: req.At.UTC()})
	// The timestamp is that of the first attempt: a retry is the same
	// delivery, byte for byte, so a receiver that already has it can tell.
	ts := w.api.env.Now().Unix()
	h := http.Header{"Content-Type": {"application/json"}, HeaderDelivery: {req.Key},
		HeaderTimestamp: {strconv.FormatInt(ts, 10)}, HeaderSignature: {Sign([]byte(w.key.reveal()), ts, body)}}
	c := call{op: "post", method: http.MethodPost, url: w.cfg.URL, header: h, body: body, dedup: true}
	ans, err := w.api.do(ctx, c)
	if err != nil {
		return notPosted("webhook", err)
	}
	var a struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	}
	_ = json.Unmarshal(ans.body, &a) // the answer's body is optional
	if a.ID == "" {
		a.ID = req.Key
	}
	return posted("webhook", a.ID, a.URL)
}

func (w *signedWebhook) Check(context.Context) CheckReport {
	return CheckReport{Target: w.cfg.Name, Provider: "webhook",
		Verified:   []string{"secret resolved; receiver " + redactURL(w.cfg.URL)},
		Unverified: []string{"the receiver: the protocol has no call that does not deliver"}}
}
