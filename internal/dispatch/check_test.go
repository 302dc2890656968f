package dispatch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/channel"
)

// checkCase is a target whose check reads something without posting: the
// requests its provider documents for that, and what the check reports.
type checkCase struct {
	name   string
	cfg    func(base string) Config
	script []exchange
	want   []string
}

func checkCases(list string) []checkCase {
	return []checkCase{
		{"telegram getMe and getChat",
			func(base string) Config {
				return Config{Name: "tg", Provider: "telegram", URL: base, Secret: SecretRef{Env: "S"}, Options: map[string]string{"chat_id": "@rioverde_avisos"}}
			},
			[]exchange{
				{method: "POST", path: "/botS3CRET:tok/getMe", answer: `{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"Rioverde","username":"rioverde_bot"}}`},
				{method: "POST", path: "/botS3CRET:tok/getChat", json: `{"chat_id":"@rioverde_avisos"}`, answer: `{"ok":true,"result":{"id":-1001,"type":"channel","title":"Ríoverde avisos"}}`},
			},
			[]string{"token valid: bot @rioverde_bot", `chat @rioverde_avisos found: "Ríoverde avisos" (channel)`}},
		{"twilio account fetch",
			func(base string) Config {
				return Config{Name: "sms", Provider: "twilio", URL: base, Secret: SecretRef{Env: "S"}, Recipients: &RecipientList{Path: list},
					Options: map[string]string{"account_sid": "AC123", "messaging_service_sid": "MG1"}}
			},
			[]exchange{{method: "GET", path: "/2010-04-01/Accounts/AC123.json", header: map[string]string{"Authorization": "Basic QUMxMjM6UzNDUkVUOnRvaw=="},
				answer: `{"sid":"AC123","friendly_name":"Rioverde","status":"active"}`}},
			[]string{`credentials valid: account "Rioverde" is active`, "recipient list " + list + ": 1 to send, 0 opted out, 0 malformed"}},
		{"mastodon verify_credentials",
			func(base string) Config {
				return Config{Name: "m", Provider: "mastodon", URL: base, Secret: SecretRef{Env: "S"}}
			},
			[]exchange{{method: "GET", path: "/api/v1/accounts/verify_credentials", header: map[string]string{"Authorization": "Bearer S3CRET:tok"}, answer: `{"id":"1","acct":"rioverde"}`}},
			[]string{"token valid: @rioverde"}},
		{"discord reads its webhook",
			func(base string) Config {
				return Config{Name: "d", Provider: "discord", Secret: SecretRef{Env: "HOOK"}}
			},
			[]exchange{{method: "GET", path: "/api/webhooks/1/t", answer: `{"id":"1","type":1,"name":"Avisos","channel_id":"99","token":"t"}`}},
			[]string{"webhook Avisos posts to channel 99"}},
		{"bluesky createSession",
			func(base string) Config {
				return Config{Name: "b", Provider: "bluesky", URL: base, Secret: SecretRef{Env: "S"}, Options: map[string]string{"handle": "rio.bsky.social"}}
			},
			[]exchange{{method: "POST", path: "/xrpc/com.atproto.server.createSession", json: `{"identifier":"rio.bsky.social","password":"S3CRET:tok"}`,
				answer: `{"accessJwt":"j","did":"did:plc:rio","handle":"rio.bsky.social"}`}},
			[]string{"logged in as rio.bsky.social (did:plc:rio)"}},
		{"whatsapp reads the sending number",
			func(base string) Config {
				return Config{Name: "w", Provider: "whatsapp", URL: base, Secret: SecretRef{Env: "S"}, Recipients: &RecipientList{Path: list}, Options: map[string]string{"phone_number_id": "1065"}}
			},
			[]exchange{{method: "GET", path: "/1065?fields=display_phone_number,verified_name", header: map[string]string{"Authorization": "Bearer S3CRET:tok"},
				answer: `{"display_phone_number":"+34 910 200 400","verified_name":"Rioverde Hogar","id":"1065"}`}},
			[]string{"token valid: sending number +34 910 200 400 (Rioverde Hogar)", "recipient list " + list + ": 1 to send, 0 opted out, 0 malformed"}},
	}
}

func TestChecksCallOnlyWhatDoesNotPost(t *testing.T) {
	for _, c := range checkCases(writeList(t, "phone\n+34600100003\n")) {
		t.Run(c.name, func(t *testing.T) {
			d := newDouble(t, c.script...)
			env := newTestEnv(map[string]string{"S": "S3CRET:tok", "HOOK": d.srv.URL + "/api/webhooks/1/t"})
			r := open(t, c.cfg(d.srv.URL), env).Check(context.Background())
			if r.Err != nil || fmt.Sprint(r.Verified) != fmt.Sprint(c.want) {
				t.Errorf("check: verified %q, err %v; want %q", r.Verified, r.Err, c.want)
			}
			if d.requests() != len(c.script) {
				t.Errorf("%d requests, want %d", d.requests(), len(c.script))
			}
		})
	}
}

