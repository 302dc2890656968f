package dispatch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
)

// incident.io status pages, through incident.io's public API
// (api-docs.incident.io, "Status Pages V2"), on net/http:
//
//   - open: POST /v2/status_page_incidents with {"status_page_id", "name",
//     "message", "incident_status", "notify_subscribers",
//     "idempotency_key"} (CreateStatusPageIncident: a request whose
//     idempotency_key was already used returns the original answer);
//   - update: POST /v2/status_page_incident_updates with
//     {"status_page_incident_id", "message", "notify_subscribers",
//     "incident_status"} (CreateStatusPageIncidentUpdate; incident_status
//     resolved ends the incident, and is left out to keep the state);
//   - read: GET /v2/status_page_incidents/{id} (ShowStatusPageIncident);
//   - check: GET /v2/status_pages (ListStatusPages), which posts nothing.
//
// Every request carries "Authorization: Bearer <key>"; a 429 carries
// Retry-After in seconds.
//
// A retry never posts twice, so the provider deduplicates: opening sends
// an idempotency key derived from the announcement's Key, and an update
// (which takes no key) is looked up on the incident before posting and
// after any failure that is not a refusal: an update with the same text
// already on the incident is the one posted.
//
// The URL overrides the API (default https://api.incident.io); the secret
// is an API key with the scope to create status page incidents and publish
// updates. Options: status_page_id (required), notify (default true).
func init() {
	register(Provider{Name: "incidentio", Kinds: []string{StatusPageKind}, Dedup: true, Secret: "an API key that may create status page incidents and publish updates", open: openIncidentIO})
}

type incidentIO struct{ hostedPage }

func openIncidentIO(cfg Config, env Env) (Target, error) {
	h, err := openHostedPage(cfg, env, "incidentio", "https://api.incident.io", "status_page_id", "the status page's id, from ListStatusPages or the dashboard")
	if err != nil {
		return nil, err
	}
	return &incidentIO{h}, nil
}

// idempotencyKey is the announcement's Key hashed: the same on every
// retry and resume of one announcement, different for another, and free
// of the slashes and length of a Key.
func idempotencyKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return "crisis-" + hex.EncodeToString(h[:16])
}

func (p *incidentIO) Send(ctx context.Context, req Request) (Outcome, error) {
	state, err := pageState(&p.api, req.Announcement)
	if err != nil {
		return notPosted("incidentio", err)
	}
	if req.Thread != "" {
		return p.update(ctx, req.Announcement, state)
	}
	if req.Key == "" {
		return notPosted("incidentio", p.api.fail("open", 0, Refused, "the announcement has no key: the idempotency key incident.io requires is derived from it"))
	}
	if state == "" {
		state = "investigating"
	}
	body := map[string]any{"status_page_id": p.page, "name": incidentName(req.Announcement), "message": req.Text,
		"incident_status": state, "notify_subscribers": p.notify, "idempotency_key": idempotencyKey(req.Key)}
	c := jsonCall("open", p.base+"/v2/status_page_incidents", body, bearer(p.secret.reveal()))
	c.dedup = true
	var res struct {
		Incident struct {
			ID string `json:"id"`
		} `json:"status_page_incident"`
	}
	if err := p.api.doMade(ctx, c, &res, "status page incident id", func() bool { return res.Incident.ID != "" }); err != nil {
		return notPosted("incidentio", err)
	}
	return posted("incidentio", res.Incident.ID, "")
}

// update posts an update to the incident, unless one with the same text is
// on it already (an earlier attempt whose answer was lost).
func (p *incidentIO) update(ctx context.Context, a Announcement, state string) (Outcome, error) {
	body := map[string]any{"status_page_incident_id": a.Thread, "message": a.Text, "notify_subscribers": p.notify}
	if state != "" {
		body["incident_status"] = state
	}
	return p.api.lookThenPost(ctx, lookThenPost{
		provider: "incidentio",
		post:     jsonCall("update", p.base+"/v2/status_page_incident_updates", body, bearer(p.secret.reveal())),
		look: func(ctx context.Context) (Outcome, bool, *Error) {
			found, err := p.posted(ctx, a.Thread, a.Text)
			return postFound(found, err, "incidentio", a.Thread, "")
		},
		made: func(ans answer) (Outcome, bool) {
			var res struct {
				Update struct {
					ID string `json:"id"`
				} `json:"status_page_incident_update"`
			}
			if !jsonUnmarshal(ans.body, &res) || res.Update.ID == "" {
				return Outcome{}, false
			}
			o, _ := posted("incidentio", a.Thread, "")
			return o, true
		},
		already:    "already posted (the incident has an update with this text): not posted again",
		unreadable: "the answer has no update id",
		lookLast:   true, // the last attempt may have posted: look once more
		check:      "the incident's updates on the status page",
	})
}

// posted reports whether the incident has an update with this text.
func (p *incidentIO) posted(ctx context.Context, incident, text string) (bool, *Error) {
	var res struct {
		Incident struct {
			ID      string `json:"id"`
			Updates []struct {
				Message string `json:"message"`
			} `json:"updates"`
		} `json:"status_page_incident"`
	}
	if err := p.api.get(ctx, "read", p.base+"/v2/status_page_incidents/"+url.PathEscape(incident), bearer(p.secret.reveal()), &res, "status_page_incident id", func() bool { return res.Incident.ID != "" }); err != nil {
		return false, err
	}
	if res.Incident.ID == "" {
		return false, p.api.fail("read", http.StatusOK, Unknown, "the answer has no status page incident")
	}
	for _, u := range res.Incident.Updates {
		if strings.TrimSpace(u.Message) == strings.TrimSpace(text) {
			return true, nil
		}
	}
	return false, nil
}

// Check lists the key's status pages and looks for the target's, which
// proves the key and the page id without posting.
func (p *incidentIO) Check(ctx context.Context) CheckReport {
	r := CheckReport{Target: p.cfg.Name, Provider: "incidentio",
		Unverified: []string{"that the key may create status page incidents (any key may list status pages)"}}
	after := ""
	for range 20 {
		q := url.Values{"page_size": {"100"}}
		if after != "" {
			q.Set("after", after)
		}
		var res struct {
			Pages []struct {
				ID        string `json:"id"`
				Name      string `json:"name"`
				PublicURL string `json:"public_url"`
			} `json:"status_pages"`
			Meta struct {
				After string `json:"after"`
			} `json:"pagination_meta"`
		}
		if err := p.api.get(ctx, "check", p.base+"/v2/status_pages?"+q.Encode(), bearer(p.secret.reveal()), &res, "status_pages", func() bool { return res.Pages != nil }); err != nil {
			r.Err = err
			return r
		}
		for _, pg := range res.Pages {
			if pg.ID == p.page {
				r.Verified = append(r.Verified, "key valid, status page "+pg.ID+" ("+pg.Name+", "+pg.PublicURL+")")
				return r
			}
		}
		if res.Meta.After == "" || len(res.Pages) == 0 {
			break
		}
		after = res.Meta.After
	}
	r.Err = p.api.fail("check", 0, Refused, "status page %s is not among the status pages this key can see", p.page)
	return r
}
