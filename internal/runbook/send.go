package runbook

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// The send command: the step's approved announcements go out through the
// channels' delivery targets, each send journaled before (intent) and after
// (outcome), so that a crash or a retry never sends twice without someone
// deciding it.

// Dispatcher is what send takes from outside the run.
type Dispatcher struct {
	Env dispatch.Env
	// Open opens a target; default dispatch.Open.
	Open func(dispatch.Config, dispatch.Env) (dispatch.Target, error)
	// Progress receives a live line per announcement being sent; nil
	// shows only the outcomes.
	Progress io.Writer
	Plain    bool // a line per change, no redrawing (output is not a terminal)
	Parallel int  // announcements sent at once, default 4
	User     string
}

// CaptureDir is the folder of a drill run where texts go whose channel has
// no drill target: a drill never reaches real people.
const CaptureDir = "drill-outbox"

// sendItem is one announcement send can offer.
type sendItem struct {
	n        int
	a        render.Announcement
	cfg      dispatch.Config
	provider dispatch.Provider
	capture  bool // a drill without a drill target: written to the run folder
	rec      *SendRecord
	target   dispatch.Target
	count    dispatch.ListCount
	template *dispatch.Template // WhatsApp's approved template, with the text
}

func (it *sendItem) key() AnnouncementKey {
	return AnnouncementKey{it.a.Step, it.a.Message, it.a.Channel, it.a.Locale}
}

func (it *sendItem) label() string { return it.a.Channel + " (" + it.a.Locale + ")" }

// providerName is the provider as the operator reads it: a drill's
// capture in the interface language, a real provider by its name.
func (it *sendItem) providerName() any {
	if it.capture {
		return lang.Errorf("screen.provider.capture", nil)
	}
	return it.provider.Name
}

func (it *sendItem) bulk() bool { return it.provider.Bulk && !it.capture }

// sendPlan lists what send can offer in the batch shown: announcements on
// channels with a target that are up in this scenario, numbered. It also
// says which are left to copy and mark, and which are not offered.
func (f *Flow) sendPlan() (items []*sendItem, copyOnly []string, notOffered []error) {
	m, p, st := f.S.Manual, f.S.Playbook, f.S.State
	for _, a := range f.batch.Items {
		a.Step = f.batch.Step
		ch := m.Channel(a.Channel)
		if ch == nil || ch.Target == nil {
			copyOnly = append(copyOnly, a.Channel+" ("+a.Locale+")")
			continue
		}
		t := ch.Target
		if st.Drill {
			t = ch.Target.Drill
		}
		it := &sendItem{a: a, capture: t == nil, rec: st.Sends[AnnouncementKey{a.Step, a.Message, a.Channel, a.Locale}]}
		if t != nil {
			it.cfg = dispatch.FromManual(ch.ID, t)
			it.provider, _ = dispatch.LookupProvider(t.Provider)
			it.template = dispatch.TemplateFor(t, a.Locale, a.Text)
		} else {
			it.provider = dispatch.Provider{Name: "capture"}
		}
		switch {
		case m.IsDown(p, ch.ID):
			notOffered = append(notOffered, lang.Errorf("send.not-offered.down", map[string]any{"Channel": ch.ID}))
			continue
		case it.provider.Name == "whatsapp" && m.KindDown(p, "whatsapp"):
			notOffered = append(notOffered, lang.Errorf("send.not-offered.whatsapp", map[string]any{"Channel": ch.ID}))
			continue
		}
		it.n = f.batch.Number(a) // the text's number, as x, v and y take it
		items = append(items, it)
	}
	return items, copyOnly, notOffered
}

// status says where an announcement stands: sent, unknown, interrupted or
// ready.
func (f *Flow) status(it *sendItem) string {
	r := it.rec
	switch {
	case f.S.State.IsSent(it.a.Step, it.a.Message, it.a.Channel, it.a.Locale):
		return "sent"
	case r == nil:
		return "ready"
	case !r.InDoubt() && r.Outcome.Error == "":
		// Its outcome is journaled; the process stopped before marking
		// it sent. Sending again would deliver twice.
		return "delivered"
	case !it.bulk() && (r.InDoubt() || r.Outcome.Unknown > 0):
		return "unknown"
	case r.InDoubt() || r.Outcome.Error != "":
		return "interrupted"
	}
	return "ready"
}

