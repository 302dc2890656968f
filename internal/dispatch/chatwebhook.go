package dispatch

import (
	"context"
	"net/http"
	"strings"
)

// Slack, Mattermost and Microsoft Teams incoming webhooks: one JSON POST
// each, on net/http. github.com/slack-go/slack would bring a whole Web API
// client for PostWebhook, and it classifies nothing we need (a 429 and a
// 500 come back as the same kind of error). The webhook URL embeds its
// token, so the URL itself is the target's secret.
func init() {
	register(Provider{Name: "slack", Kinds: []string{"slack"}, Secret: "the incoming webhook URL", open: openChat("slack", slackBody)})
	register(Provider{Name: "mattermost", Kinds: []string{"mattermost"}, Secret: "the incoming webhook URL", open: openChat("mattermost", slackBody)})
	register(Provider{Name: "teams", Kinds: []string{"teams"}, Secret: "the Workflows (or connector) webhook URL", open: openChat("teams", teamsBody)})
}

// slackBody is the payload Slack documents for incoming webhooks
// (api.slack.com/messaging/webhooks) and Mattermost accepts unchanged.
func slackBody(a Announcement) any { return map[string]any{"text": a.Text} }

// teamsBody is a message with one Adaptive Card, the payload Teams
// Workflows webhooks require and the retired Office 365 connectors accept.
func teamsBody(a Announcement) any {
	return map[string]any{
		"type": "message",
		"attachments": []any{map[string]any{
			"contentType": "application/vnd.microsoft.card.adaptive",
			"content": map[string]any{
				"$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
				"type":    "AdaptiveCard",
				"version": "1.4",
				"body":    []any{map[string]any{"type": "TextBlock", "text": a.Text, "wrap": true}},
			},
		}},
	}
}

type chatWebhook struct {
	cfg      Config
	provider string
	url      Secret
	host     string
	api      httpAPI
	body     func(Announcement) any
}

func openChat(provider string, body func(Announcement) any) func(Config, Env) (Target, error) {
	return func(cfg Config, env Env) (Target, error) {
		u, host, err := webhookURL(cfg, env)
		if err != nil {
			return nil, err
		}
		return &chatWebhook{cfg: cfg, provider: provider, url: u, host: host, api: newAPI(provider, env, u.reveal()), body: body}, nil
	}
}

// Send posts the text. These webhooks answer a bare "ok" (Slack,
// Mattermost), "1" or 202 (Teams) and no message id; a 429 carries
// Retry-After; a 5xx may have posted.
func (w *chatWebhook) Send(ctx context.Context, req Request) (Outcome, error) {
	ans, err := w.api.do(ctx, jsonCall("post", w.url.reveal(), w.body(req.Announcement), nil))
	if err != nil {
		return notPosted(w.provider, err)
	}
	if w.provider != "teams" && ans.status == http.StatusOK && strings.TrimSpace(string(ans.body)) != "ok" {
		// Slack documents "ok"; anything else is not the answer of a
		// webhook that posted.
		return notPosted(w.provider, w.api.fail("post", ans.status, Unknown, "unexpected answer %q", excerpt(ans.body)))
	}
	return posted(w.provider, "", "")
}

func (w *chatWebhook) Check(context.Context) CheckReport {
	return unverifiedWebhook(w.cfg, w.provider, w.host)
}
