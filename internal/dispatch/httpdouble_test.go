package dispatch

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"sync"
	"testing"
	"time"
)

// exchange is one request a provider double expects, written by hand from
// the provider's documentation, and what the double does about it.
type exchange struct {
	method string
	path   string            // path and raw query, exactly
	header map[string]string // headers that must be present with these values
	json   string            // expected JSON body (compared as JSON), or
	form   url.Values        // expected form body
	// the answer
	status  int
	headers map[string]string
	answer  string
	fault   string // "reset": close the connection after reading the request; "hang": never answer
}

// double is an httptest server playing a provider's API through a script.
type double struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	script []exchange
	got    []*http.Request
	bodies []string
}

func newDouble(t *testing.T, script ...exchange) *double {
	d := &double{t: t, script: script}
	d.srv = httptest.NewServer(http.HandlerFunc(d.serve))
	t.Cleanup(d.srv.Close)
	return d
}

func (d *double) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	d.mu.Lock()
	n := len(d.got)
	d.got = append(d.got, r)
	d.bodies = append(d.bodies, string(body))
	d.mu.Unlock()
	if n >= len(d.script) {
		d.t.Errorf("request %d %s %s not expected: %s", n+1, r.Method, r.URL, body)
		http.Error(w, "unexpected", http.StatusTeapot)
		return
	}
	x := d.script[n]
	d.check(n, x, r, body)
	switch x.fault {
	case "reset":
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
		return
	case "hang":
		<-r.Context().Done()
		return
	}
	for k, v := range x.headers {
		w.Header().Set(k, v)
	}
	if x.status == 0 {
		x.status = http.StatusOK
	}
	w.WriteHeader(x.status)
	io.WriteString(w, x.answer)
}

func (d *double) check(n int, x exchange, r *http.Request, body []byte) {
	t := d.t
	if r.Method != x.method || r.URL.RequestURI() != x.path {
		t.Errorf("request %d: %s %s, want %s %s", n+1, r.Method, r.URL.RequestURI(), x.method, x.path)
	}
	for k, v := range x.header {
		if got := r.Header.Get(k); got != v {
			t.Errorf("request %d: header %s = %q, want %q", n+1, k, got, v)
		}
	}
	switch {
	case x.json != "":
		var got, want any
		if err := json.Unmarshal(body, &got); err != nil {
			t.Errorf("request %d: body is not JSON: %s", n+1, body)
		}
		if err := json.Unmarshal([]byte(x.json), &want); err != nil {
			t.Fatalf("bad expectation: %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("request %d: body\n%s\nwant\n%s", n+1, body, x.json)
		}
	case x.form != nil:
		got, err := url.ParseQuery(string(body))
		if err != nil || !reflect.DeepEqual(got, x.form) {
			t.Errorf("request %d: form %s, want %s", n+1, body, x.form.Encode())
		}
	}
}

func (d *double) requests() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.got)
}

// testEnv gives targets the secrets in env, a client with a short timeout,
// and a sleep that records instead of waiting.
type testEnv struct {
	Env
	mu    sync.Mutex
	slept []time.Duration
}

func newTestEnv(secrets map[string]string) *testEnv {
	e := &testEnv{}
	e.Env = Env{
		LookupEnv: func(k string) (string, bool) { v, ok := secrets[k]; return v, ok },
		HTTP:      &http.Client{Timeout: 300 * time.Millisecond},
		Now:       func() time.Time { return time.Date(2026, 11, 23, 1, 58, 0, 0, time.UTC) },
		Sleep: func(_ context.Context, d time.Duration) error {
			e.mu.Lock()
			e.slept = append(e.slept, d)
			e.mu.Unlock()
			return nil
		},
	}
	return e
}