// send is the run's send command: send lists, send N or send all sends.
func (f *Flow) send(arg string) error {
	if len(f.batch.Items) == 0 {
		return lang.Errorf("run.nothing-to-send", nil)
	}
	items, copyOnly, notOffered := f.sendPlan()
	if err := f.markDelivered(items); err != nil {
		return err
	}
	for _, n := range notOffered {
		f.info("run.send.not-offered", map[string]any{"Why": n})
	}
	if len(items) == 0 {
		return lang.Errorf("run.send.no-target", map[string]any{"List": strings.Join(copyOnly, ", ")})
	}
	arg = strings.ToLower(strings.TrimSpace(arg))
	if arg == "" {
		for _, it := range items {
			f.info("run.send.item", map[string]any{"N": it.n, "Label": it.label(), "Provider": it.providerName(), "Status": lang.Errorf("send.status."+f.status(it), nil)})
		}
		if len(copyOnly) > 0 {
			f.info("run.send.copy-only", map[string]any{"List": strings.Join(copyOnly, ", ")})
		}
		f.info("run.send.how", nil)
		return nil
	}
	picked, resend, err := f.pick(items, arg)
	if err != nil {
		return err
	}
	if err := f.checkApproved(picked); err != nil {
		return err
	}
	d := f.dispatcher()
	picked = f.open(d, picked)
	if len(picked) == 0 {
		return lang.Errorf("run.send.none-opened", nil)
	}
	for _, it := range picked {
		f.View.Info("%v", f.describe(it))
	}
	word := "yes"
	if resend {
		word = "resend"
	}
	if ok, err := f.confirm(f.tr().N("run.send.confirm", len(picked), map[string]any{"Word": word}), word); err != nil || !ok {
		if err == nil {
			f.info("run.send.nothing-sent", nil)
		}
		return err
	}
	return f.sendAll(d, picked)
}

// markDelivered marks sent the announcements whose send completed before
// the run stopped, without sending them again.
func (f *Flow) markDelivered(items []*sendItem) error {
	for _, it := range items {
		if f.status(it) != "delivered" {
			continue
		}
		if _, _, err := f.S.Sent(Batch{Step: it.a.Step, Items: []render.Announcement{it.a}}, it.a.Channel, it.a.Locale); err != nil {
			return fatal(err)
		}
		f.info("run.send.delivered-before", map[string]any{"Label": it.label()})
	}
	return nil
}

