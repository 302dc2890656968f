package dispatch

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The requests below are written from incident.io's API reference
// (api-docs.incident.io, Status Pages V2: CreateStatusPageIncident,
// CreateStatusPageIncidentUpdate, ShowStatusPageIncident, ListStatusPages),
// not from the adapter.

func incidentIOTarget(t *testing.T, d *double, env *testEnv) Target {
	t.Helper()
	return open(t, Config{Name: "status-page", Provider: "incidentio", URL: d.srv.URL, Secret: SecretRef{Env: "INC_KEY"},
		Options: map[string]string{"status_page_id": "01FCNDV6P870EA6S7TK1DSYDG0"}}, withSecret(env, "INC_KEY", "inc-key-0123456789"))
}

const incAuth = "Bearer inc-key-0123456789"

// The key for "20261123-014315-facebook-down/holding/status-page/es":
// "crisis-" and the first 16 bytes of its SHA-256, in hex (computed with
// `printf %s KEY | sha256sum | cut -c1-32`).
const incHoldingKey = "crisis-caf126e0177bb9558a15c5eb6410a1c5"

func incOpen(status int, answer, fault string) exchange {
	return exchange{method: "POST", path: "/v2/status_page_incidents",
		header: map[string]string{"Authorization": incAuth, "Content-Type": "application/json"},
		json: `{"status_page_id":"01FCNDV6P870EA6S7TK1DSYDG0","name":"Facebook e Instagram no funcionan","message":"Facebook no funciona.",
			"incident_status":"investigating","notify_subscribers":true,"idempotency_key":"` + incHoldingKey + `"}`,
		status: status, answer: answer, fault: fault}
}

func incShow(messages ...string) exchange {
	var updates []string
	for i, m := range messages {
		updates = append(updates, fmt.Sprintf(`{"id":"01U%d","incident_status":"investigating","message":%q,"status_page_incident_id":"01INC"}`, i, m))
	}
	return exchange{method: "GET", path: "/v2/status_page_incidents/01INC", header: map[string]string{"Authorization": incAuth},
		answer: `{"status_page_incident":{"id":"01INC","name":"Facebook e Instagram no funcionan","incident_status":"investigating","updates":[` + strings.Join(updates, ",") + `]}}`}
}

func incUpdate(state string, status int, headers map[string]string, answer, fault string) exchange {
	body := `{"status_page_incident_id":"01INC","message":"Meta ha identificado la causa.","notify_subscribers":true`
	if state != "" {
		body += `,"incident_status":"` + state + `"`
	}
	return exchange{method: "POST", path: "/v2/status_page_incident_updates",
		header: map[string]string{"Authorization": incAuth, "Content-Type": "application/json"},
		json:   body + "}", status: status, headers: headers, answer: answer, fault: fault}
}

const incCreated = `{"status_page_incident":{"id":"01INC","name":"Facebook e Instagram no funcionan","incident_status":"investigating","updates":[]}}`
const incUpdated = `{"status_page_incident_update":{"id":"01U9","incident_status":"identified","message":"Meta ha identificado la causa.","status_page_incident_id":"01INC"}}`

func TestIncidentIOIdempotencyKeyIsDerivedFromTheKey(t *testing.T) {
	if got := idempotencyKey("20261123-014315-facebook-down/holding/status-page/es"); got != incHoldingKey {
		t.Errorf("idempotency key %q, want %q", got, incHoldingKey)
	}
}

