package dispatch

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The requests below are written from Statuspage's REST API v1 reference
// (developer.statuspage.io: "Create an incident", "Update an incident",
// "Get a page"), not from the adapter.

const spPage = "/v1/pages/kctbh9vrtdwd"

func statuspageTarget(t *testing.T, d *double, env *testEnv, options map[string]string) Target {
	t.Helper()
	opts := map[string]string{"page_id": "kctbh9vrtdwd"}
	for k, v := range options {
		opts[k] = v
	}
	return open(t, Config{Name: "status-page", Provider: "statuspage", URL: d.srv.URL, Secret: SecretRef{Env: "SP_KEY"}, Options: opts},
		withSecret(env, "SP_KEY", "sp-key-0123456789"))
}

func pageAnnouncement(step, state, thread, text string) Request {
	return Request{Announcement: Announcement{Channel: "status-page", Kind: "status-page", Locale: "es", Text: text,
		Key: "20261123-014315-facebook-down/" + step + "/status-page/es", At: sentAt, Thread: thread, State: state, Title: "Facebook e Instagram no funcionan"}}
}

func TestStatuspageOpensUpdatesAndResolvesOneIncident(t *testing.T) {
	auth := map[string]string{"Authorization": "OAuth sp-key-0123456789", "Content-Type": "application/json"}
	incident := `{"id":"p31zjtct2jer","name":"Facebook e Instagram no funcionan","status":"%s","shortlink":"http://stspg.io/p31zjtct2jer","incident_updates":[]}`
	d := newDouble(t,
		exchange{method: "POST", path: spPage + "/incidents", header: auth,
			json:   `{"incident":{"name":"Facebook e Instagram no funcionan","status":"investigating","body":"Facebook no funciona. Os informamos aquí.","deliver_notifications":true}}`,
			status: 201, answer: fmt.Sprintf(incident, "investigating")},
		exchange{method: "PATCH", path: spPage + "/incidents/p31zjtct2jer", header: auth,
			json:   `{"incident":{"status":"identified","body":"Meta ha identificado la causa.","deliver_notifications":true}}`,
			answer: fmt.Sprintf(incident, "identified")},
		exchange{method: "PATCH", path: spPage + "/incidents/p31zjtct2jer", header: auth,
			json:   `{"incident":{"body":"Seguimos atentos.","deliver_notifications":true}}`,
			answer: fmt.Sprintf(incident, "identified")},
		exchange{method: "PATCH", path: spPage + "/incidents/p31zjtct2jer", header: auth,
			json:   `{"incident":{"status":"resolved","body":"Todo funciona de nuevo.","deliver_notifications":true}}`,
			answer: fmt.Sprintf(incident, "resolved")},
	)
	target := statuspageTarget(t, d, newTestEnv(nil), nil)
	out, err := target.Send(context.Background(), pageAnnouncement("holding", "", "", "Facebook no funciona. Os informamos aquí."))
	if err != nil || out.ID != "p31zjtct2jer" || out.URL != "http://stspg.io/p31zjtct2jer" || out.Delivered != 1 {
		t.Fatalf("open: %+v, %v", out, err)
	}
	for _, s := range []struct{ step, state, text string }{
		{"update-1", "identified", "Meta ha identificado la causa."},
		{"update-2", "", "Seguimos atentos."},
		{"all-clear", "resolved", "Todo funciona de nuevo."},
	} {
		o, err := target.Send(context.Background(), pageAnnouncement(s.step, s.state, out.ID, s.text))
		if err != nil || o.ID != out.ID || o.Delivered != 1 {
			t.Fatalf("%s: %+v, %v", s.step, o, err)
		}
	}
	if d.requests() != 4 {
		t.Errorf("%d requests, want 4", d.requests())
	}
}

