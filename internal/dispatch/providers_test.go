package dispatch

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"
	"time"
)

var sentAt = time.Date(2026, 11, 23, 1, 58, 0, 0, time.UTC)

func post(channel, kind string) Request {
	return Request{Announcement: Announcement{Channel: channel, Kind: kind, Locale: "es",
		Text: "Facebook no funciona. Síguenos en https://estado.rioverde.example",
		Key:  "20261123-014315-facebook-down/holding/" + channel + "/es", At: sentAt}}
}

func open(t *testing.T, cfg Config, env *testEnv) Target {
	t.Helper()
	target, err := Open(cfg, env.Env)
	if err != nil {
		t.Fatal(err)
	}
	return target
}

// Each provider's request, written from its documentation.
func TestPostsAreTheRequestsProvidersDocument(t *testing.T) {
	text := `"Facebook no funciona. Síguenos en https://estado.rioverde.example"`
	rkey := recordKey(sentAt, "20261123-014315-facebook-down/holding/bluesky/es")
	cases := []struct {
		name     string
		cfg      func(base string) (Config, map[string]string)
		req      Request
		script   []exchange
		id, link string
	}{
		{
			name: "slack incoming webhook (api.slack.com/messaging/webhooks)",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "slack-staff", Provider: "slack", Secret: SecretRef{Env: "HOOK"}}, map[string]string{"HOOK": base + "/services/T0001/B0001/XXXXXXXX"}
			},
			req: post("slack-staff", "slack"),
			script: []exchange{{method: "POST", path: "/services/T0001/B0001/XXXXXXXX", header: map[string]string{"Content-Type": "application/json"},
				json: `{"text":` + text + `}`, answer: "ok"}},
		},
		{
			name: "mattermost incoming webhook",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "mm", Provider: "mattermost", Secret: SecretRef{Env: "HOOK"}}, map[string]string{"HOOK": base + "/hooks/xxx-generatedkey-xxx"}
			},
			req:    post("mm", "mattermost"),
			script: []exchange{{method: "POST", path: "/hooks/xxx-generatedkey-xxx", json: `{"text":` + text + `}`, answer: "ok"}},
		},
		{
			name: "teams workflow webhook with an Adaptive Card",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "teams-staff", Provider: "teams", Secret: SecretRef{Env: "HOOK"}}, map[string]string{"HOOK": base + "/workflows/abc/triggers/manual/paths/invoke?sig=s1"}
			},
			req: post("teams-staff", "teams"),
			script: []exchange{{method: "POST", path: "/workflows/abc/triggers/manual/paths/invoke?sig=s1", header: map[string]string{"Content-Type": "application/json"},
				json: `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
					"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
					"body":[{"type":"TextBlock","text":` + text + `,"wrap":true}]}}]}`, status: 202}},
		},
		{
			name: "discord execute webhook, wait=true, no mentions",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "discord", Provider: "discord", Secret: SecretRef{Env: "HOOK"}}, map[string]string{"HOOK": base + "/api/webhooks/1234/tok-en"}
			},
			req: post("discord", "discord"),
			script: []exchange{{method: "POST", path: "/api/webhooks/1234/tok-en?wait=true",
				json:   `{"content":` + text + `,"allowed_mentions":{"parse":[]}}`,
				answer: `{"id":"1100220033","type":0,"content":"...","channel_id":"99"}`}},
			id: "1100220033",
		},
		{
			name: "telegram sendMessage to a channel",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "telegram-channel", Provider: "telegram", URL: base, Secret: SecretRef{Env: "TOKEN"},
					Options: map[string]string{"chat_id": "@rioverde_avisos"}}, map[string]string{"TOKEN": "123456:ABC-DEF1234"}
			},
			req: post("telegram-channel", "telegram"),
			script: []exchange{{method: "POST", path: "/bot123456:ABC-DEF1234/sendMessage", header: map[string]string{"Content-Type": "application/json"},
				json:   `{"chat_id":"@rioverde_avisos","text":` + text + `}`,
				answer: `{"ok":true,"result":{"message_id":42,"chat":{"id":-1001,"type":"channel"},"date":1795399080,"text":"..."}}`}},
			id: "@rioverde_avisos/42", link: "https://t.me/rioverde_avisos/42",
		},
		{
			name: "mastodon statuses with Idempotency-Key",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "mastodon", Provider: "mastodon", URL: base, Secret: SecretRef{Env: "TOKEN"}}, map[string]string{"TOKEN": "mastodon-token-1"}
			},
			req: post("mastodon", "mastodon"),
			script: []exchange{{method: "POST", path: "/api/v1/statuses",
				header: map[string]string{"Authorization": "Bearer mastodon-token-1", "Idempotency-Key": "20261123-014315-facebook-down/holding/mastodon/es", "Content-Type": "application/json"},
				json:   `{"status":` + text + `,"visibility":"public","language":"es"}`,
				answer: `{"id":"109302","url":"https://mastodon.example/@rioverde/109302","content":"<p>...</p>"}`}},
			id: "109302", link: "https://mastodon.example/@rioverde/109302",
		},
		{
			name: "bluesky createSession, getRecord, createRecord with a fixed record key",
			cfg: func(base string) (Config, map[string]string) {
				return Config{Name: "bluesky", Provider: "bluesky", URL: base, Secret: SecretRef{Env: "APP_PASSWORD"},
					Options: map[string]string{"handle": "rioverde.bsky.social"}}, map[string]string{"APP_PASSWORD": "abcd-efgh-ijkl-mnop"}
			},
			req: post("bluesky", "bluesky"),
			script: []exchange{
				{method: "POST", path: "/xrpc/com.atproto.server.createSession", json: `{"identifier":"rioverde.bsky.social","password":"abcd-efgh-ijkl-mnop"}`,
					answer: `{"accessJwt":"jwt-1","refreshJwt":"r","did":"did:plc:rio","handle":"rioverde.bsky.social"}`},
				{method: "GET", path: "/xrpc/com.atproto.repo.getRecord?collection=app.bsky.feed.post&repo=did%3Aplc%3Ario&rkey=" + rkey,
					header: map[string]string{"Authorization": "Bearer jwt-1"}, status: 400, answer: `{"error":"RecordNotFound","message":"Could not locate record"}`},
				{method: "POST", path: "/xrpc/com.atproto.repo.createRecord", header: map[string]string{"Authorization": "Bearer jwt-1"},
					json: `{"repo":"did:plc:rio","collection":"app.bsky.feed.post","rkey":"` + rkey + `",
						"record":{"$type":"app.bsky.feed.post","text":` + text + `,"createdAt":"2026-11-23T01:58:00.000Z","langs":["es"]}}`,
					answer: `{"uri":"at://did:plc:rio/app.bsky.feed.post/` + rkey + `","cid":"bafyrei"}`},
			},
			id: "at://did:plc:rio/app.bsky.feed.post/" + rkey, link: "https://bsky.app/profile/rioverde.bsky.social/post/" + rkey,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDouble(t, c.script...)
			cfg, secrets := c.cfg(d.srv.URL)
			target := open(t, cfg, newTestEnv(secrets))
			out, err := target.Send(context.Background(), c.req)
			if err != nil {
				t.Fatal(err)
			}
			if out.Delivered != 1 || out.ID != c.id || out.URL != c.link {
				t.Errorf("outcome: delivered %d, id %q, url %q; want 1, %q, %q", out.Delivered, out.ID, out.URL, c.id, c.link)
			}
			if d.requests() != len(c.script) {
				t.Errorf("%d requests, want %d", d.requests(), len(c.script))
			}
		})
	}
}