func TestIncidentIO(t *testing.T) {
	holding := pageAnnouncement("holding", "", "", "Facebook no funciona.")
	update := pageAnnouncement("update-1", "identified", "01INC", "Meta ha identificado la causa.")
	cases := []struct {
		name     string
		req      Request
		script   []exchange
		notes    int
		retry    Retry // when not posted
		posted   bool
		slept    []time.Duration
		requests int
	}{
		{"open with the idempotency key", holding, []exchange{incOpen(201, incCreated, "")}, 0, 0, true, nil, 1},
		{"open answered 502: sent again with the same key, one incident", holding,
			[]exchange{incOpen(502, "bad gateway", ""), incOpen(201, incCreated, "")}, 0, 0, true, []time.Duration{500 * time.Millisecond}, 2},
		{"open with no answer in time: sent again with the same key", holding,
			[]exchange{incOpen(0, "", "hang"), incOpen(201, incCreated, "")}, 0, 0, true, []time.Duration{500 * time.Millisecond}, 2},
		{"open answered 201 without an incident id: unknown, not sent again", holding,
			[]exchange{incOpen(201, `{"status_page_incident":{}}`, "")}, 0, Unknown, false, nil, 1},
		{"open answered 200 with a proxy's page: unknown, not sent again", holding,
			[]exchange{incOpen(200, "<html>ok</html>", "")}, 0, Unknown, false, nil, 1},
		{"update: looked up, then posted", update,
			[]exchange{incShow("Facebook no funciona."), incUpdate("identified", 201, nil, incUpdated, "")}, 0, 0, true, nil, 2},
		{"update reset after the request was read: the lookup finds it, not posted again", update,
			[]exchange{incShow("Facebook no funciona."), incUpdate("identified", 0, nil, "", "reset"), incShow("Facebook no funciona.", "Meta ha identificado la causa.")},
			0, 0, true, []time.Duration{500 * time.Millisecond}, 3},
		{"update 429 waits for Retry-After, then posts once", update,
			[]exchange{incShow(), incUpdate("identified", 429, map[string]string{"Retry-After": "2"}, `{"type":"too_many_requests","status":429}`, ""),
				incShow(), incUpdate("identified", 201, nil, incUpdated, "")}, 0, 0, true, []time.Duration{2 * time.Second}, 4},
		{"update sent again after a crash: already on the incident, noted, not posted", update,
			[]exchange{incShow("Facebook no funciona.", "Meta ha identificado la causa.")}, 1, 0, true, nil, 1},
		{"update refused (422): not retried", update,
			[]exchange{incShow(), incUpdate("identified", 422, nil, `{"type":"validation_error","status":422,"errors":[{"code":"is_required"}]}`, "")}, 0, Refused, false, nil, 2},
		{"update 500 four times: unknown after the lookups", update,
			[]exchange{incShow(), incUpdate("identified", 500, nil, "", ""), incShow(), incUpdate("identified", 500, nil, "", ""),
				incShow(), incUpdate("identified", 500, nil, "", ""), incShow(), incUpdate("identified", 500, nil, "", ""), incShow()},
			0, Unknown, false, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}, 9},
		{"update 500 whose last attempt did post: found by the last lookup", update,
			[]exchange{incShow(), incUpdate("identified", 500, nil, "", ""), incShow(), incUpdate("identified", 500, nil, "", ""),
				incShow(), incUpdate("identified", 500, nil, "", ""), incShow(), incUpdate("identified", 500, nil, "", ""),
				incShow("Meta ha identificado la causa.")},
			0, 0, true, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}, 9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDouble(t, c.script...)
			env := newTestEnv(nil)
			out, err := incidentIOTarget(t, d, env).Send(context.Background(), c.req)
			if c.posted {
				if err != nil || out.ID != "01INC" || out.Delivered != 1 || len(out.Notes) != c.notes {
					t.Fatalf("not posted: %+v, %v", out, err)
				}
			} else {
				checkNotPosted(t, out, err, c.retry, "inc-key-0123456789")
			}
			checkAttempts(t, d, env, c.requests, c.slept)
		})
	}
}

func TestIncidentIOResolvesWithTheAllClear(t *testing.T) {
	req := pageAnnouncement("all-clear", "resolved", "01INC", "Meta ha identificado la causa.")
	d := newDouble(t, incShow("Facebook no funciona."), incUpdate("resolved", 201, nil, incUpdated, ""))
	if out, err := incidentIOTarget(t, d, newTestEnv(nil)).Send(context.Background(), req); err != nil || out.ID != "01INC" {
		t.Fatalf("%+v, %v", out, err)
	}
}

func TestIncidentIOCheckFindsThePageAcrossPages(t *testing.T) {
	h := map[string]string{"Authorization": incAuth}
	d := newDouble(t,
		exchange{method: "GET", path: "/v2/status_pages?page_size=100", header: h,
			answer: `{"status_pages":[{"id":"01OTHER","name":"Internal","public_url":"https://status.internal.example"}],"pagination_meta":{"after":"01OTHER","page_size":100}}`},
		exchange{method: "GET", path: "/v2/status_pages?after=01OTHER&page_size=100", header: h,
			answer: `{"status_pages":[{"id":"01FCNDV6P870EA6S7TK1DSYDG0","name":"Río Verde","public_url":"https://status.rioverde.example"}],"pagination_meta":{"page_size":100}}`})
	r := incidentIOTarget(t, d, newTestEnv(nil)).Check(context.Background())
	if !r.OK() || len(r.Verified) != 1 || !strings.Contains(r.Verified[0], "01FCNDV6P870EA6S7TK1DSYDG0 (Río Verde, https://status.rioverde.example)") {
		t.Errorf("%+v", r)
	}
	d = newDouble(t, exchange{method: "GET", path: "/v2/status_pages?page_size=100", answer: `{"status_pages":[],"pagination_meta":{"page_size":100}}`})
	if r := incidentIOTarget(t, d, newTestEnv(nil)).Check(context.Background()); r.OK() || !strings.Contains(r.Err.Error(), "status page 01FCNDV6P870EA6S7TK1DSYDG0 is not among the status pages this key can see") {
		t.Errorf("%+v", r)
	}
}

func TestIncidentIORefusesToOpenWithoutAKey(t *testing.T) {
	d := newDouble(t)
	req := pageAnnouncement("holding", "", "", "x")
	req.Key = ""
	_, err := incidentIOTarget(t, d, newTestEnv(nil)).Send(context.Background(), req)
	if e := asError(t, err); e.Retry != Refused || d.requests() != 0 {
		t.Errorf("%v", e)
	}
}