func TestStatuspageWithoutTitleNamesTheIncidentByTheTextsFirstLine(t *testing.T) {
	long := strings.Repeat("á", 300)
	d := newDouble(t, exchange{method: "POST", path: spPage + "/incidents",
		json:   `{"incident":{"name":"` + strings.Repeat("á", 254) + `…","status":"monitoring","body":"` + long + `\nMore.","deliver_notifications":false}}`,
		status: 201, answer: `{"id":"x1"}`})
	req := pageAnnouncement("holding", "monitoring", "", long+"\nMore.")
	req.Title = ""
	out, err := statuspageTarget(t, d, newTestEnv(nil), map[string]string{"notify": "false"}).Send(context.Background(), req)
	if err != nil || out.ID != "x1" {
		t.Fatalf("%+v, %v", out, err)
	}
}

func TestStatuspageFaults(t *testing.T) {
	open := exchange{method: "POST", path: spPage + "/incidents"}
	update := exchange{method: "PATCH", path: spPage + "/incidents/p31"}
	with := func(x exchange, status int, headers map[string]string, answer, fault string) exchange {
		x.status, x.headers, x.answer, x.fault = status, headers, answer, fault
		return x
	}
	cases := []struct {
		name     string
		thread   string
		script   []exchange
		posted   bool
		retry    Retry
		slept    []time.Duration
		requests int
	}{
		{"420 is Statuspage's rate limit: backoff, then one incident", "",
			[]exchange{with(open, 420, nil, `{"error":"rate limited"}`, ""), with(open, 201, nil, `{"id":"p31"}`, "")}, true, 0, []time.Duration{500 * time.Millisecond}, 2},
		{"429 with Retry-After waits that long", "p31",
			[]exchange{with(update, 429, map[string]string{"Retry-After": "5"}, "", ""), with(update, 200, nil, `{"id":"p31"}`, "")}, true, 0, []time.Duration{5 * time.Second}, 2},
		{"500 on opening may have opened it: unknown, not retried", "",
			[]exchange{with(open, 500, nil, "internal error", "")}, false, Unknown, nil, 1},
		{"no answer in time to an update: unknown, not retried", "p31",
			[]exchange{with(update, 0, nil, "", "hang")}, false, Unknown, nil, 1},
		{"401: refused", "",
			[]exchange{with(open, 401, nil, `{"error":"Could not authenticate"}`, "")}, false, Refused, nil, 1},
		{"an incident that is not there: refused", "p31",
			[]exchange{with(update, 404, nil, `{"error":"Incident not found"}`, "")}, false, Refused, nil, 1},
		{"2xx without an incident id: unknown", "",
			[]exchange{with(open, 201, nil, `<html>ok</html>`, "")}, false, Unknown, nil, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDouble(t, c.script...)
			env := newTestEnv(nil)
			out, err := statuspageTarget(t, d, env, nil).Send(context.Background(), pageAnnouncement("holding", "", c.thread, "Facebook no funciona."))
			if c.posted {
				if err != nil || out.ID != "p31" {
					t.Fatalf("not posted: %+v, %v", out, err)
				}
			} else {
				checkNotPosted(t, out, err, c.retry, "sp-key-0123456789")
			}
			checkAttempts(t, d, env, c.requests, c.slept)
		})
	}
}

func TestStatuspageRefusesAnUnknownStateBeforeAnyRequest(t *testing.T) {
	d := newDouble(t)
	_, err := statuspageTarget(t, d, newTestEnv(nil), nil).Send(context.Background(), pageAnnouncement("holding", "fixed", "", "x"))
	if e := asError(t, err); e.Retry != Refused || !strings.Contains(e.Msg, `state "fixed" is not an incident state (investigating, identified, monitoring, resolved)`) || d.requests() != 0 {
		t.Errorf("%v after %d requests", e, d.requests())
	}
}

func TestStatuspageCheckReadsThePage(t *testing.T) {
	d := newDouble(t, exchange{method: "GET", path: spPage, header: map[string]string{"Authorization": "OAuth sp-key-0123456789"},
		answer: `{"id":"kctbh9vrtdwd","name":"Río Verde","subdomain":"rioverde","url":"https://status.rioverde.example"}`})
	r := statuspageTarget(t, d, newTestEnv(nil), nil).Check(context.Background())
	if !r.OK() || len(r.Verified) != 1 || r.Verified[0] != "key valid, page kctbh9vrtdwd (Río Verde)" || len(r.Unverified) != 1 {
		t.Errorf("%+v", r)
	}
}
