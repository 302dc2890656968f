package dispatch

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/crisis-cli/crisis/internal/channel"
)

// SMS through Twilio Programmable Messaging, one message per recipient
// from a Messaging Service, on net/http: creating a message is one form
// POST (twilio.com/docs/messaging/api/message-resource), and
// github.com/twilio/twilio-go generates clients for every Twilio product,
// a large module for that one call.
//
// Options: account_sid (AC...), messaging_service_sid (MG...), api_key
// (SK..., optional: when set the secret is the API key's secret, else the
// account's auth token).
func init() {
	register(Provider{Name: "twilio", Kinds: []string{"sms"}, Bulk: true, address: phoneAddress, Secret: "the auth token, or an API key's secret with option api_key", open: openTwilio})
}

type twilio struct {
	apiTarget
	account, service string
	user             string
}

func openTwilio(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	t := &twilio{}
	t.account = o.need("account_sid", "the account, AC...")
	t.service = o.need("messaging_service_sid", "the Messaging Service that picks the sender, MG...")
	t.user = o.get("api_key", t.account)
	at, err := openAPI(cfg, env, o, "twilio", "https://api.twilio.com")
	if err != nil {
		return nil, err
	}
	t.apiTarget = at
	t.api.classify = t.classify
	return t, nil
}

func (t *twilio) auth() http.Header {
	return http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte(t.user+":"+t.secret.reveal()))}}
}

// classify reads Twilio's error body ({"code", "message", "more_info",
// "status"}): 429 (code 20429) is safe after a wait, 4xx are refusals,
// 5xx may have created the message.
func (t *twilio) classify(status int, h http.Header, body []byte) *Error {
	e := t.api.classifyHTTP(status, h, body)
	var te struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &te) == nil && te.Message != "" {
		e.Msg, e.Code = te.Message, strconv.Itoa(te.Code)
	}
	return e
}

func (t *twilio) Send(ctx context.Context, req Request) (Outcome, error) {
	ours := len(channel.SMSSegments(req.Text))
	b := bulk{provider: "twilio", list: *t.cfg.Recipients, kind: phoneAddress, parallel: t.cfg.Parallel, batchSize: t.cfg.Batch,
		open: func(context.Context) (batchSender, *Error) {
			return httpBulk{sendOne: func(ctx context.Context, a Announcement, to string) (string, string, *Error) {
				return t.sendOne(ctx, a, to, ours)
			}, fatal: authFailure}, nil
		}}
	return b.run(ctx, req)
}

func (t *twilio) sendOne(ctx context.Context, a Announcement, to string, ours int) (id, note string, e *Error) {
	form := url.Values{"To": {to}, "MessagingServiceSid": {t.service}, "Body": {a.Text}}
	h := t.auth()
	h.Set("Content-Type", "application/x-www-form-urlencoded")
	c := call{op: "send", method: http.MethodPost, url: t.base + "/2010-04-01/Accounts/" + url.PathEscape(t.account) + "/Messages.json", header: h, body: []byte(form.Encode())}
	var m struct {
		SID         string `json:"sid"`
		NumSegments string `json:"num_segments"`
	}
	if err := t.api.doMade(ctx, c, &m, "message sid", func() bool { return m.SID != "" }); err != nil {
		return "", "", err
	}
	// Twilio documents num_segments as "0" until a Messaging Service has
	// picked the sender; a number is compared with our own measure.
	if n, err := strconv.Atoi(m.NumSegments); err == nil && n != 0 && n != ours {
		note = fmt.Sprintf("Twilio counted %d SMS segments where we measured %d: check the text's encoding", n, ours)
	}
	return m.SID, note, nil
}

// Check fetches the account (GET .../Accounts/SID.json), which proves the
// credentials and says whether the account is active, then reads the
// recipient list through. Nothing is sent.
func (t *twilio) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: t.cfg.Name, Provider: "twilio",
		Unverified: []string{"the Messaging Service " + t.service + " and its senders (only a sent message shows them)"}}
	var acct struct {
		Status       string `json:"status"`
		FriendlyName string `json:"friendly_name"`
	}
	err := t.api.get(ctx, "check", t.base+"/2010-04-01/Accounts/"+url.PathEscape(t.account)+".json", t.auth(), &acct, "account status", func() bool { return acct.Status != "" })
	if err == nil && acct.Status != "active" {
		err = t.api.fail("check", http.StatusOK, Refused, "account %s is %s, not active", t.account, acct.Status)
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, fmt.Sprintf("credentials valid: account %q is active", acct.FriendlyName))
	checkList(&r, *t.cfg.Recipients, phoneAddress)
	return r
}
