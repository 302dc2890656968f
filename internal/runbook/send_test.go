package runbook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// hookServer stands in for a signed webhook receiver and a Slack incoming
// webhook: it counts deliveries by X-Crisis-Delivery (or by body for
// Slack) and can hold or fail requests.
type hookServer struct {
	*httptest.Server
	mu     sync.Mutex
	counts map[string]int
	bodies []string
	status int // answer with this status; 0: 200
}

func startHook(t testing.TB) *hookServer {
	h := &hookServer{counts: map[string]int{}}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		id := r.Header.Get(dispatch.HeaderDelivery)
		if id == "" {
			id = r.URL.Path + " " + string(body)
		}
		h.counts[id]++
		h.bodies = append(h.bodies, string(body))
		status := h.status
		h.mu.Unlock()
		if status != 0 {
			w.WriteHeader(status)
			return
		}
		if r.Header.Get(dispatch.HeaderDelivery) != "" {
			fmt.Fprintf(w, `{"id": %q}`, "post-"+id)
			return
		}
		io.WriteString(w, "ok")
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookServer) total() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.bodies)
}

// smtpCounter is a real SMTP server (go-smtp) on a loopback port that
// counts the messages each recipient got.
type smtpCounter struct {
	addr  string
	delay time.Duration // before accepting each message, as a relay across a network
	mu    sync.Mutex
	count map[string]int
	total int
	data  []string
}

func startSMTPCounter(t testing.TB) *smtpCounter { return startSMTPDelayed(t, 0) }

func startSMTPDelayed(t testing.TB, delay time.Duration) *smtpCounter {
	s := &smtpCounter{count: map[string]int{}, delay: delay}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &counterSession{s: s}, nil }))
	srv.Domain = "localhost"
	srv.ErrorLog = quietLog{}
	srv.MaxRecipients = 50
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *smtpCounter) received() (map[string]int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.count))
	for k, v := range s.count {
		out[k] = v
	}
	return out, s.total
}

type counterSession struct {
	s  *smtpCounter
	to []string
}

func (c *counterSession) Mail(string, *smtp.MailOptions) error { return nil }
func (c *counterSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	c.to = append(c.to, to)
	return nil
}
func (c *counterSession) Data(r io.Reader) error {
	time.Sleep(c.s.delay)
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	for _, to := range c.to {
		c.s.count[to]++
		c.s.total++
	}
	if len(c.s.data) < 3 {
		c.s.data = append(c.s.data, string(b))
	}
	return nil
}
func (c *counterSession) Reset()        { c.to = nil }
func (c *counterSession) Logout() error { return nil }