// pick chooses what "send all" or "send N" sends. All is every announcement
// ready or interrupted, and those in doubt only where the provider
// recognises a resent request; N may name one in doubt, which then needs
// the word resend to go.
func (f *Flow) pick(items []*sendItem, arg string) (picked []*sendItem, resend bool, err error) {
	if arg == "all" {
		var doubt []string
		for _, it := range items {
			switch st := f.status(it); {
			case st == "ready" || st == "interrupted":
				picked = append(picked, it)
			case st == "unknown" && it.provider.Dedup:
				picked = append(picked, it)
			case st == "unknown":
				doubt = append(doubt, it.label())
			}
		}
		if len(doubt) > 0 {
			f.warn("run.send.doubt-all", map[string]any{"List": strings.Join(doubt, ", ")})
		}
		if len(picked) == 0 {
			return nil, false, lang.Errorf("run.send.nothing-left", nil)
		}
		return picked, false, nil
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || n > len(f.batch.Items) {
		return nil, false, lang.Errorf("run.send.which", map[string]any{"Max": len(f.batch.Items)})
	}
	var it *sendItem
	for _, c := range items {
		if c.n == n {
			it = c
		}
	}
	if it == nil {
		a := f.batch.Items[n-1]
		return nil, false, lang.Errorf("run.send.text-not-offered", map[string]any{"N": n, "Channel": a.Channel, "Locale": a.Locale})
	}
	switch f.status(it) {
	case "sent":
		return nil, false, lang.Errorf("run.send.already", map[string]any{"Label": it.label()})
	case "unknown":
		if !it.provider.Dedup {
			f.warn("run.send.check-first", map[string]any{"Label": it.label(), "Where": whatToCheck(it)})
			return []*sendItem{it}, true, nil
		}
	}
	return []*sendItem{it}, false, nil
}

// checkApproved refuses unless every message to send was approved by the
// playbook's approver or a deputy, as the manual says.
func (f *Flow) checkApproved(items []*sendItem) error {
	for _, it := range items {
		if f.S.Gate(it.a.Step, it.a.Message) != nil {
			if need := f.S.Needed(it.a.Step, it.a.Message); len(need) > 0 {
				return lang.Errorf("gates.send-refused", map[string]any{"Message": it.a.Message, "Needed": strings.Join(need, ", ")})
			}
			continue
		}
		by := f.S.State.ApprovedBy(it.a.Step, it.a.Message)
		if by == "" {
			return lang.Errorf("run.send.unapproved", map[string]any{"Message": it.a.Message})
		}
		if !f.mayApprove(by) {
			return lang.Errorf("run.send.not-approver", map[string]any{"Message": it.a.Message, "Name": by})
		}
	}
	return nil
}

func (f *Flow) dispatcher() *Dispatcher {
	d := f.Dispatch
	if d == nil {
		d = &Dispatcher{}
	}
	if d.Open == nil {
		d.Open = dispatch.Open
	}
	if d.Parallel <= 0 {
		d.Parallel = 4
	}
	if d.User == "" {
		if u, err := user.Current(); err == nil {
			d.User = u.Username
		}
	}
	return d
}

// open opens each target (resolving its secret) and reads each recipient
// list through; an announcement whose target cannot be opened is dropped
// with the reason.
func (f *Flow) open(d *Dispatcher, items []*sendItem) []*sendItem {
	var ok []*sendItem
	for _, it := range items {
		if it.capture {
			it.target = captureTarget{dir: filepath.Join(f.S.Dir, CaptureDir)}
			ok = append(ok, it)
			continue
		}
		t, err := d.Open(it.cfg, d.Env)
		if err != nil {
			f.warn("run.send.failed", map[string]any{"Label": it.label(), "Err": err})
			continue
		}
		if it.bulk() {
			if it.count, err = dispatch.CountRecipients(it.cfg); err != nil {
				f.warn("run.send.failed", map[string]any{"Label": it.label(), "Err": err})
				continue
			}
			for _, e := range it.count.First {
				f.warn("run.send.not-sent-to", map[string]any{"Err": e})
			}
			if more := it.count.Malformed - len(it.count.First); more > 0 {
				f.View.Warn("%v", lang.Countf("send.more-malformed", more, map[string]any{"List": it.cfg.Recipients.Path}))
			}
		}
		it.target = t
		ok = append(ok, it)
	}
	return ok
}

// describe says exactly what will go where, as an interface message.
func (f *Flow) describe(it *sendItem) *lang.Error {
	var where any = it.provider.Name
	if it.capture {
		where = lang.Errorf("send.where.capture", map[string]any{"Dir": filepath.Join(f.S.Dir, CaptureDir)})
	} else if f.S.State.Drill {
		where = lang.Errorf("send.where.drill-target", map[string]any{"Provider": it.provider.Name})
	}
	var who any = lang.Errorf("send.who.post", nil)
	if it.bulk() {
		c := it.count
		var skipped, earlier any = "", ""
		if c.OptedOut > 0 || c.Malformed > 0 {
			skipped = lang.Errorf("send.who.skipped", map[string]any{"OptedOut": c.OptedOut, "Malformed": c.Malformed})
		}
		if r := it.rec; r != nil {
			earlier = lang.Errorf("send.who.earlier", map[string]any{"Reached": r.Delivered, "Failed": r.Failed, "Doubt": r.Unknown + r.DoubtRows()})
		}
		who = lang.Countf("send.who.recipients", c.Send, map[string]any{"List": it.cfg.Recipients.Path, "Skipped": skipped, "Earlier": earlier})
	}
	return lang.Errorf("send.describe", map[string]any{"N": it.n, "Channel": it.a.Channel, "Locale": it.a.Locale, "Where": where, "Who": who})
}

// confirm asks until the answer is the word or no.
func (f *Flow) confirm(prompt, word string) (bool, error) {
	for range 3 {
		line, err := f.In.ReadLine(prompt)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return false, nil
			}
			return false, err
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case word:
			return true, nil
		case "":
			return false, nil
		}
		if yes, ok := lang.Answer(line); ok && !yes { // no, nie, não: never a yes in another language
			return false, nil
		}
		f.warn("run.send.answer", map[string]any{"Word": word})
	}
	return false, nil
}

// sender runs the sends of one command, journaling through one lock: the
// journal and the state take one writer at a time.
type sender struct {
	f    *Flow
	d    *Dispatcher
	mu   sync.Mutex
	prog *progress
}

