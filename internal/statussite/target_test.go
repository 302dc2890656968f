package statussite

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// screen records what a run shows.
type screen struct {
	runbook.NoScreen
	mu    sync.Mutex
	lines []string
}

func (v *screen) Start(*runbook.Session)                 {}
func (v *screen) Step(*runbook.Session, runbook.Batch)   {}
func (v *screen) Update(*runbook.Session, runbook.Batch) {}
func (v *screen) Reminder(*runbook.Session, time.Time)   {}
func (v *screen) Help()                                  {}
func (v *screen) End(*runbook.Session)                   {}
func (v *screen) Info(f string, a ...any)                { v.add(f, a...) }
func (v *screen) Warn(f string, a ...any)                { v.add(f, a...) }
func (v *screen) add(f string, a ...any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.lines = append(v.lines, fmt.Sprintf(f, a...))
}

// sendToSite runs meta-outage with its status-page channel's target (and
// no other target): confirm, approve the holding step, send it.
func sendToSite(t *testing.T, drill bool, target *manual.Target) (runs string, m *manual.Manual, s *runbook.Session, v *screen) {
	t.Helper()
	m, cat := exampletest.Load(t)
	m.Channel("status-page").Target = target
	runs = t.TempDir()
	clk := &clock{t: time.Date(2026, 11, 23, 1, 43, 0, 0, time.UTC)}
	s, err := runbook.Start(runbook.Options{RunsDir: runs, Manual: m, Playbook: m.Playbook("meta-outage"), Catalog: cat,
		Drill: drill, Locales: all, Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := exampletest.Lines{"c 1 2 3 4", "d", "a", "send all", "yes"}
	v = &screen{}
	env := dispatch.Env{RunsDir: runs, Manual: m, Now: func() time.Time { return frozen }}
	f := &runbook.Flow{S: s, In: &in, View: v, Dispatch: &runbook.Dispatcher{Env: env}}
	given := map[string]string{}
	for _, x := range append(append([]manual.Variable(nil), m.Variables...), s.Playbook.Variables...) {
		given[x.Name] = x.Example
	}
	if err := f.AskVars(given); err != nil {
		t.Fatal(err)
	}
	if err := f.Run(); err != runbook.ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v\n%s", err, strings.Join(v.lines, "\n"))
	}
	return runs, m, s, v
}

// TestSendToTheStatusSite: the holding step sent to a status site target
// on a folder bucket publishes the page with it, in every language, and
// journals the send like any other: intent, outcome with the update's id,
// marked sent. Rebuilt afterwards from the journal alone, the site is
// byte for byte the one published: the same update ids and times, so a
// feed reader never sees the update twice.
func TestSendToTheStatusSite(t *testing.T) {
	bucket := t.TempDir()
	runs, m, s, v := sendToSite(t, false, &manual.Target{Provider: "statussite", URL: bucketURL(bucket)})
	for _, l := range all {
		if !s.State.IsSent("holding", "meta-holding", "status-page", l) {
			t.Fatalf("the status page (%s) is not marked sent:\n%s", l, strings.Join(v.lines, "\n"))
		}
	}
	published := readDir(t, bucket)
	for _, l := range all {
		text, err := os.ReadFile(renderedFile(t, s.Dir, "status-page", l))
		if err != nil {
			t.Fatal(err)
		}
		page := string(published[l+"/index.html"])
		if !strings.Contains(page, `data-state="identified"`) || !strings.Contains(page, htmlEscape(strings.TrimSpace(string(text)))) {
			t.Errorf("%s: the published page lacks the holding text or the identified state", l)
		}
	}
	outcomes := journalOf[runbook.SendOutcome](t, s.Dir, journal.TypeSendOutcome)
	// The holding step has two messages on the status page (customers'
	// and suppliers'), in four languages.
	if len(outcomes) != 2*len(all) {
		t.Fatalf("%d outcomes, want %d", len(outcomes), 2*len(all))
	}
	for _, o := range outcomes {
		if o.Error != "" || o.Delivered != 1 || !strings.HasPrefix(o.ID, "urn:uuid:") || !bytes.Contains(published["es/feed.atom"], []byte(o.ID)) {
			t.Errorf("outcome %+v: want delivered with the update's id, as the feed has it", o)
		}
	}
	rebuilt, _ := siteAt(t, runs, m, frozen)
	if !sameFiles(published, rebuilt) {
		for p := range rebuilt {
			if !bytes.Equal(rebuilt[p], published[p]) {
				t.Errorf("%s rebuilt from the journal differs from the one published", p)
			}
		}
	}
}

// TestDrillSendsToTheSiteOnlyAsAPreview: in a drill the channel's drill
// target is used, and what it publishes is a drill preview, marked.
func TestDrillSendsToTheSiteOnlyAsAPreview(t *testing.T) {
	real, preview := t.TempDir(), t.TempDir()
	target := &manual.Target{Provider: "statussite", URL: bucketURL(real),
		Drill: &manual.Target{Provider: "statussite", URL: bucketURL(preview)}}
	sendToSite(t, true, target)
	if got := readDir(t, real); len(got) != 0 {
		t.Errorf("a drill published to the real site: %v", got)
	}
	page := readDir(t, preview)["es/index.html"]
	if !bytes.Contains(page, []byte(`class="drill"`)) || !bytes.Contains(page, []byte(`data-state="identified"`)) {
		t.Errorf("the drill preview is not marked, or lacks the holding step")
	}
}

func TestTargetConfiguration(t *testing.T) {
	cases := map[string]dispatch.Config{
		"target status-page: url is where to publish: file:///srv/status, s3://bucket?region=..., gs://bucket, azblob://container or git+REMOTE#BRANCH; unknown option branch (known: base_url, domain)": {
			Name: "status-page", Provider: "statussite", Options: map[string]string{"branch": "pages"}},
		"target status-page: a status site target takes no secret: the store's client finds its own credentials": {
			Name: "status-page", Provider: "statussite", URL: "file:///srv/status", Secret: dispatch.SecretRef{Env: "X"}},
	}
	for want, cfg := range cases {
		if _, err := dispatch.Open(cfg, dispatch.Env{}); err == nil || err.Error() != want {
			t.Errorf("%v\nwant %s", err, want)
		}
	}
	target, err := dispatch.Open(dispatch.Config{Name: "status-page", Provider: "statussite", URL: "file:///srv/status"}, dispatch.Env{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := target.Send(context.Background(), dispatch.Request{}); err == nil || !strings.Contains(err.Error(), "send to it from a run") {
		t.Errorf("a send outside a run: %v", err)
	}
}

func renderedFile(t *testing.T, dir, channel, locale string) string {
	t.Helper()
	for _, msg := range journalOf[runbook.Message](t, dir, journal.TypeMessageRendered) {
		if msg.Step == "holding" && msg.Channel == channel && msg.Locale == locale {
			return filepath.Join(dir, msg.File)
		}
	}
	t.Fatalf("no rendering of %s in %s", channel, locale)
	return ""
}

func journalOf[T any](t *testing.T, dir, typ string) []T {
	t.Helper()
	run, err := runbook.ReadRun(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	for _, e := range run.Events {
		if e.Type == typ {
			var v T
			if err := json.Unmarshal(e.Data, &v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
	}
	return out
}

// htmlEscape escapes as html/template does text: what the page holds.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}