// recipientList writes a CSV of n addresses, and malformed rows where
// asked (line -> row).
func recipientList(t testing.TB, n int, bad map[int]string) string {
	path := filepath.Join(t.TempDir(), "customers.csv")
	var b strings.Builder
	b.WriteString("email,opt_out\n")
	for i := 0; i < n; i++ {
		if row, ok := bad[i+2]; ok {
			b.WriteString(row + "\n")
			continue
		}
		fmt.Fprintf(&b, "c%05d@example.com,\n", i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// metaManual is the built-in manual with delivery targets on channels.
func metaManual(t testing.TB, targets map[string]*manual.Target) (*manual.Manual, *message.Catalog) {
	m, diags, err := manual.Load(manual.Builtin(), manual.BuiltinRoot)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	for i := range m.Channels {
		m.Channels[i].Target = targets[m.Channels[i].ID]
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, cat
}

// metaRun starts a meta-outage run with the given channels' targets, its
// variables set to their examples; the answers drive it.
func metaRun(t testing.TB, runs string, drill bool, locales []string, targets map[string]*manual.Target, answers ...string) (*Flow, *quietViewLog) {
	return playbookRun(t, "meta-outage", runs, drill, locales, targets, answers...)
}

func playbookRun(t testing.TB, playbook, runs string, drill bool, locales []string, targets map[string]*manual.Target, answers ...string) (*Flow, *quietViewLog) {
	m, cat := metaManual(t, targets)
	clock := newClock()
	s := mustStart(t, Options{RunsDir: runs, Manual: m, Playbook: m.Playbook(playbook), Catalog: cat, Drill: drill,
		Locales: locales, Now: clock.now})
	t.Cleanup(func() { s.Close() })
	in := lines(answers)
	view := &quietViewLog{}
	f := &Flow{S: s, In: &in, View: view, Dispatch: &Dispatcher{Env: testEnv()}}
	given := map[string]string{}
	for _, v := range append(append([]manual.Variable(nil), m.Variables...), s.Playbook.Variables...) {
		given[v.Name] = v.Example
	}
	if err := f.AskVars(given); err != nil {
		t.Fatal(err)
	}
	return f, view
}

var allLocales = []string{"es", "en", "pl", "pt"}

func testEnv() dispatch.Env {
	return dispatch.Env{LookupEnv: func(k string) (string, bool) {
		v, ok := testSecrets.Load(k)
		if !ok {
			return "", false
		}
		return v.(string), true
	}, Sleep: func(context.Context, time.Duration) error { return nil }}
}

var testSecrets sync.Map

func init() { testSecrets.Store("HOOK_KEY", "hook-signing-key") }

// quietViewLog records what was shown, info and warnings both.
type quietViewLog struct {
	NoScreen
	mu   sync.Mutex
	info []string
	warn []string
	seq  []string // both, in the order shown
}

// promptLines answers from a list and shows each prompt as information,
// so a test sees what was asked.
type promptLines struct {
	lines []string
	view  *quietViewLog
}

func (p *promptLines) ReadLine(prompt string) (string, error) {
	p.view.Info("%s", prompt)
	if len(p.lines) == 0 {
		return "", io.EOF
	}
	s := p.lines[0]
	p.lines = p.lines[1:]
	return s, nil
}

func (v *quietViewLog) Start(*Session)               {}
func (v *quietViewLog) Step(*Session, Batch)         {}
func (v *quietViewLog) Update(*Session, Batch)       {}
func (v *quietViewLog) Reminder(*Session, time.Time) {}
func (v *quietViewLog) Info(f string, a ...any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.info = append(v.info, fmt.Sprintf(f, a...))
	v.seq = append(v.seq, v.info[len(v.info)-1])
}
func (v *quietViewLog) Warn(f string, a ...any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.warn = append(v.warn, fmt.Sprintf(f, a...))
	v.seq = append(v.seq, v.warn[len(v.warn)-1])
}
func (v *quietViewLog) Help()        {}
func (v *quietViewLog) End(*Session) {}

func (v *quietViewLog) all() string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return strings.Join(v.info, "\n") + "\n" + strings.Join(v.warn, "\n")
}

func webhookTarget(url string) *manual.Target {
	return &manual.Target{Provider: "webhook", URL: url, Secret: manual.SecretRef{Env: "HOOK_KEY"}}
}

func countEvents(t testing.TB, dir, typ string) int {
	events, _, err := journal.Read(filepath.Join(dir, JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range events {
		if e.Type == typ {
			n++
		}
	}
	return n
}

// holdingTargets gives the channels of meta-outage's holding step local
// targets: the signed webhook, a Slack webhook and SMTP to a list; x has
// none and stays copy-and-mark.
func holdingTargets(t testing.TB, hook, slack *hookServer, relay *smtpCounter, list string) map[string]*manual.Target {
	testSecrets.Store("SLACK_URL", slack.URL+"/services/T0/B0/xyz")
	return map[string]*manual.Target{
		"status-page":      webhookTarget(hook.URL + "/status"),
		"website-banner":   webhookTarget(hook.URL + "/banner"),
		"telegram-channel": webhookTarget(hook.URL + "/telegram"),
		"app-push":         webhookTarget(hook.URL + "/push"),
		"email-suppliers":  webhookTarget(hook.URL + "/suppliers"),
		"sms-staff":        webhookTarget(hook.URL + "/sms"),
		"slack-staff":      {Provider: "slack", Secret: manual.SecretRef{Env: "SLACK_URL"}},
		"email-customers": {Provider: "smtp", URL: "smtp://" + relay.addr,
			Options:    map[string]string{"from": "avisos@rioverde.example", "list_unsubscribe": "<mailto:baja@rioverde.example>", "tls": "none"},
			Recipients: &manual.Recipients{Path: list}},
	}
}

func TestSendHoldingStepOnEveryTarget(t *testing.T) {
	hook, slack, relay := startHook(t), startHook(t), startSMTPCounter(t)
	list := recipientList(t, 50, map[int]string{5: "not-an-address,"})
	f, view := metaRun(t, t.TempDir(), false, allLocales, holdingTargets(t, hook, slack, relay, list),
		"c 1 2 3 4", "d", "send all", "a", "send all", "maybe", "yes", "send all")
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	shown := view.all()
	for _, want := range []string{
		"message meta-holding is not approved", // send before approval
		"answer yes or no",                     // garbage answer
		list + ":5:1:",                         // the malformed row, by line
		"nothing left to send in this step",    // a second send all sends nothing twice
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q:\n%s", want, shown)
		}
	}
	// 10 announcements x 4 locales; x has no target.
	const posts, webhookPosts, slackPosts = 36, 28, 4
	if got := countEvents(t, f.S.Dir, journal.TypeSendIntent); got != posts {
		t.Errorf("%d intents, want %d", got, posts)
	}
	if got := countEvents(t, f.S.Dir, journal.TypeSendOutcome); got != posts {
		t.Errorf("%d outcomes, want %d", got, posts)
	}
	if got := countEvents(t, f.S.Dir, journal.TypeMessageSent); got != posts {
		t.Errorf("%d marked sent, want %d", got, posts)
	}
	for id, n := range hook.counts {
		if n != 1 {
			t.Errorf("webhook delivery %s arrived %d times", id, n)
		}
	}
	if len(hook.counts) != webhookPosts || slack.total() != slackPosts {
		t.Errorf("webhook got %d deliveries, slack %d; want %d and %d", len(hook.counts), slack.total(), webhookPosts, slackPosts)
	}
	counts, total := relay.received()
	if total != 4*49 || len(counts) != 49 {
		t.Errorf("relay got %d messages for %d addresses, want 196 for 49", total, len(counts))
	}
	for addr, n := range counts {
		if n != 4 { // one per locale
			t.Errorf("%s got %d messages, want 4", addr, n)
		}
	}
	for _, l := range allLocales {
		if f.S.State.IsSent("holding", "meta-holding", "x", l) {
			t.Errorf("x (%s) has no target and was marked sent", l)
		}
	}
}

func TestSendDrillNeverReachesRealTargets(t *testing.T) {
	hook, slack, relay, sandbox := startHook(t), startHook(t), startSMTPCounter(t), startHook(t)
	targets := holdingTargets(t, hook, slack, relay, recipientList(t, 20, nil))
	targets["status-page"].Drill = webhookTarget(sandbox.URL + "/drill")
	f, _ := metaRun(t, t.TempDir(), true, allLocales, targets, "c 1 2 3 4", "d", "a", "send all", "yes")
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	_, smtpTotal := relay.received()
	if hook.total() != 0 || slack.total() != 0 || smtpTotal != 0 {
		t.Fatalf("a drill reached real targets: webhook %d, slack %d, smtp %d", hook.total(), slack.total(), smtpTotal)
	}
	// status-page: two messages x 4 locales to its drill target.
	if sandbox.total() != 8 {
		t.Errorf("the drill target got %d deliveries, want 8", sandbox.total())
	}
	for _, b := range sandbox.bodies {
		var p dispatch.WebhookPayload
		if err := json.Unmarshal([]byte(b), &p); err != nil || !p.Drill || !strings.HasPrefix(p.Text, f.S.Manual.DrillMark(p.Locale)) {
			t.Errorf("drill delivery not marked as a drill: %s", b)
		}
	}
	files, err := os.ReadDir(filepath.Join(f.S.Dir, CaptureDir))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 36-8 {
		t.Errorf("%d texts captured in the run folder, want 28", len(files))
	}
	for _, fe := range files {
		data, _ := os.ReadFile(filepath.Join(f.S.Dir, CaptureDir, fe.Name()))
		if !strings.Contains(string(data), "[") { // every drill mark is bracketed
			t.Errorf("%s lacks the drill mark: %q", fe.Name(), data)
		}
	}
}

// crashingTarget sends through the real target, then closes the run's
// journal, as a process killed between the send and its outcome leaves it:
// the outcome cannot be written.
type crashingTarget struct {
	dispatch.Target
	s *Session
}

func (c crashingTarget) Send(ctx context.Context, req dispatch.Request) (dispatch.Outcome, error) {
	out, err := c.Target.Send(ctx, req)
	c.s.journal.Close()
	return out, err
}

// crashThenResume sends meta-outage's holding step in Spanish to a
// webhook (status-page) and Slack (slack-staff), the process "dying" right
// after the send through the provider named, then resumes the run and
// answers as given.
func crashThenResume(t *testing.T, crashOn string, answers ...string) (hook, slack *hookServer, view *quietViewLog, s *Session) {
	hook, slack = startHook(t), startHook(t)
	testSecrets.Store("SLACK_URL", slack.URL+"/services/T0/B0/xyz")
	targets := map[string]*manual.Target{
		"status-page": webhookTarget(hook.URL + "/status"),
		"slack-staff": {Provider: "slack", Secret: manual.SecretRef{Env: "SLACK_URL"}},
	}
	f, _ := metaRun(t, t.TempDir(), false, []string{"es"}, targets, "c 1 2 3 4", "d", "a", "send all", "yes")
	f.Dispatch.Parallel = 1
	f.Dispatch.Open = func(cfg dispatch.Config, env dispatch.Env) (dispatch.Target, error) {
		tg, err := dispatch.Open(cfg, env)
		if cfg.Provider == crashOn {
			tg = crashingTarget{tg, f.S}
		}
		return tg, err
	}
	var jerr *JournalError
	if err := f.Run(); !errors.As(err, &jerr) {
		t.Fatalf("run: %v, want a journal error", err)
	}
	f.S.Close()
	run, err := ReadRun(f.S.Dir, false)
	if err != nil {
		t.Fatal(err)
	}
	m, cat := metaManual(t, targets)
	clock := &fakeClock{t: time.Date(2026, 11, 23, 2, 5, 0, 0, time.UTC)}
	s, err = Resume(run, Options{Manual: m, Catalog: cat, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	view = &quietViewLog{}
	in := &promptLines{lines: answers, view: view}
	g := &Flow{S: s, In: in, View: view, Dispatch: &Dispatcher{Env: testEnv()}}
	if err := g.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("resumed run: %v", err)
	}
	return hook, slack, view, s
}

func TestSendInDoubtIsNeverResentAutomatically(t *testing.T) {
	// Texts: 1 status-page (meta-holding), 2 status-page-pe ... 8
	// slack-staff ... 11 status-page (supplier-whatsapp). Slack "dies"
	// after posting.
	hook, slack, view, s := crashThenResume(t, "slack", "send all", "yes", "send 6", "send 8", "no")
	shown := view.all()
	for _, want := range []string{
		"slack-staff (es) via slack in step holding: outcome unknown: check before resending: the channel the slack webhook posts to",
		"not resent, outcome unknown: slack-staff (es)",
		"type resend to send", // send 8 asks for the word resend
		"text 6, email-customers (es), is not offered: its channel has no delivery target here",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q:\n%s", want, shown)
		}
	}
	if slack.total() != 1 {
		t.Errorf("slack got %d posts, want 1: a send in doubt was resent", slack.total())
	}
	if hook.total() != 2 {
		t.Errorf("webhook got %d deliveries, want 2", hook.total())
	}
	if s.State.IsSent("holding", "staff-shifts", "slack-staff", "es") {
		t.Error("a send in doubt was marked sent")
	}
}

func TestSendInDoubtResentWhereTheProviderDeduplicates(t *testing.T) {
	// The webhook "dies" after the first delivery: its receiver
	// deduplicates on X-Crisis-Delivery, so send all resends it with the
	// same id.
	hook, slack, view, s := crashThenResume(t, "webhook", "send all", "yes")
	if !strings.Contains(view.all(), "webhook recognises a resent request") {
		t.Errorf("resume does not say the webhook send in doubt will be resent:\n%s", view.all())
	}
	twice := 0
	for _, n := range hook.counts {
		if n == 2 {
			twice++
		}
	}
	if twice != 1 || len(hook.counts) != 2 {
		t.Errorf("deliveries by id: %v; want the one in doubt twice (the same id) and the other once", hook.counts)
	}
	if slack.total() != 1 {
		t.Errorf("slack got %d posts, want 1", slack.total())
	}
	if !s.State.IsSent("holding", "meta-holding", "status-page", "es") {
		t.Error("the resent announcement is not marked sent")
	}
}

type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}

// TestSendMissingSecret: a target whose secret is not set is not sent,
// says which variable to export, and the other targets still go.
func TestSendMissingSecret(t *testing.T) {
	hook := startHook(t)
	targets := map[string]*manual.Target{
		"status-page": webhookTarget(hook.URL + "/status"),
		"slack-staff": {Provider: "slack", Secret: manual.SecretRef{Env: "CRISIS_TEST_UNSET_SLACK"}},
	}
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, targets, "c 1 2 3 4", "d", "a", "send all", "yes")
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(view.all(), "slack-staff (es) not sent: target slack-staff: secret: environment variable CRISIS_TEST_UNSET_SLACK is not set: export it before sending") {
		t.Errorf("screen:\n%s", view.all())
	}
	if hook.total() != 2 || f.S.State.IsSent("holding", "staff-shifts", "slack-staff", "es") {
		t.Errorf("webhook got %d, slack marked sent: %v", hook.total(), f.S.State.IsSent("holding", "staff-shifts", "slack-staff", "es"))
	}
	if countEvents(t, f.S.Dir, journal.TypeSendIntent) != 2 {
		t.Error("an intent was journaled for a target that could not be opened")
	}

	// Exported, the secret opens the target: send all sends the one left
	// behind, once, and nothing sent before goes again.
	slack := startHook(t)
	testSecrets.Store("CRISIS_TEST_UNSET_SLACK", slack.URL+"/services/T0/B0/xyz")
	defer testSecrets.Delete("CRISIS_TEST_UNSET_SLACK")
	f.In = &promptLines{lines: []string{"send all", "yes"}, view: view}
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if slack.total() != 1 || hook.total() != 2 || !f.S.State.IsSent("holding", "staff-shifts", "slack-staff", "es") {
		t.Errorf("after exporting the secret: slack got %d posts (want 1), the webhook %d (want 2 still)", slack.total(), hook.total())
	}
}

// TestSendDeliveredBeforeTheStopIsNotResent: an outcome journaled and the
// process gone before marking the announcement sent; send marks it sent
// and sends nothing.
func TestSendDeliveredBeforeTheStopIsNotResent(t *testing.T) {
	hook := startHook(t)
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, map[string]*manual.Target{"status-page": webhookTarget(hook.URL)}, "c 1 2 3 4", "d", "a", "send all", "yes")
	key := "20261123-020001-meta-outage/holding/meta-holding/status-page/es"
	f.OnCommand = func() error {
		if st := f.S.Current(); st == nil || st.ID != "holding" || f.S.State.Sends != nil {
			return nil
		}
		if err := f.S.append(journal.TypeSendIntent, SendIntent{Key: key, Step: "holding", Message: "meta-holding", Channel: "status-page",
			Locale: "es", Provider: "webhook", Count: 1, At: f.S.Now()}); err != nil {
			return err
		}
		return f.S.append(journal.TypeSendOutcome, SendOutcome{Key: key, ID: "earlier", Delivered: 1})
	}
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if hook.counts[key] != 0 {
		t.Errorf("the announcement delivered before the stop was sent again")
	}
	if !f.S.State.IsSent("holding", "meta-holding", "status-page", "es") || !strings.Contains(view.all(), "delivered before the run stopped: marked sent") {
		t.Errorf("not marked sent:\n%s", view.all())
	}
	if hook.total() != 1 { // the supplier message on the status page still goes
		t.Errorf("webhook got %d deliveries, want 1", hook.total())
	}
}

// TestSendRefusesAChangedList: an interrupted bulk send is not continued
// on a list that changed, since its journaled lines would name other people.
func TestSendRefusesAChangedList(t *testing.T) {
	relay := startSMTPCounter(t)
	list := recipientList(t, 10, nil)
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, bulkTargets(relay.addr, list), "c 1 2 3 4", "d", "a", "send all", "yes")
	f.OnCommand = func() error {
		if st := f.S.Current(); st == nil || st.ID != "holding" || f.S.State.Sends != nil {
			return nil
		}
		return f.S.append(journal.TypeSendIntent, SendIntent{Key: "k", Step: "holding", Message: "meta-holding", Channel: "email-customers",
			Locale: "es", Provider: "smtp", RecipientsSHA256: digest("another list"), Count: 10, At: f.S.Now()})
	}
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if _, total := relay.received(); total != 0 {
		t.Errorf("%d messages sent on a changed list", total)
	}
	if !strings.Contains(view.all(), "changed since the interrupted send") {
		t.Errorf("screen:\n%s", view.all())
	}
}