func TestSignedWebhook(t *testing.T) {
	key := "whsec-0123456789"
	d := newDouble(t, exchange{method: "POST", path: "/hooks/crisis",
		header: map[string]string{"Content-Type": "application/json", "X-Crisis-Delivery": "run-1/holding/banner/es", "X-Crisis-Timestamp": "1795399080"},
		json: `{"id":"run-1/holding/banner/es","channel":"website-banner","kind":"website-banner","locale":"es",
			"text":"Facebook no funciona.","drill":false,"created_at":"2026-11-23T01:58:00Z"}`,
		answer: `{"id":"banner-7"}`})
	env := newTestEnv(map[string]string{"KEY": key})
	target := open(t, Config{Name: "banner", Provider: "webhook", URL: d.srv.URL + "/hooks/crisis", Secret: SecretRef{Env: "KEY"}}, env)
	req := Request{Announcement: Announcement{Channel: "website-banner", Kind: "website-banner", Locale: "es", Text: "Facebook no funciona.", Key: "run-1/holding/banner/es", At: sentAt}}
	out, err := target.Send(context.Background(), req)
	if err != nil || out.ID != "banner-7" {
		t.Fatalf("outcome %+v, %v", out, err)
	}
	// The receiver's side, as docs/dispatch.md tells it: HMAC-SHA256 of
	// "timestamp.body" under the shared key, hex, after "sha256=".
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte("1795399080." + d.bodies[0]))
	want := "sha256=" + hex.EncodeToString(m.Sum(nil))
	if got := d.got[0].Header.Get("X-Crisis-Signature"); !hmac.Equal([]byte(got), []byte(want)) {
		t.Errorf("signature %q, want %q", got, want)
	}
}

