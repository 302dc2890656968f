package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// copyManual copies the repository's manual (playbooks and templates) to a
// temporary folder and applies the edits to its manual.yaml.
func copyManual(t *testing.T, edits map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"playbooks", "templates"} {
		files, err := filepath.Glob(filepath.Join(repoRoot(t), sub, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Base(f) == "manual.yaml" {
				s := string(data)
				for old, new := range edits {
					if !strings.Contains(s, old) {
						t.Fatalf("manual.yaml holds no %q", old)
					}
					s = strings.Replace(s, old, new, 1)
				}
				data = []byte(s)
			}
			if err := os.WriteFile(filepath.Join(dir, sub, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestSendInTerminal sends meta-outage's holding step on four targets in
// one command, in a real 80x24 terminal: what will go where is shown, the
// confirmation asked, progress drawn, and each outcome shown.
func TestSendInTerminal(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	got := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		mu.Lock()
		got[r.URL.Path]++
		mu.Unlock()
		if id := r.Header.Get("X-Crisis-Delivery"); id != "" {
			fmt.Fprintf(w, `{"id": "post-%d"}`, len(got))
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	hook := func(path string) string {
		return "\n    target: {provider: webhook, url: " + srv.URL + path + ", secret: {env: HOOK_KEY}}"
	}
	dir := copyManual(t, map[string]string{
		"    domain: statuspage\n    owner: ecommerce":       "    domain: statuspage\n    owner: ecommerce" + hook("/status"),
		"    domain: telegram\n    owner: community-manager": "    domain: telegram\n    owner: community-manager" + hook("/telegram"),
		"    limit: 200 # characters; the banner component":  "    target: {provider: webhook, url: " + srv.URL + "/banner, secret: {env: HOOK_KEY}}\n    limit: 200 # characters; the banner component",
		"    domain: slack\n    owner: people-ops":           "    domain: slack\n    owner: people-ops\n    target: {provider: slack, secret: {env: SLACK_URL}}",
	})
	state := t.TempDir()
	cmd := fmt.Sprintf("env NO_COLOR=1 HOOK_KEY=k3y SLACK_URL=%s/services/T/B/x XDG_STATE_HOME=%s %s -m %s run meta-outage -l es "+
		"--var status_url=status.rioverde.example --var support_phone='900 100 200' --var press_phone='+34 910 200 400' --var purchasing_phone='+34 910 200 300'; echo EXITED $?; sleep 30",
		srv.URL, state, crisisBin(t), dir)
	tm := newTmux(t, cmd)
	tm.waitFor("STEP 1/")
	tm.send("c 1 2 3 4")
	tm.send("d")
	tm.waitFor("STEP 2/")
	tm.send("a")
	tm.waitFor("approved by")
	tm.send("send all")
	s := tm.waitFor("type yes to send")
	for _, want := range []string{"status-page  es  via webhook: 1 post", "slack-staff  es  via slack: 1 post", "telegram-channel  es  via webhook"} {
		if !strings.Contains(tm.history(), want) {
			t.Errorf("the plan lacks %q:\n%s", want, s)
		}
	}
	tm.send("yes")
	s = tm.waitFor("sent slack-staff (es) via slack")
	hist := tm.history()
	for _, want := range []string{"✓ sent", "sent status-page (es) via webhook: post-", "sent website-banner (es) via webhook", "sent telegram-channel (es) via webhook"} {
		if !strings.Contains(hist, want) {
			t.Errorf("the terminal lacks %q:\n%s", want, s)
		}
	}
	mu.Lock()
	if got["/status"] != 2 || got["/telegram"] != 1 || got["/banner"] != 1 || got["/services/T/B/x"] != 1 {
		t.Errorf("deliveries: %v", got)
	}
	mu.Unlock()
	tm.send("r") // the step again: its announcements on target channels are sent
	s = tm.waitFor("STEP 2/")
	for _, line := range strings.Split(s, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line wider than 80 columns (%d): %q", n, line)
		}
	}
	tm.send("p")
	tm.waitFor("EXITED")
}