// TestSendWhatsAppTemplate: a WhatsApp target sends the manual's approved
// template, its one body parameter the text, to each number of its list,
// as the Cloud API documents it; in meta-outage, where WhatsApp is down,
// it is not offered at all.
func TestSendWhatsAppTemplate(t *testing.T) {
	var mu sync.Mutex
	var bodies []map[string]any
	graph := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b map[string]any
		json.NewDecoder(r.Body).Decode(&b)
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path != "/1055/messages" || r.Header.Get("Authorization") != "Bearer wa-token" {
			w.WriteHeader(400)
			return
		}
		bodies = append(bodies, b)
		fmt.Fprintf(w, `{"messaging_product":"whatsapp","messages":[{"id":"wamid.%d"}]}`, len(bodies))
	}))
	defer graph.Close()
	testSecrets.Store("WA_TOKEN", "wa-token")
	list := filepath.Join(t.TempDir(), "suppliers.csv")
	os.WriteFile(list, []byte("phone\n+34 600 100 001\n+34 600 100 002\n"), 0o600)
	targets := map[string]*manual.Target{"whatsapp-business": {Provider: "whatsapp", URL: graph.URL, Secret: manual.SecretRef{Env: "WA_TOKEN"},
		Options: map[string]string{"phone_number_id": "1055", "template": "crisis_notice"}, Recipients: &manual.Recipients{Path: list}}}

	f, view := playbookRun(t, "email-down", t.TempDir(), false, []string{"es"}, targets, "c 1 2 3 4", "d", "a", "send all", "yes")
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if len(bodies) != 2 {
		t.Fatalf("%d messages, want 2:\n%s", len(bodies), view.all())
	}
	text := ""
	for _, a := range f.batch.Items {
		if a.Channel == "whatsapp-business" {
			text = a.Text
		}
	}
	for i, b := range bodies {
		want := map[string]any{"messaging_product": "whatsapp", "recipient_type": "individual", "to": fmt.Sprintf("+3460010000%d", i+1), "type": "template",
			"template": map[string]any{"name": "crisis_notice", "language": map[string]any{"code": "es"},
				"components": []any{map[string]any{"type": "body", "parameters": []any{map[string]any{"type": "text", "text": text}}}}}}
		got, _ := json.Marshal(b)
		exp, _ := json.Marshal(want)
		if string(got) != string(exp) {
			t.Errorf("message %d:\n got %s\nwant %s", i, got, exp)
		}
	}

	// meta-outage with a WhatsApp channel outside Meta's domain (a BSP)
	// added to its holding step: Meta is down, so it is not offered.
	m, cat := metaManual(t, nil)
	bsp := *targets["whatsapp-business"]
	m.Channels = append(m.Channels, manual.Channel{ID: "whatsapp-bsp", Kind: "whatsapp", Domain: manual.Ref{ID: "telecom"},
		Audiences: []manual.Ref{{ID: "customers"}}, Target: &bsp})
	p := m.Playbook("meta-outage")
	for i := range p.Steps {
		if p.Steps[i].ID == "holding" {
			p.Steps[i].Announce[0].Channels = append(p.Steps[i].Announce[0].Channels, manual.Ref{ID: "whatsapp-bsp"})
		}
	}
	clock := newClock()
	s := mustStart(t, Options{RunsDir: t.TempDir(), Manual: m, Playbook: p, Catalog: cat, Locales: []string{"es"}, Now: clock.now})
	defer s.Close()
	gview := &quietViewLog{}
	in := lines{"c 1 2 3 4", "d", "a", "send", "send all", "yes"}
	g := &Flow{S: s, In: &in, View: gview, Dispatch: &Dispatcher{Env: testEnv()}}
	given := map[string]string{}
	for _, v := range m.Variables {
		given[v.Name] = v.Example
	}
	if err := g.AskVars(given); err != nil {
		t.Fatal(err)
	}
	if err := g.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if len(bodies) != 2 || !strings.Contains(gview.all(), "not offered: whatsapp-bsp: WhatsApp is down in this scenario") {
		t.Errorf("WhatsApp offered while Meta is down (%d messages):\n%s", len(bodies), gview.all())
	}
}