func (x *sender) append(typ string, data any) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.f.S.append(typ, data)
}

type sendResult struct {
	it  *sendItem
	out dispatch.Outcome
	err error
}

// sendAll sends the announcements, a few at once, and reports each.
func (f *Flow) sendAll(d *Dispatcher, items []*sendItem) error {
	x := &sender{f: f, d: d, prog: newProgress(d.Progress, d.Plain, items, f.tr())}
	results := make([]sendResult, len(items))
	sem := make(chan struct{}, d.Parallel)
	var wg sync.WaitGroup
	// One decision time for the command: the time of every intent, and
	// of the records providers that deduplicate build from it.
	at := f.S.Now().UTC()
	stop := x.prog.start()
	for i, it := range items {
		wg.Add(1)
		sem <- struct{}{} // taken here, so announcements start in the order shown
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out, err := x.one(it, i, at)
			results[i] = sendResult{it, out, err}
		}()
	}
	wg.Wait()
	stop()
	var jerr error
	for _, r := range results {
		var je *JournalError
		if errors.As(r.err, &je) {
			jerr = r.err
			continue
		}
		f.report(r)
	}
	return fatal(jerr)
}

// one sends one announcement: intent, send, outcome, and marks it sent
// when the send completed.
func (x *sender) one(it *sendItem, i int, at time.Time) (dispatch.Outcome, error) {
	s := x.f.S
	a := it.a
	if it.rec != nil {
		at = it.rec.Intent.At // the same key and time: a provider that deduplicates recognises it
	}
	if err := s.repeatsUpdate(a.Step, a); err != nil && it.rec == nil {
		return dispatch.Outcome{}, err
	}
	if s.State.Drill && !strings.HasPrefix(a.Text, s.Manual.DrillMarkFor(a.Locale, a.Kind, a.Channel)) {
		return dispatch.Outcome{}, lang.Errorf("send.no-drill-mark", map[string]any{"Label": it.label()})
	}
	intent := SendIntent{Key: sendKey(s, a), Step: a.Step, Message: a.Message, Channel: a.Channel, Locale: a.Locale,
		Provider: it.provider.Name, Where: where(it, s), Drill: s.State.Drill, TextSHA256: digest(a.Subject + "\n" + a.Text),
		Count: 1, By: x.d.User, At: at, Resume: it.rec != nil}
	if it.bulk() {
		sum, err := fileDigest(it.cfg.Recipients.Path)
		if err != nil {
			return dispatch.Outcome{}, err
		}
		intent.RecipientsSHA256, intent.Count = sum, it.count.Send
	}
	// An interrupted bulk send is continued only on the same list: its
	// journaled lines name people only in that file. (The text may differ:
	// times in it are rendered again; the intent records its digest.)
	if r := it.rec; r != nil && r.Bulk() && r.Intent.RecipientsSHA256 != intent.RecipientsSHA256 {
		return dispatch.Outcome{}, lang.Errorf("send.list-changed", map[string]any{"List": it.cfg.Recipients.Path})
	}
	if err := x.append(journal.TypeSendIntent, intent); err != nil {
		return dispatch.Outcome{}, err
	}
	x.mu.Lock() // other sends of this command journal into the state meanwhile
	thread, state := s.incident(a.Step, a.Channel, a.Locale)
	x.mu.Unlock()
	req := dispatch.Request{Announcement: dispatch.Announcement{Channel: a.Channel, Kind: a.Kind, Locale: a.Locale,
		Subject: a.Subject, Text: a.Text, Template: it.template, Drill: s.State.Drill, Key: intent.Key, At: at,
		Thread: thread, State: state, Title: s.Playbook.Title}}
	if it.bulk() {
		x.mu.Lock()
		r := s.State.Sends[it.key()]
		snap := &SendRecord{Done: maps.Clone(r.Done), Ranges: slices.Clone(r.Ranges), Doubt: slices.Clone(r.Doubt)}
		settled := r.Settled
		x.mu.Unlock()
		req.Resume = dispatch.Resume{SkipFirst: settled, Done: func(line int, _ string) bool { return snap.skip(line) }}
		req.BeforeBatch = func(b dispatch.Batch) error {
			return x.append(journal.TypeSendBatchIntent, SendBatch{Key: intent.Key, Seq: b.Seq, First: b.FirstLine, Last: b.LastLine})
		}
		req.OnBatch = func(b dispatch.Batch) error {
			sb := SendBatch{Key: intent.Key, Seq: b.Seq, First: b.FirstLine, Last: b.LastLine, Reached: len(b.Delivered),
				Settled: b.Settled, Complete: b.Complete}
			if !b.Complete { // a resumed send skips exactly these; a complete batch's range says it all
				for _, d := range b.Delivered {
					sb.Delivered = append(sb.Delivered, d.Line)
				}
			}
			for _, fl := range b.Failed {
				if e, ok := fl.Err.(*dispatch.Error); ok && e.Retry == dispatch.Unknown {
					sb.Unknown = append(sb.Unknown, fl.Line)
				} else {
					sb.Failed = append(sb.Failed, fl.Line)
				}
			}
			x.prog.add(i, len(b.Delivered)+len(b.Failed))
			return x.append(journal.TypeSendBatch, sb)
		}
	}
	out, err := it.target.Send(context.Background(), req)
	o := SendOutcome{Key: intent.Key, ID: out.ID, URL: out.URL, Delivered: out.Delivered, Failed: out.FailedCount,
		Unknown: out.Unknown, OptedOut: out.OptedOut, Skipped: out.AlreadyDone, Notes: out.Notes}
	if err != nil {
		o.Error = err.Error()
	}
	x.prog.finish(i, out, err)
	if jerr := x.append(journal.TypeSendOutcome, o); jerr != nil {
		return out, jerr
	}
	if err != nil {
		return out, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	// The one way an announcement becomes sent, as x does it.
	_, _, merr := s.Sent(Batch{Step: a.Step, Items: []render.Announcement{a}}, a.Channel, a.Locale)
	return out, merr
}

// report shows one send's outcome.
func (f *Flow) report(r sendResult) {
	it, out := r.it, r.out
	switch {
	case r.err == nil && out.FailedCount == 0:
		id := ""
		if out.ID != "" {
			id = ": " + out.ID
		}
		if it.bulk() {
			f.info("run.send.sent-bulk", map[string]any{"Label": it.label(), "Delivered": out.Delivered, "OptedOut": out.OptedOut, "ID": id})
		} else {
			f.info("run.send.sent", map[string]any{"Label": it.label(), "Provider": it.providerName(), "ID": id})
		}
	case r.err == nil:
		f.warn("run.send.sent-failures", map[string]any{"Label": it.label(), "Delivered": out.Delivered, "Failed": out.FailedCount, "Unknown": out.Unknown})
		for i, fl := range out.Failed {
			if i == 5 {
				break
			}
			var re *dispatch.RowError
			if errors.As(fl.Err, &re) {
				f.View.Warn("  %v", re) // a malformed row names its place itself
				continue
			}
			f.View.Warn("  %s:%d: %s: %v", where(it, f.S), fl.Line, fl.Recipient, fl.Err)
		}
		if out.Unknown > 0 {
			f.View.Warn("%v", lang.Countf("send.unknown-recipients", out.Unknown, map[string]any{"Where": whatToCheck(it)}))
		}
	default:
		var e *dispatch.Error
		if errors.As(r.err, &e) && e.Retry == dispatch.Unknown {
			f.warn("run.send.unknown", map[string]any{"Label": it.label(), "Err": r.err, "Where": whatToCheck(it)})
			return
		}
		f.warn("run.send.failed", map[string]any{"Label": it.label(), "Err": r.err})
	}
}

// warnUnknownSends says, when a run is shown again, which sends have an
// outcome nobody knows, and what to check before resending.
func (f *Flow) warnUnknownSends() {
	for k, r := range f.S.State.Sends {
		if f.S.State.IsSent(k.Step, k.Message, k.Channel, k.Locale) {
			continue
		}
		p, _ := dispatch.LookupProvider(r.Intent.Provider)
		it := &sendItem{a: render.Announcement{Step: k.Step, Message: k.Message, Channel: k.Channel, Locale: k.Locale}, provider: p, rec: r}
		if ch := f.S.Manual.Channel(k.Channel); ch != nil && ch.Target != nil {
			t := ch.Target // what to check names the target's account or chat
			if r.Intent.Drill && t.Drill != nil {
				t = t.Drill
			}
			it.cfg = dispatch.FromManual(ch.ID, t)
		}
		switch {
		case r.Bulk() && (r.InDoubt() || r.DoubtRows() > 0):
			f.View.Warn("%v", lang.Errorf("send.doubt.interrupted", map[string]any{"Label": it.label(), "Provider": p.Name, "Step": k.Step,
				"Settled": r.Delivered + r.Failed, "Total": r.Intent.Count, "Doubt": r.DoubtRows(), "Where": whatToCheck(it)}))
		case r.InDoubt() && p.Dedup:
			f.View.Warn("%v", lang.Errorf("send.doubt.dedup", map[string]any{"Label": it.label(), "Provider": p.Name, "Step": k.Step}))
		case r.InDoubt():
			f.View.Warn("%v", lang.Errorf("send.doubt.check", map[string]any{"Label": it.label(), "Provider": p.Name, "Step": k.Step, "Where": whatToCheck(it)}))
		}
	}
}

// whatToCheck says where a person can see whether a send went out, as an
// interface message.
func whatToCheck(it *sendItem) *lang.Error {
	w := it.cfg.Options
	switch it.provider.Name {
	case "smtp":
		return lang.Errorf("send.check.smtp", map[string]any{"Key": sendKeyOf(it)})
	case "twilio":
		return lang.Errorf("send.check.twilio", map[string]any{"Service": w["messaging_service_sid"]})
	case "whatsapp":
		return lang.Errorf("send.check.whatsapp", map[string]any{"Number": w["phone_number_id"]})
	case "telegram":
		return lang.Errorf("send.check.telegram", map[string]any{"Chat": w["chat_id"]})
	case "slack", "mattermost", "discord", "teams":
		return lang.Errorf("send.check.webhook", map[string]any{"Provider": it.provider.Name})
	case "capture":
		return lang.Errorf("send.check.capture", nil)
	}
	return lang.Errorf("send.check.other", map[string]any{"Provider": it.provider.Name})
}

func sendKeyOf(it *sendItem) string {
	if it.rec != nil {
		return it.rec.Intent.Key
	}
	return it.a.Channel
}

// sendKey names a send across attempts: the run, the step, the message,
// the channel and the locale.
func sendKey(s *Session, a render.Announcement) string {
	run := s.State.RunID
	if run == "" {
		run = filepath.Base(s.Dir)
	}
	return strings.Join([]string{run, a.Step, a.Message, a.Channel, a.Locale}, "/")
}

// where describes a target for the journal: never its secret.
func where(it *sendItem, s *Session) string {
	switch {
	case it.capture:
		return CaptureDir
	case it.cfg.Recipients != nil:
		return it.cfg.Recipients.Path
	case it.cfg.URL != "":
		return it.cfg.URL
	}
	for _, k := range []string{"chat_id", "handle", "phone_number_id", "messaging_service_sid"} {
		if v := it.cfg.Options[k]; v != "" {
			return k + "=" + v
		}
	}
	return it.provider.Name + " (" + it.cfg.Secret.String() + ")"
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// fileDigest hashes a recipient list as it is streamed, never loaded.
func fileDigest(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// captureTarget stands in for every real target in a drill without a
// drill target: it writes the text into the run folder.
type captureTarget struct{ dir string }

func (c captureTarget) Send(_ context.Context, req dispatch.Request) (dispatch.Outcome, error) {
	if !req.Drill {
		return dispatch.Outcome{}, errors.New("the drill outbox takes drill texts only")
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return dispatch.Outcome{}, err
	}
	name := strings.NewReplacer("/", "_", "\\", "_").Replace(req.Key) + ".txt"
	text := req.Text
	if req.Subject != "" {
		text = "Subject: " + req.Subject + "\n\n" + text
	}
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(text+"\n"), 0o644); err != nil {
		return dispatch.Outcome{}, err
	}
	return dispatch.Outcome{Provider: "capture", ID: filepath.Join(CaptureDir, name), Delivered: 1}, nil
}

func (captureTarget) Check(context.Context) dispatch.CheckReport {
	return dispatch.CheckReport{Provider: "capture", Verified: []string{"drill texts are written to the run folder"}}
}

// progress draws a line per announcement being sent: bulk sends with
// their count, rate and time left.
type progress struct {
	w     io.Writer
	l     *lang.Localizer // the words of the lines: sending, ETA, delivered
	plain bool
	mu    sync.Mutex
	lines []progLine
	drawn int
	began time.Time
}

type progLine struct {
	label       string
	total, done int
	state       string // "" while sending
	lastPlain   time.Time
}

func newProgress(w io.Writer, plain bool, items []*sendItem, l *lang.Localizer) *progress {
	p := &progress{w: w, l: l, plain: plain, began: time.Now()}
	for _, it := range items {
		total := 0
		if it.bulk() {
			total = it.count.Send
		}
		p.lines = append(p.lines, progLine{label: fmt.Sprintf("%-20s %-5s %-9s", it.a.Channel, it.a.Locale, it.provider.Name), total: total})
	}
	return p
}

func (p *progress) start() (stop func()) {
	if p.w == nil {
		return func() {}
	}
	p.mu.Lock()
	if p.plain {
		for i := range p.lines {
			p.plainLine(i)
		}
	} else {
		p.redraw()
	}
	p.mu.Unlock()
	if p.plain {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(150 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.mu.Lock()
				p.redraw()
				p.mu.Unlock()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		p.mu.Lock()
		p.redraw()
		p.mu.Unlock()
	}
}

func (p *progress) add(i, n int) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lines[i].done += n
	if p.plain && time.Since(p.lines[i].lastPlain) >= 2*time.Second {
		p.plainLine(i)
	}
}

func (p *progress) finish(i int, out dispatch.Outcome, err error) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	l := &p.lines[i]
	switch {
	case err != nil:
		l.state = "✗ " + firstLine(p.l.Text(err))
	case out.FailedCount > 0:
		l.state = "✓ " + p.l.T("send.progress.failures", map[string]any{"Delivered": out.Delivered, "Failed": out.FailedCount})
	case l.total > 0:
		l.state = "✓ " + p.l.T("send.progress.delivered", map[string]any{"Delivered": out.Delivered})
	default:
		l.state = "✓ " + p.l.T("send.progress.sent", nil)
	}
	if p.plain {
		p.plainLine(i)
	}
}

func (p *progress) text(l progLine) string {
	if l.state != "" {
		return l.label + " " + l.state
	}
	if l.total == 0 {
		return l.label + " " + p.l.T("send.progress.sending", nil)
	}
	el := time.Since(p.began).Seconds()
	rate := float64(l.done) / max(el, 0.001)
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(l.total-l.done)/rate) * time.Second).Round(time.Second).String()
	}
	return fmt.Sprintf("%s %s %d/%d %.0f/s %s", l.label, bar(l.done, l.total, 20), l.done, l.total, rate, p.l.T("send.progress.eta", map[string]any{"Left": eta}))
}

