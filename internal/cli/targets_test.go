package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/manual"
)

// TestTargetsCheck checks a manual's targets against a Telegram double:
// the getMe and getChat it answers are verified and nothing is posted; a
// missing secret, a secrets file others can read and a webhook that cannot
// be called without posting are each said plainly.
func TestTargetsCheck(t *testing.T) {
	var posted []string
	tg := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posted = append(posted, r.URL.Path)
		switch r.URL.Path {
		case "/botTOKEN:1/getMe":
			io.WriteString(w, `{"ok":true,"result":{"id":1,"is_bot":true,"username":"rioverde_bot"}}`)
		case "/botTOKEN:1/getChat":
			io.WriteString(w, `{"ok":true,"result":{"id":-1001,"type":"channel","title":"Ríoverde"}}`)
		default:
			w.WriteHeader(404)
		}
	}))
	defer tg.Close()
	loose := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(loose, []byte("k\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags, err := manual.Load(manual.Builtin(), manual.BuiltinRoot)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	set := func(id string, tgt *manual.Target) { m.Channel(id).Target = tgt }
	set("telegram-channel", &manual.Target{Provider: "telegram", URL: tg.URL, Secret: manual.SecretRef{Env: "TG_TOKEN"},
		Options: map[string]string{"chat_id": "@rioverdehogar"}})
	set("slack-staff", &manual.Target{Provider: "slack", Secret: manual.SecretRef{Env: "SLACK_URL"}})
	set("sms-staff", &manual.Target{Provider: "twilio", Secret: manual.SecretRef{Env: "TWILIO_TOKEN"},
		Options: map[string]string{"account_sid": "AC1", "messaging_service_sid": "MG1"}, Recipients: &manual.Recipients{Path: "/srv/staff.csv"}})
	set("status-page", &manual.Target{Provider: "webhook", URL: "https://status.example/hook", Secret: manual.SecretRef{File: loose}})
	env := dispatch.Env{LookupEnv: func(k string) (string, bool) {
		v, ok := map[string]string{"TG_TOKEN": "TOKEN:1", "SLACK_URL": "https://hooks.slack.com/services/T/B/x"}[k]
		return v, ok
	}}
	var out strings.Builder
	failed := checkTargets(context.Background(), &out, m, nil, env)
	got := out.String()
	for _, want := range []string{
		"telegram-channel via telegram: ok\n  verified: token valid: bot @rioverde_bot\n  verified: chat @rioverdehogar found: \"Ríoverde\" (channel)\n  not verified: that the bot is an administrator",
		"slack-staff via slack: ok\n  verified: secret resolved: a webhook URL on hooks.slack.com\n  not verified: slack offers no way to call an incoming webhook without posting",
		"sms-staff via twilio: FAILED\n  error: target sms-staff: secret: environment variable TWILIO_TOKEN is not set: export it before sending",
		"status-page via webhook: FAILED\n  error: target status-page: secret: secrets file " + loose + " has mode 0644: others can read it; run chmod 600 " + loose,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks\n%s\n--- got:\n%s", want, got)
		}
	}
	if failed != 2 {
		t.Errorf("%d failed, want 2", failed)
	}
	if strings.Join(posted, " ") != "/botTOKEN:1/getMe /botTOKEN:1/getChat" {
		t.Errorf("calls to Telegram: %v; only getMe and getChat may be called", posted)
	}
}
