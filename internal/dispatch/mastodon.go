package dispatch

import (
	"context"
)

// Mastodon statuses (docs.joinmastodon.org/methods/statuses/#create), on
// net/http: one POST with an Idempotency-Key header, which Mastodon honours
// for an hour, so a retry after a timeout or a 5xx returns the status
// already created instead of a second one. github.com/mattn/go-mastodon's
// PostStatus takes no headers (only a wrapping RoundTripper could add the
// key), and it does not tell a 5xx from a refusal as we must.
//
// The URL is the instance (https://mastodon.social); the secret is an
// access token with write:statuses. Options: visibility (default public).
func init() {
	register(Provider{Name: "mastodon", Kinds: []string{"mastodon"}, Dedup: true, Secret: "an access token with write:statuses", open: openMastodon})
}

type mastodon struct {
	apiTarget
	visibility string
}

func openMastodon(cfg Config, env Env) (Target, error) {
	o := newOptions(cfg)
	vis := o.get("visibility", "public")
	if cfg.URL == "" {
		return nil, errorf(cfg, "url is required: the instance, e.g. https://mastodon.social")
	}
	at, err := openAPI(cfg, env, o, "mastodon", "")
	if err != nil {
		return nil, err
	}
	return &mastodon{apiTarget: at, visibility: vis}, nil
}

func (m *mastodon) Send(ctx context.Context, req Request) (Outcome, error) {
	if req.Key == "" {
		return notPosted("mastodon", m.api.fail("post", 0, Refused, "the announcement has no key: Idempotency-Key is what makes a retry safe"))
	}
	h := bearer(m.secret.reveal())
	h.Set("Idempotency-Key", req.Key)
	body := map[string]any{"status": req.Text, "visibility": m.visibility}
	if req.Locale != "" {
		body["language"] = req.Locale
	}
	c := jsonCall("post", m.base+"/api/v1/statuses", body, h)
	c.dedup = true
	var st struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	}
	if err := m.api.doMade(ctx, c, &st, "status id", func() bool { return st.ID != "" }); err != nil {
		return notPosted("mastodon", err)
	}
	return posted("mastodon", st.ID, st.URL)
}

// Check calls verify_credentials, which reads the account without posting.
func (m *mastodon) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: m.cfg.Name, Provider: "mastodon",
		Unverified: []string{"that the token has the write:statuses scope (Mastodon does not report scopes here)"}}
	var acct struct {
		Acct string `json:"acct"`
	}
	if err := m.api.get(ctx, "check", m.base+"/api/v1/accounts/verify_credentials", bearer(m.secret.reveal()), &acct, "account acct", func() bool { return acct.Acct != "" }); err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, "token valid: @"+acct.Acct)
	return r
}
