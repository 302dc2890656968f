package dispatch

import (
	"context"
	"net/http"
	"net/url"
)

// Atlassian Statuspage, REST API v1 (developer.statuspage.io), on net/http.
// A run's first send on the target opens an incident, later sends post
// updates to it, and the all-clear (State resolved) resolves it:
//
//   - open: POST /v1/pages/{page_id}/incidents with
//     {"incident": {"name", "status", "body", "deliver_notifications"}}
//     ("Create an incident"; body becomes the first incident update);
//   - update: PATCH /v1/pages/{page_id}/incidents/{incident_id} with
//     {"incident": {"status", "body", "deliver_notifications"}} ("Update an
//     incident"; a body adds an incident update, status is left out to
//     keep the incident's state);
//   - check: GET /v1/pages/{page_id} ("Get a page"), which posts nothing.
//
// Every request carries "Authorization: OAuth <key>". Statuspage answers
// 420 or 429 when the rate limit (1 request per second per key) is hit:
// both mean nothing was done. Statuspage takes no idempotency key, so a
// 5xx or a lost answer is an unknown outcome that a person checks on the
// page before resending.
//
// The URL overrides the API (default https://api.statuspage.io); the secret
// is an API key. Options: page_id (required), notify (default true).
func init() {
	register(Provider{Name: "statuspage", Kinds: []string{StatusPageKind}, Secret: "an API key (Statuspage, user menu, API info)", open: openStatuspage})
}

// StatusPageKind is the channel kind hosted status pages serve.
const StatusPageKind = "status-page"

type statuspage struct{ hostedPage }

func openStatuspage(cfg Config, env Env) (Target, error) {
	h, err := openHostedPage(cfg, env, "statuspage", "https://api.statuspage.io", "page_id", "the page's id, from the page's API info")
	if err != nil {
		return nil, err
	}
	s := &statuspage{h}
	s.api.classify = classifyStatuspage(&s.api)
	return s, nil
}

// classifyStatuspage adds Statuspage's own rate-limit answer, 420, to the
// usual rule.
func classifyStatuspage(a *httpAPI) func(int, http.Header, []byte) *Error {
	return func(status int, h http.Header, body []byte) *Error {
		if status == 420 {
			status = http.StatusTooManyRequests
		}
		return a.classifyHTTP(status, h, body)
	}
}

func (s *statuspage) auth() http.Header {
	return http.Header{"Authorization": {"OAuth " + s.secret.reveal()}}
}

func (s *statuspage) pageURL() string { return s.base + "/v1/pages/" + url.PathEscape(s.page) }

func (s *statuspage) Send(ctx context.Context, req Request) (Outcome, error) {
	state, err := pageState(&s.api, req.Announcement)
	if err != nil {
		return notPosted("statuspage", err)
	}
	incident := map[string]any{"body": req.Text, "deliver_notifications": s.notify}
	c := call{}
	if req.Thread == "" {
		if state == "" {
			state = "investigating"
		}
		incident["name"], incident["status"] = incidentName(req.Announcement), state
		c = jsonCall("open", s.pageURL()+"/incidents", map[string]any{"incident": incident}, s.auth())
	} else {
		if state != "" {
			incident["status"] = state
		}
		c = jsonCall("update", s.pageURL()+"/incidents/"+url.PathEscape(req.Thread), map[string]any{"incident": incident}, s.auth())
		c.method = http.MethodPatch
	}
	var inc struct {
		ID        string `json:"id"`
		Shortlink string `json:"shortlink"`
	}
	if err := s.api.doMade(ctx, c, &inc, "incident id", func() bool { return inc.ID != "" }); err != nil {
		return notPosted("statuspage", err)
	}
	return posted("statuspage", inc.ID, inc.Shortlink)
}

// Check reads the page, which proves the key and the page id.
func (s *statuspage) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: s.cfg.Name, Provider: "statuspage",
		Unverified: []string{"that the key may create incidents (Statuspage keys carry their user's permissions, which the API does not list)"}}
	var page struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	if err := s.api.get(ctx, "check", s.pageURL(), s.auth(), &page, "page id", func() bool { return page.ID != "" }); err != nil {
		r.Err = err
		return r
	}
	r.Verified = append(r.Verified, "key valid, page "+page.ID+" ("+page.Name+")")
	return r
}