// TestSendGarbageAnswerIsUnknown: Telegram answers 200 with something that
// is not its JSON: the post may be up, so the send is reported unknown,
// not marked sent, and not resent by send all.
func TestSendGarbageAnswerIsUnknown(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	tg := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		mu.Unlock()
		io.WriteString(w, "<html>gateway says hello</html>")
	}))
	defer tg.Close()
	testSecrets.Store("TG_TOKEN", "123:abc")
	targets := map[string]*manual.Target{"telegram-channel": {Provider: "telegram", URL: tg.URL, Secret: manual.SecretRef{Env: "TG_TOKEN"},
		Options: map[string]string{"chat_id": "@rioverdehogar"}}}
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, targets, "c 1 2 3 4", "d", "a", "send all", "yes", "send all", "send")
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	shown := view.all()
	for _, want := range []string{
		"outcome unknown: check before resending: the latest posts of the Telegram channel @rioverdehogar",
		"not resent, outcome unknown: telegram-channel (es)",
		"5  telegram-channel (es) via telegram: unknown",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q:\n%s", want, shown)
		}
	}
	if calls != 1 || f.S.State.IsSent("holding", "meta-holding", "telegram-channel", "es") {
		t.Errorf("%d calls to Telegram, marked sent %v", calls, f.S.State.IsSent("holding", "meta-holding", "telegram-channel", "es"))
	}
}