// TestChecksOfAProviderAnsweringGarbage: a check whose every request is
// answered 200 with something that is not the provider's answer (a proxy's
// page, an empty object) fails, saying what was missing, and verifies
// nothing.
func TestChecksOfAProviderAnsweringGarbage(t *testing.T) {
	for _, garbage := range []string{`<html><body>Please log in to the proxy</body></html>`, `{}`, `{"ok":true,"result":{}}`} {
		for _, c := range checkCases(writeList(t, "phone\n+34600100003\n")) {
			t.Run(c.name+" "+garbage, func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, garbage) }))
				defer srv.Close()
				env := newTestEnv(map[string]string{"S": "S3CRET:tok", "HOOK": srv.URL + "/api/webhooks/1/t"})
				r := open(t, c.cfg(srv.URL), env).Check(context.Background())
				if r.OK() || len(r.Verified) > 0 {
					t.Fatalf("a garbage answer passed the check: verified %q", r.Verified)
				}
				msg := r.Err.Error()
				if !regexp.MustCompile(`the answer is not the JSON the provider documents|the answer has no [a-z_ ]+: |unexpected answer: |the session has no token or DID`).MatchString(msg) || strings.Contains(msg, "S3CRET") {
					t.Errorf("error %q does not say what was wrong with the answer (or quotes the secret)", msg)
				}
			})
		}
	}
}

func TestWebhookChecksSayWhatTheyCannotVerify(t *testing.T) {
	env := newTestEnv(map[string]string{"HOOK": "https://hooks.slack.com/services/T1/B1/sekrit"})
	r := open(t, Config{Name: "slack-staff", Provider: "slack", Secret: SecretRef{Env: "HOOK"}}, env).Check(context.Background())
	if r.Err != nil || len(r.Unverified) != 1 || !strings.Contains(r.Unverified[0], "without posting") || strings.Contains(fmt.Sprint(r), "sekrit") {
		t.Errorf("check %+v", r)
	}
}

func TestSecrets(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("tok-123\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	private, readOnly, shared := write("private", 0o600), write("ro", 0o400), write("shared", 0o644)
	env := func(k string) (string, bool) { v, ok := map[string]string{"SET": "tok-123"}[k]; return v, ok }
	for _, ref := range []SecretRef{{Env: "SET"}, {File: private}, {File: readOnly}} {
		s, err := ref.Resolve(env)
		if err != nil || s.reveal() != "tok-123" {
			t.Errorf("%v: %q, %v", ref, s.reveal(), err)
		}
		if fmt.Sprint(s) != "[secret]" || fmt.Sprintf("%#v %+v", s, s) != "[secret] [secret]" {
			t.Errorf("a secret prints as %v / %#v", s, s)
		}
	}
	refused := map[SecretRef]string{
		{Env: "UNSET"}:              "secret: environment variable UNSET is not set: export it before sending",
		{File: shared}:              fmt.Sprintf("secret: secrets file %s has mode 0644: others can read it; run chmod 600 %s", shared, shared),
		{File: dir + "/none"}:       "secret: secrets file " + dir + "/none does not exist",
		{}:                          "secret: the target names no secret: add secret: {env: NAME} or secret: {file: PATH}",
		{Env: "SET", File: private}: "secret: give either env or file, not both",
	}
	for ref, want := range refused {
		_, err := ref.Resolve(env)
		if err == nil || err.Error() != want {
			t.Errorf("%v: %v, want %q", ref, err, want)
		}
	}
	// Opening a target with a missing secret names the target and the variable.
	_, err := Open(Config{Name: "telegram-channel", Provider: "telegram", Secret: SecretRef{Env: "CRISIS_TG"}, Options: map[string]string{"chat_id": "@x"}}, Env{LookupEnv: env})
	if err == nil || err.Error() != "target telegram-channel: secret: environment variable CRISIS_TG is not set: export it before sending" {
		t.Errorf("open without the secret: %v", err)
	}
}

func TestConfigurationErrors(t *testing.T) {
	env := Env{LookupEnv: func(string) (string, bool) { return "x", true }}
	cases := map[string]Config{
		`target t: unknown provider "fax" (known: bluesky, discord, incidentio, mastodon, mattermost, slack, smtp, statuspage, statussite, teams, telegram, twilio, webhook, whatsapp)`: {Name: "t", Provider: "fax"},
		"target t: option chat_id is required (the channel, \"@name\" or its numeric id); unknown option chatid (known: chat_id)":                                                       {Name: "t", Provider: "telegram", Options: map[string]string{"chatid": "@x"}},
		"target t: smtp sends to a recipient list: add recipients: {path: FILE.csv}":                                                                                                    {Name: "t", Provider: "smtp"},
		"target t: option page_id is required (the page's id, from the page's API info); option notify must be true or false, not \"maybe\"":                                            {Name: "t", Provider: "statuspage", Options: map[string]string{"notify": "maybe"}},
		"target t: slack posts to one place and takes no recipient list":                                                                                                                {Name: "t", Provider: "slack", Recipients: &RecipientList{Path: "x.csv"}},
		"target t: tls none is allowed only for a relay on this machine (localhost), not mail.example.com":                                                                              {Name: "t", Provider: "smtp", URL: "smtp://mail.example.com", Recipients: &RecipientList{Path: "x"}, Options: map[string]string{"from": "a@example.com", "list_unsubscribe": "<mailto:u@example.com>", "tls": "none"}},
		"target t: url must be https (http only on localhost), not http://api.telegram.org/...":                                                                                         {Name: "t", Provider: "telegram", URL: "http://api.telegram.org", Options: map[string]string{"chat_id": "@x"}},
	}
	for want, cfg := range cases {
		if _, err := Open(cfg, env); err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", cfg.Provider, err, want)
		}
	}
}

