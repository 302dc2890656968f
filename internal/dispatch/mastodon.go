package dispatch

import (
	"context"
	"net/http"
)

// Mastodon statuses (docs.joinmastodon.org/methods/statuses/#create), on
// net/http: one POST with an Idempotency-Key header, which Mastodon honours
// for an hour, so a retry after a timeout or a 5xx returns the status
// already created instead of a second one. github.com/mattn/go-mastodon's
// PostStatus does not take extra headers, and we need the key.
//
// The URL is the instance (https://mastodon.social); the secret is an
// access token with write:statuses. Options: visibility (default public).
func init() {
	register(Provider{Name: "mastodon", Kinds: []string{"mastodon"}, Dedup: true, Secret: "an access token with write:statuses", open: openMastodon})
}

type mastodon struct {
	cfg        Config
	base       string
	token      Secret
	visibility string
	api        httpAPI
}

func openMastodon(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	vis := o.get("visibility", "public")
	if err := o.err(); err != nil {
		return nil, err
	}
	if cfg.URL == "" {
		return nil, errorf(cfg, "url is required: the instance, e.g. https://mastodon.social")
	}
	base, err := apiBase(cfg, "")
	if err != nil {
		return nil, err
	}
	tok, err := resolveSecret(cfg, env)
	if err != nil {
		return nil, err
	}
	return &mastodon{cfg: cfg, base: base, token: tok, visibility: vis, api: newAPI("mastodon", env, tok.reveal())}, nil
}

func (m *mastodon) Send(ctx context.Context, req Request) (Outcome, error) {
	if req.Key == "" {
		return notPosted("mastodon", m.api.fail("post", 0, Refused, "the announcement has no key: Idempotency-Key is what makes a retry safe"))
	}
	h := bearer(m.token.reveal())
	h.Set("Idempotency-Key", req.Key)
	body := map[string]any{"status": req.Text, "visibility": m.visibility}
	if req.Locale != "" {
		body["language"] = req.Locale
	}
	c := jsonCall("post", m.base+"/api/v1/statuses", body, h)
	c.dedup = true
	ans, err := m.api.do(ctx, c)
	if err != nil {
		return notPosted("mastodon", err)
	}
	var st struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	}
	if err := m.api.decode("post", ans, &st); err != nil || st.ID == "" {
		if err == nil {
			err = m.api.fail("post", ans.status, Unknown, "the answer has no status id: %s", excerpt(ans.body))
		}
		return notPosted("mastodon", err)
	}
	return posted("mastodon", st.ID, st.URL)
}

// Check calls verify_credentials, which reads the account without posting.
func (m *mastodon) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: m.cfg.Name, Provider: "mastodon",
		Unverified: []string{"that the token has the write:statuses scope (Mastodon does not report scopes here)"}}
	ans, err := m.api.do(ctx, call{op: "check", method: http.MethodGet, url: m.base + "/api/v1/accounts/verify_credentials", header: bearer(m.token.reveal())})
	var acct struct {
		Acct string `json:"acct"`
	}
	if err == nil {
		err = m.api.decode("check", ans, &acct)
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, "token valid: @"+acct.Acct)
	return r
}