// TestSendMalformedRowsShownBeforeConfirming: the confirmation of a bulk
// send counts the list's malformed rows and shows the first five as
// FILE:LINE:COL; answered no, nothing goes; answered yes, each valid
// recipient gets the text once and no malformed row gets anything.
func TestSendMalformedRowsShownBeforeConfirming(t *testing.T) {
	relay := startSMTPCounter(t)
	list := filepath.Join(t.TempDir(), "customers.csv")
	rows := "name,email,opt_out\n" +
		"Ana,ana@example.com,\n" + // 2
		"Bea,not-an-address,\n" + // 3: the address, column 5
		"Carla,carla@example.com,quizás\n" + // 4: the opt-out, column 25
		"Dani,ANA@example.com,\n" + // 5: Ana again, column 6
		"Eva\n" + // 6: no address field
		"Fede,fe\"de@example.com,\n" + // 7: a bare quote at column 8
		"Gil,gil@example.com,\n" + // 8
		"Hugo,hugo @example,\n" + // 9: the sixth malformed row
		"Iris,iris@example.com,sí\n" // 10: opted out
	if err := os.WriteFile(list, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, bulkTargets(relay.addr, list), "c 1 2 3 4", "d", "a", "send all", "no")
	f.In = &promptLines{lines: []string{"c 1 2 3 4", "d", "a", "send all", "no"}, view: view}
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	if _, total := relay.received(); total != 0 {
		t.Fatalf("%d messages sent though the operator answered no", total)
	}
	want := []string{
		list + `:3:5: "not-an-address" is not an e-mail address (write it as name@example.com) (not sent to)`,
		list + `:4:25: opt-out value "quizás": write yes or no (not sent until it is clear) (not sent to)`,
		list + `:5:6: duplicate of line 2: sent once, there (not sent to)`,
		list + `:6:1: the row has 1 fields, the address is in field 2 (not sent to)`,
		list + `:7:8: the row is not valid CSV: bare " in non-quoted-field (not sent to)`,
		"and 1 more malformed row of " + list + " (not sent to)",
		"6  email-customers  es  via smtp: 2 recipients of " + list + " (1 opted out, 6 malformed rows not sent)",
		"send 1 text? type yes to send, no to stop: ",
		"nothing sent",
	}
	view.mu.Lock()
	shown := slices.Clone(view.seq)
	view.mu.Unlock()
	at := slices.Index(shown, want[0])
	if at < 0 || len(shown) < at+len(want) || !slices.Equal(shown[at:at+len(want)], want) {
		t.Fatalf("shown:\n%s\nwant, in this order:\n%s", strings.Join(shown, "\n"), strings.Join(want, "\n"))
	}

	f.In = &promptLines{lines: []string{"send all", "yes"}, view: view}
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	counts, total := relay.received()
	if total != 2 || counts["ana@example.com"] != 1 || counts["gil@example.com"] != 1 {
		t.Errorf("the relay got %v; want ana@ and gil@ once each, nobody else", counts)
	}
}