func TestRegistryKinds(t *testing.T) {
	// Kinds the channel package does not profile yet: chat webhooks of
	// Mattermost, Discord and Teams need channel kinds of their own.
	pending := map[string]bool{"mattermost": true, "discord": true, "teams": true}
	for _, p := range Providers() {
		for _, k := range p.Kinds {
			if _, ok := channel.Lookup(k); !ok && !pending[k] {
				t.Errorf("provider %s serves kind %q, which internal/channel does not know", p.Name, k)
			}
		}
	}
	smtp, _ := LookupProvider("smtp")
	hook, _ := LookupProvider("webhook")
	if !smtp.Serves("email") || smtp.Serves("sms") || !hook.Serves("website-banner") || !smtp.Bulk || hook.Bulk || !hook.Dedup {
		t.Errorf("smtp %+v, webhook %+v", smtp, hook)
	}
}

// recordKey must be a TID as atproto.com/specs/tid defines it, stable for
// one announcement, different for another, and carry At's second.
func TestBlueskyRecordKeyIsAStableTID(t *testing.T) {
	tid := regexp.MustCompile(`^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$`)
	at := time.Date(2026, 11, 23, 1, 58, 0, 0, time.UTC)
	a, b := recordKey(at, "run/holding/bluesky/es"), recordKey(at, "run/holding/bluesky/en")
	if !tid.MatchString(a) || !tid.MatchString(b) || a == b || recordKey(at, "run/holding/bluesky/es") != a {
		t.Fatalf("keys %q %q", a, b)
	}
	const alphabet = "234567abcdefghijklmnopqrstuvwxyz"
	var v uint64
	for _, c := range a {
		v = v<<5 | uint64(strings.IndexRune(alphabet, c))
	}
	if got := time.UnixMicro(int64(v >> 10)).UTC(); got.Truncate(time.Second) != at {
		t.Errorf("the key's time is %v, want within the second of %v", got, at)
	}
}

func TestRecipientListMustBeOutsideTheRepository(t *testing.T) {
	repo := t.TempDir()
	inside := RecipientList{Path: filepath.Join(repo, "lists", "customers.csv")}
	outside := RecipientList{Path: filepath.Join(filepath.Dir(repo), "customers.csv")}
	sibling := RecipientList{Path: repo + "-lists/customers.csv"}
	if err := inside.OutsideRepository(repo); err == nil || !strings.Contains(err.Error(), "is inside the repository") {
		t.Errorf("inside: %v", err)
	}
	if err := outside.OutsideRepository(repo); err != nil {
		t.Errorf("outside: %v", err)
	}
	if err := sibling.OutsideRepository(repo); err != nil {
		t.Errorf("a sibling folder whose name starts like the repository's: %v", err)
	}
}

func TestCountRecipientsForAConfirmation(t *testing.T) {
	list := writeList(t, "name,email,opt_out\nAna,ana@example.com,\nBea,bea@example.com,yes\nCarl,carl@,\nDiego,diego@example.com,no\n")
	c, err := CountRecipients(Config{Name: "email-customers", Provider: "smtp", Recipients: &RecipientList{Path: list}})
	if err != nil || c.Send != 2 || c.OptedOut != 1 || c.Malformed != 1 || len(c.First) != 1 || c.First[0].Line != 4 || c.First[0].Col != 6 {
		t.Errorf("count %+v (%v), %v", c, c.First, err)
	}
	if _, err := CountRecipients(Config{Name: "slack-staff", Provider: "slack"}); err == nil {
		t.Errorf("a webhook has no list to count")
	}
}
