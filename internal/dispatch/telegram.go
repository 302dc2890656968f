package dispatch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Telegram Bot API channel posts (core.telegram.org/bots/api), on
// net/http: sendMessage is one POST and every answer has the same
// envelope ({"ok", "result" | "error_code", "description",
// "parameters": {"retry_after"}}), which we read to decide what a failure
// means. The bot token is the secret; it travels in the URL path, so
// errors never quote the URL.
//
// Options: chat_id (required: "@channel" or a numeric id such as
// "-1001234567890").
func init() {
	register(Provider{Name: "telegram", Kinds: []string{"telegram", "telegram-caption"}, Secret: "the bot token", open: openTelegram})
}

type telegram struct {
	apiTarget
	chatID string
}

func openTelegram(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	chat := o.need("chat_id", `the channel, "@name" or its numeric id`)
	at, err := openAPI(cfg, env, o, "telegram", "https://api.telegram.org")
	if err != nil {
		return nil, err
	}
	t := &telegram{apiTarget: at, chatID: chat}
	t.api.classify = t.classify
	return t, nil
}

func (t *telegram) method(name string) string {
	return t.base + "/bot" + t.secret.reveal() + "/" + name
}

type telegramAnswer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// classify: Telegram documents 429 with parameters.retry_after (seconds)
// as flood control, nothing sent; other 4xx are refusals.
func (t *telegram) classify(status int, h http.Header, body []byte) *Error {
	e := t.api.classifyHTTP(status, h, body)
	var a telegramAnswer
	if json.Unmarshal(body, &a) == nil && a.Description != "" {
		e.Msg = a.Description
		if a.Parameters.RetryAfter > 0 {
			e.Retry, e.RetryAfter = Safe, time.Duration(a.Parameters.RetryAfter)*time.Second
		}
	}
	return e
}

func (t *telegram) Send(ctx context.Context, req Request) (Outcome, error) {
	body := map[string]any{"chat_id": t.chatID, "text": req.Text}
	var a telegramAnswer
	var msg struct {
		MessageID int64 `json:"message_id"`
	}
	made := func() bool { return a.OK && json.Unmarshal(a.Result, &msg) == nil && msg.MessageID != 0 }
	if err := t.api.doMade(ctx, jsonCall("sendMessage", t.method("sendMessage"), body, nil), &a, "message id", made); err != nil {
		return notPosted("telegram", err)
	}
	id := fmt.Sprintf("%s/%d", t.chatID, msg.MessageID)
	link := ""
	if name, ok := strings.CutPrefix(t.chatID, "@"); ok {
		link = fmt.Sprintf("https://t.me/%s/%d", name, msg.MessageID)
	}
	return posted("telegram", id, link)
}

// Check calls getMe (the token is valid) and getChat (the bot sees the
// channel); neither posts.
func (t *telegram) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: t.cfg.Name, Provider: "telegram",
		Unverified: []string{"that the bot is an administrator allowed to post in the channel (only a post shows it)"}}
	var me struct {
		Username string `json:"username"`
	}
	var chat struct {
		Title string `json:"title"`
		Type  string `json:"type"`
	}
	for _, step := range []struct {
		name  string
		body  any
		into  any
		what  string // what a real answer names
		found func() bool
	}{{"getMe", map[string]any{}, &me, "bot username", func() bool { return me.Username != "" }},
		{"getChat", map[string]any{"chat_id": t.chatID}, &chat, "chat type", func() bool { return chat.Type != "" }}} {
		ans, err := t.api.do(ctx, jsonCall(step.name, t.method(step.name), step.body, nil))
		var a telegramAnswer
		if err == nil {
			err = t.api.decode(step.name, ans, &a)
		}
		if err == nil && (!a.OK || json.Unmarshal(a.Result, step.into) != nil) {
			err = t.api.fail(step.name, ans.status, Refused, "unexpected answer: %s", excerpt(ans.body))
		}
		if err == nil && !step.found() {
			err = t.api.fail(step.name, ans.status, Unknown, "the answer has no %s: %s", step.what, excerpt(ans.body))
		}
		if err != nil {
			r.Err = err
			return r
		}
	}
	r.Verified = append(r.Verified, "token valid: bot @"+me.Username, fmt.Sprintf("chat %s found: %q (%s)", t.chatID, chat.Title, chat.Type))
	return r
}