// TestSendBulkGarbageAnswerIsUnknown: Twilio answers one message of a
// bulk send with a page that is not its JSON. That recipient's outcome is
// unknown: shown with the list's FILE:LINE and what to check, counted
// unknown, and not sent again by a second send all; everyone else gets the
// text exactly once.
func TestSendBulkGarbageAnswerIsUnknown(t *testing.T) {
	const n, base = 10, 34600000000
	list := phoneList(t, n, base)
	c := &twilioCounter{base: base, count: make([]uint8, n), garbage: func(i int64) bool { return i == 3 }} // line 5
	f, view := twilioRun(t, c, list, "c 1 2 3 4", "d", "a", "send all", "yes", "send all")
	runShows(t, f, view,
		"sent sms-staff (es): 9 delivered, 1 failed (1 unknown)",
		list+":5: +34600000003: twilio: send: status 201: the answer is not the JSON the provider documents",
		"outcome unknown for 1 recipient: check before resending: Twilio's Messaging logs for the messaging service MG1; it is not sent again",
		"nothing left to send in this step")
	for i, got := range c.count {
		if got != 1 {
			t.Errorf("+%d got %d messages, want 1", base+i, got)
		}
	}
	r := f.S.State.Sends[AnnouncementKey{"holding", "staff-shifts", "sms-staff", "es"}]
	if r == nil || r.Delivered != 9 || r.Unknown != 1 {
		t.Errorf("the journal's record: %+v; want 9 delivered, 1 unknown", r)
	}
}

