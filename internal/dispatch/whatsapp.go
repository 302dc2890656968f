package dispatch

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// WhatsApp Business Cloud API template messages, one per recipient, on
// net/http: a message is one JSON POST to the Graph API
// (developers.facebook.com/docs/whatsapp/cloud-api/reference/messages).
// Outside a 24-hour conversation window only approved templates may be
// sent, so the announcement must carry its template and parameters.
//
// Options: phone_number_id (required). The URL overrides the Graph API
// base (default https://graph.facebook.com/v23.0); the secret is a system
// user access token.
func init() {
	register(Provider{Name: "whatsapp", Kinds: []string{"whatsapp"}, Bulk: true, address: phoneAddress, Secret: "a system user access token", open: openWhatsApp})
}

type whatsapp struct {
	apiTarget
	phone string
}

func openWhatsApp(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	phone := o.need("phone_number_id", "the sending number's id in WhatsApp Manager")
	at, err := openAPI(cfg, env, o, "whatsapp", "https://graph.facebook.com/v23.0")
	if err != nil {
		return nil, err
	}
	w := &whatsapp{apiTarget: at, phone: phone}
	w.api.classify = w.classify
	return w, nil
}

// Graph API error codes Meta documents as throttling: the message was not
// sent and may be sent after a wait (4 app rate limit, 80007 WABA rate
// limit, 130429 throughput, 131056 pair rate limit).
var whatsappThrottle = map[int]bool{4: true, 80007: true, 130429: true, 131056: true}

func (w *whatsapp) classify(status int, h http.Header, body []byte) *Error {
	e := w.api.classifyHTTP(status, h, body)
	var ge struct {
		Error struct {
			Message string `json:"message"`
			Code    int    `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &ge) == nil && ge.Error.Code != 0 {
		e.Msg, e.Code = ge.Error.Message, strconv.Itoa(ge.Error.Code)
		if whatsappThrottle[ge.Error.Code] {
			e.Retry = Safe
		}
		if ge.Error.Code == 190 { // access token expired or invalid
			e.Status = http.StatusUnauthorized
		}
	}
	return e
}

func (w *whatsapp) Send(ctx context.Context, req Request) (Outcome, error) {
	if req.Template == nil || req.Template.Name == "" || req.Template.Language == "" {
		return notPosted("whatsapp", w.api.fail("send", 0, Refused, "WhatsApp sends approved templates only: the announcement names no template and language"))
	}
	b := bulk{provider: "whatsapp", list: *w.cfg.Recipients, kind: phoneAddress, parallel: w.cfg.Parallel, batchSize: w.cfg.Batch,
		open: func(context.Context) (batchSender, *Error) {
			return httpBulk{sendOne: w.sendOne, fatal: authFailure}, nil
		}}
	return b.run(ctx, req)
}

func (w *whatsapp) sendOne(ctx context.Context, a Announcement, to string) (string, string, *Error) {
	params := make([]any, len(a.Template.Params))
	for i, p := range a.Template.Params {
		params[i] = map[string]any{"type": "text", "text": p}
	}
	tmpl := map[string]any{"name": a.Template.Name, "language": map[string]any{"code": a.Template.Language}}
	if len(params) > 0 {
		tmpl["components"] = []any{map[string]any{"type": "body", "parameters": params}}
	}
	body := map[string]any{"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": "template", "template": tmpl}
	c := jsonCall("send", w.base+"/"+url.PathEscape(w.phone)+"/messages", body, bearer(w.secret.reveal()))
	var m struct {
		Messages []struct {
			ID string `json:"id"`
		} `json:"messages"`
	}
	if err := w.api.doMade(ctx, c, &m, "message id", func() bool { return len(m.Messages) > 0 && m.Messages[0].ID != "" }); err != nil {
		return "", "", err
	}
	return m.Messages[0].ID, "", nil
}

// Check reads the sending number (GET /PHONE_NUMBER_ID), which proves the
// token and the number without sending.
func (w *whatsapp) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: w.cfg.Name, Provider: "whatsapp",
		Unverified: []string{"that the templates are approved in every language (needs the WhatsApp Business Account id)"}}
	var n struct {
		Display string `json:"display_phone_number"`
		Name    string `json:"verified_name"`
	}
	if err := w.api.get(ctx, "check", w.base+"/"+url.PathEscape(w.phone)+"?fields=display_phone_number,verified_name", bearer(w.secret.reveal()), &n, "display_phone_number", func() bool { return n.Display != "" }); err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, "token valid: sending number "+n.Display+" ("+n.Name+")")
	checkList(&r, *w.cfg.Recipients, phoneAddress)
	return r
}
