package dispatch

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// Discord incoming webhooks, on net/http: one POST (discord.com/developers,
// "Execute Webhook"). With ?wait=true Discord answers the message it
// created, so the outcome has its id; allowed_mentions is empty so a text
// quoting "@everyone" pings nobody.
func init() {
	register(Provider{Name: "discord", Kinds: []string{"discord"}, Secret: "the webhook URL", open: openDiscord})
}

type discordWebhook struct {
	cfg  Config
	url  Secret
	host string
	api  httpAPI
}

func openDiscord(cfg Config, env Env) (Target, error) {
	u, host, err := webhookURL(cfg, env)
	if err != nil {
		return nil, err
	}
	d := &discordWebhook{cfg: cfg, url: u, host: host, api: newAPI("discord", env, u.reveal())}
	d.api.classify = d.classify
	return d, nil
}

// classify reads Discord's rate-limit answer: 429 with Retry-After and a
// JSON retry_after in seconds (fractional).
func (d *discordWebhook) classify(status int, h http.Header, body []byte) *Error {
	e := d.api.classifyHTTP(status, h, body)
	var rl struct {
		RetryAfter float64 `json:"retry_after"`
		Message    string  `json:"message"`
		Code       int     `json:"code"`
	}
	if json.Unmarshal(body, &rl) == nil {
		if rl.Message != "" {
			e.Msg = rl.Message
		}
		if status == http.StatusTooManyRequests && rl.RetryAfter > 0 {
			e.RetryAfter = time.Duration(rl.RetryAfter * float64(time.Second))
		}
	}
	return e
}

func (d *discordWebhook) Send(ctx context.Context, req Request) (Outcome, error) {
	body := map[string]any{"content": req.Text, "allowed_mentions": map[string]any{"parse": []string{}}}
	var msg struct {
		ID        string `json:"id"`
		ChannelID string `json:"channel_id"`
	}
	c := jsonCall("post", d.url.reveal()+"?wait=true", body, nil)
	if err := d.api.doMade(ctx, c, &msg, "message id", func() bool { return msg.ID != "" }); err != nil {
		return notPosted("discord", err)
	}
	return posted("discord", msg.ID, "")
}

// Check reads the webhook (GET on its URL), which Discord allows with the
// token in the URL and no other credential: it proves the webhook exists
// without posting.
func (d *discordWebhook) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: d.cfg.Name, Provider: "discord", Unverified: []string{"nothing: reading the webhook proves it is live"}}
	var w struct {
		Name      string `json:"name"`
		ChannelID string `json:"channel_id"`
	}
	if err := d.api.get(ctx, "check", d.url.reveal(), nil, &w, "webhook channel_id", func() bool { return w.ChannelID != "" }); err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, "webhook "+w.Name+" posts to channel "+w.ChannelID)
	r.Unverified = nil
	return r
}