// TestSendBulkStopsWhenEveryAnswerIsGarbage: a proxy answers every
// request of a bulk send with its own page. The send stops after a few
// answers in a row (each recipient's outcome unknown), says so and what to
// check; once the provider answers again, send all sends the rest of the
// list, and nobody gets the text twice.
func TestSendBulkStopsWhenEveryAnswerIsGarbage(t *testing.T) {
	const n, base = 1000, 34600000000
	var broken atomic.Bool
	broken.Store(true)
	c := &twilioCounter{base: base, count: make([]uint8, n), garbage: func(int64) bool { return broken.Load() }}
	f, view := twilioRun(t, c, phoneList(t, n, base), "c 1 2 3 4", "d", "a", "send all", "yes")
	runShows(t, f, view,
		"stopped after 10 answers in a row that leave the outcome unknown",
		"outcome unknown: check before resending: Twilio's Messaging logs for the messaging service MG1")
	// Four batches go out at once; each stops at its tenth unknown.
	if c.total < 10 || c.total > 40 {
		t.Errorf("%d requests answered with garbage before the send stopped, want 10 to 40", c.total)
	}
	unknown := c.total

	broken.Store(false)
	f.In = &promptLines{lines: []string{"send all", "yes"}, view: view}
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	for i, got := range c.count {
		if got != 1 {
			t.Fatalf("+%d got %d messages, want 1:\n%s", base+i, got, view.all())
		}
	}
	r := f.S.State.Sends[AnnouncementKey{"holding", "staff-shifts", "sms-staff", "es"}]
	if r == nil || r.Delivered != n-unknown || r.Unknown != unknown || !f.S.State.IsSent("holding", "staff-shifts", "sms-staff", "es") {
		t.Errorf("the journal's record: %+v; want %d delivered, %d unknown, and the text marked sent\n%s", r, n-unknown, unknown, view.all())
	}
}