func TestTwilioSendsPerRecipientAndComparesSegments(t *testing.T) {
	auth := "Basic QUMxMjM6dHdpbGlvLXRva2Vu" // base64("AC123:twilio-token")
	text := "Aviso interno: Facebook no funciona. Info: 03:43"
	form := func(to string) url.Values {
		return url.Values{"To": {to}, "MessagingServiceSid": {"MG456"}, "Body": {text}}
	}
	d := newDouble(t,
		exchange{method: "POST", path: "/2010-04-01/Accounts/AC123/Messages.json", form: form("+34600100003"),
			header: map[string]string{"Authorization": auth, "Content-Type": "application/x-www-form-urlencoded"},
			status: 201, answer: `{"sid":"SM001","status":"accepted","num_segments":"0"}`},
		exchange{method: "POST", path: "/2010-04-01/Accounts/AC123/Messages.json", form: form("+48601200300"),
			status: 400, answer: `{"code":21211,"message":"The 'To' number +48601200300 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}`},
		exchange{method: "POST", path: "/2010-04-01/Accounts/AC123/Messages.json", form: form("+351912345678"),
			status: 201, answer: `{"sid":"SM003","status":"queued","num_segments":"2"}`},
	)
	list := writeList(t, "name,phone\nLucía,+34 600 100 003\nJan,+48 601-200-300\nRui,+351 912 345 678\nBad,600100\n")
	env := newTestEnv(map[string]string{"TWILIO_AUTH_TOKEN": "twilio-token"})
	target := open(t, Config{Name: "sms-staff", Provider: "twilio", URL: d.srv.URL, Secret: SecretRef{Env: "TWILIO_AUTH_TOKEN"}, Parallel: 1,
		Options: map[string]string{"account_sid": "AC123", "messaging_service_sid": "MG456"}, Recipients: &RecipientList{Path: list}}, env)
	req := Request{Announcement: Announcement{Kind: "sms", Text: text, Key: "k"}}
	out, err := target.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if out.Delivered != 2 || out.FailedCount != 2 {
		t.Fatalf("delivered %d, failed %d; want 2, 2: %+v", out.Delivered, out.FailedCount, out.Failed)
	}
	if e, ok := out.Failed[1].Err.(*Error); !ok || e.Code != "21211" || e.Retry != Refused || out.Failed[1].Line != 3 {
		t.Errorf("failure %+v", out.Failed[1])
	}
	if !strings.HasSuffix(out.Failed[0].Err.Error(), `:5:5: "600100" is not a phone number in E.164 form (+ country code and number, e.g. +34600100003)`) {
		t.Errorf("malformed row: %v", out.Failed[0].Err)
	}
	want := []string{"Twilio counted 2 SMS segments where we measured 1: check the text's encoding"}
	if strings.Join(out.Notes, "|") != strings.Join(want, "|") {
		t.Errorf("notes %q, want %q", out.Notes, want)
	}
}

func TestWhatsAppTemplateMessage(t *testing.T) {
	d := newDouble(t, exchange{method: "POST", path: "/v23.0/1065/messages",
		header: map[string]string{"Authorization": "Bearer wa-token", "Content-Type": "application/json"},
		json: `{"messaging_product":"whatsapp","recipient_type":"individual","to":"+34600100003","type":"template",
			"template":{"name":"holding_outage","language":{"code":"es"},
			"components":[{"type":"body","parameters":[{"type":"text","text":"Facebook"},{"type":"text","text":"03:43"}]}]}}`,
		answer: `{"messaging_product":"whatsapp","contacts":[{"input":"+34600100003","wa_id":"34600100003"}],"messages":[{"id":"wamid.HBgLMzQ2MDA"}]}`})
	list := writeList(t, "phone,opt_out\n+34600100003,\n+34600100004,sí\n")
	env := newTestEnv(map[string]string{"WA": "wa-token"})
	target := open(t, Config{Name: "wa", Provider: "whatsapp", URL: d.srv.URL + "/v23.0", Secret: SecretRef{Env: "WA"},
		Options: map[string]string{"phone_number_id": "1065"}, Recipients: &RecipientList{Path: list}}, env)
	var delivered []Delivery
	req := Request{Announcement: Announcement{Kind: "whatsapp", Key: "k", Template: &Template{Name: "holding_outage", Language: "es", Params: []string{"Facebook", "03:43"}}},
		OnBatch: func(b Batch) error { delivered = append(delivered, b.Delivered...); return nil }}
	out, err := target.Send(context.Background(), req)
	if err != nil || out.Delivered != 1 || out.OptedOut != 1 || len(delivered) != 1 || delivered[0].ID != "wamid.HBgLMzQ2MDA" {
		t.Fatalf("outcome %+v, batches %+v, %v", out, delivered, err)
	}
}