func (p *progress) plainLine(i int) {
	p.lines[i].lastPlain = time.Now()
	fmt.Fprintln(p.w, p.text(p.lines[i]))
}

// redraw rewrites the block of lines in place.
func (p *progress) redraw() {
	var b strings.Builder
	if p.drawn > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", p.drawn)
	}
	for _, l := range p.lines {
		b.WriteString("\r\x1b[2K" + p.text(l) + "\n")
	}
	p.drawn = len(p.lines)
	io.WriteString(p.w, b.String())
}

func bar(done, total, width int) string {
	n := 0
	if total > 0 {
		n = min(width, done*width/total)
	}
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > 60 { // runes: a translated error is not cut inside a letter
		s = string(r[:60]) + "…"
	}
	return s
}

// incident tells a hosted status page how this send continues the run's
// incident there: the provider id of the run's first post on the channel
// in that locale (the incident later sends update; empty opens it), and the
// state the page shows once this text is out. The step says how far the
// incident has come (the holding message: identified; an update:
// monitoring; the all-clear: resolved) unless the operator set a later
// state.
func (s *Session) incident(step, channel, locale string) (thread, state string) {
	var first time.Time
	for k, r := range s.State.Sends {
		if k.Channel == channel && k.Locale == locale && len(r.IDs) > 0 && (thread == "" || r.First.Before(first)) {
			thread, first = r.IDs[0], r.First
		}
	}
	state = RunStates[0]
	switch {
	case strings.HasPrefix(step, "updates#"):
		state = "monitoring"
	default:
		for _, st := range s.Playbook.Steps {
			if st.ID != step {
				continue
			}
			switch st.Kind {
			case manual.StepHolding:
				state = "identified"
			case manual.StepAllClear:
				state = "resolved"
			}
		}
	}
	if now := s.State.RunState(); slices.Index(RunStates, now) > slices.Index(RunStates, state) {
		state = now
	}
	return thread, state
}