// TestSendInDoubtSaysWhereToCheck: a bulk send interrupted between a
// batch's intent and its acknowledgement is shown, when the run is shown
// again, with the target's own account to check.
func TestSendInDoubtSaysWhereToCheck(t *testing.T) {
	targets := map[string]*manual.Target{"sms-staff": {Provider: "twilio", Secret: manual.SecretRef{Env: "TWILIO_TOKEN"},
		Options: map[string]string{"account_sid": "AC1", "messaging_service_sid": "MG9"}, Recipients: &manual.Recipients{Path: "/srv/staff.csv"}}}
	f, view := metaRun(t, t.TempDir(), false, []string{"es"}, targets)
	key := "run/holding/staff-shifts/sms-staff/es"
	if err := f.S.append(journal.TypeSendIntent, SendIntent{Key: key, Step: "holding", Message: "staff-shifts", Channel: "sms-staff", Locale: "es",
		Provider: "twilio", RecipientsSHA256: "r", Count: 300, At: f.S.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := f.S.append(journal.TypeSendBatchIntent, SendBatch{Key: key, Seq: 0, First: 2, Last: 101}); err != nil {
		t.Fatal(err)
	}
	f.warnUnknownSends()
	if want := "100 in batches never acknowledged: outcome unknown: check before resending: Twilio's Messaging logs for the messaging service MG9;"; !strings.Contains(view.all(), want) {
		t.Errorf("screen lacks %q:\n%s", want, view.all())
	}
}

// runShows runs f until its input ends and fails unless the screen shows
// each of want.
func runShows(t *testing.T, f *Flow, view *quietViewLog, want ...string) {
	t.Helper()
	if err := f.Run(); err != ErrPaused && !strings.Contains(fmt.Sprint(err), "input ended") {
		t.Fatalf("run: %v", err)
	}
	shown := view.all()
	for _, w := range want {
		if !strings.Contains(shown, w) {
			t.Errorf("screen lacks %q:\n%s", w, shown)
		}
	}
}
