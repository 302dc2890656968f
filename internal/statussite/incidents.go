package statussite

import (
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Incident states, in the order an incident goes through them.
const (
	Investigating = "investigating"
	Identified    = "identified"
	Monitoring    = "monitoring"
	Resolved      = "resolved"
)

var stateRank = map[string]int{Investigating: 0, Identified: 1, Monitoring: 2, Resolved: 3}

// Incident is one run as the public sees it.
type Incident struct {
	RunID    string
	Playbook string
	Title    string // as the run's journal has it, in its operator's language
	// Titles holds the playbook's title in each locale the manual has it
	// in, for each locale's page (see TitleIn).
	Titles     map[string]string
	Severity   string
	Affected   []string  // what is down, as the manual names it
	Services   []Service // the same, for the page to name in each language
	State      string
	Started    time.Time
	Resolved   time.Time // zero while live
	NextUpdate time.Time // zero when unknown or resolved
	Updates    []Update  // oldest first
	Drill      bool
}

// TitleIn is the incident's title for locale's page: the playbook's title
// in that locale when the manual has it, else the title the run journaled
// (whoever ran it read it in their own language).
func (inc *Incident) TitleIn(locale string) string {
	if t, ok := inc.Titles[locale]; ok {
		return t
	}
	return inc.Title
}

// Update is one announcement marked sent.
type Update struct {
	ID      string // stable: derived from the run id and Seq
	Seq     int    // the journal event that first marked it sent
	At      time.Time
	State   string // the incident's state once this went out
	Step    string
	Message string
	Texts   map[string]Text // by locale
}

// Text is an update's words in one locale, as sent.
type Text struct {
	Lang string // the locale the text is in (a fallback when not sent in the page's locale)
	Body string
}

// In returns the update's text for a locale: its own, else the run's first
// sent locale.
func (u Update) In(locale string, fallback []string) Text {
	if t, ok := u.Texts[locale]; ok {
		return t
	}
	for _, l := range fallback {
		if t, ok := u.Texts[l]; ok {
			return t
		}
	}
	keys := make([]string, 0, len(u.Texts))
	for k := range u.Texts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) == 0 {
		return Text{}
	}
	return u.Texts[keys[0]]
}

// Live reports whether the incident is still open.
func (i *Incident) Live() bool { return i.State != Resolved }

// Read turns every run in a runs folder into an incident, newest first:
// the real runs, or, with drills, the drills only. A run whose journal
// cannot be read is an error naming it, never silently left off the page.
//
// Each journal is read once (runbook.List would read it a second time to
// summarise it, and the site needs none of that summary).
func Read(runsDir string, m *manual.Manual, drills bool) ([]*Incident, error) {
	all, err := runbook.Dirs(runsDir)
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, dir := range all {
		if _, err := os.Stat(filepath.Join(dir, runbook.JournalFile)); err == nil {
			dirs = append(dirs, dir) // a run the page can tell
		}
	}
	// Journals are independent: read them on every core, each once.
	incs, errs := make([]*Incident, len(dirs)), make([]error, len(dirs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(dirs)) {
		wg.Go(func() {
			for i := range next {
				incs[i], errs[i] = ReadRun(dirs[i], m)
			}
		})
	}
	for i := range dirs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []*Incident
	for _, inc := range incs {
		if inc != nil && inc.Drill == drills {
			out = append(out, inc)
		}
	}
	slices.SortStableFunc(out, func(a, b *Incident) int { return b.Started.Compare(a.Started) })
	return out, nil
}

// ReadRun reads one run folder the way crisis report does, through
// runbook.ReadRun: the journal verified once, the state replayed from its
// valid events. A run that never started (an empty journal) is nil.
func ReadRun(dir string, m *manual.Manual) (*Incident, error) {
	run, err := runbook.ReadRun(dir, true)
	if errors.Is(err, runbook.ErrNeverStarted) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w; crisis report %s shows what is left", err, filepath.Base(dir))
	}
	st, events := run.State, run.Events
	p := m.Playbook(st.Playbook)
	inc := &Incident{RunID: st.RunID, Playbook: st.Playbook, Title: st.Title, Started: st.StartedAt,
		State: Investigating, Drill: st.Drill}
	if p != nil {
		inc.Severity, inc.Services = p.Severity, affected(m, p)
		for _, sv := range inc.Services {
			inc.Affected = append(inc.Affected, sv.Name)
		}
		inc.Titles = map[string]string{m.Locales.Default: p.Title}
		for _, t := range p.Translations {
			inc.Titles[t.Locale] = p.In(t.Locale).Title
		}
	}
	state, updates, err := readUpdates(dir, m, p, st.RunID, events)
	if err != nil {
		return nil, err
	}
	inc.State, inc.Updates = state, updates
	if !st.AllClear.IsZero() {
		inc.State, inc.Resolved = Resolved, st.AllClear
	} else if inc.State == Resolved {
		// The all-clear went out but its step is not marked done yet.
		inc.Resolved = st.LastEvent
		if n := len(updates); n > 0 {
			inc.Resolved = updates[n-1].At
		}
	}
	if inc.Live() && p != nil && len(p.Updates) > 0 {
		inc.NextUpdate = nextUpdate(p, st)
	}
	return inc, nil
}

// nextUpdate is a cadence after the updates' audiences last heard from us,
// as the run itself counts it; zero before the first message.
func nextUpdate(p *manual.Playbook, st *runbook.State) time.Time {
	var last time.Time
	for _, u := range p.Updates {
		for _, aud := range u.Audiences {
			if t := st.LastSentTo[aud.ID]; t.After(last) {
				last = t
			}
		}
	}
	if last.IsZero() {
		return last
	}
	first := st.FirstSent(p.Updates[0].Channels)
	if first.IsZero() {
		first = last
	}
	if d := p.Updates[0].IntervalSince(first, last); d > 0 {
		return last.Add(d)
	}
	return last.Add(p.Cadence())
}

func later(a, b string) string {
	if stateRank[b] > stateRank[a] {
		return b
	}
	return a
}

// Service is a channel the public uses that a playbook says is down.
type Service struct {
	Kind string // the channel kind: the page names it in the reader's language when it has a label
	Name string // the manual's name for the channel
	// Names is the channel's name in each locale's page, where the
	// manual translates it (manual.LOCALE.yaml); else the page shows Name.
	Names map[string]string
}

// NameIn is the service's name for locale's page.
func (sv Service) NameIn(locale string) string {
	if n, ok := sv.Names[locale]; ok {
		return n
	}
	return sv.Name
}

// affected lists what a playbook says is down, as the public knows it:
// its domains' descriptions are internal, so the public sees the down
// channels, and only those that reach the status page's own readers (the
// audiences of the manual's status-page channels): a staff chat being
// down is nobody else's business. A manual with no status-page channel
// names every down channel.
func affected(m *manual.Manual, p *manual.Playbook) []Service {
	public := map[string]bool{}
	for _, c := range m.Channels {
		if c.Kind == StatusPageKind {
			for _, a := range c.Audiences {
				public[a.ID] = true
			}
		}
	}
	var out []Service
	for _, c := range m.DownChannels(p) {
		if len(public) > 0 && !slices.ContainsFunc(c.Audiences, func(a manual.Ref) bool { return public[a.ID] }) {
			continue
		}
		name := c.Name
		if name == "" {
			name = c.ID
		}
		if !slices.ContainsFunc(out, func(s Service) bool { return s.Name == name }) {
			out = append(out, Service{Kind: c.Kind, Name: name, Names: channelNames(m, c.ID)})
		}
	}
	return out
}

// readUpdates walks the run's sent announcements. Any of them moves the
// incident's state on; those sent on a status-page channel are the public
// updates, one per step and message, with the text each locale was sent
// in. Nothing sent to staff, suppliers or the press on their own channels
// ever reaches the public page.
//
// An announcement sent through a status site target (TargetProvider) is
// on the page from its send's intent, journaled before the site is rebuilt
// for it: that is how the send being made shows on the page it publishes.
// It stays on it unless that send failed and nobody marked it sent.
func readUpdates(dir string, m *manual.Manual, p *manual.Playbook, runID string, events []journal.Event) (string, []Update, error) {
	first, publishing, err := scanSiteSends(dir, m, events)
	if err != nil {
		return "", nil, err
	}
	state := Investigating
	files := map[string]string{} // step/message/channel/locale -> file
	var out []Update
	index := map[string]int{} // step/message -> index in out
	for _, e := range events {
		var msg runbook.Message
		switch e.Type {
		case journal.TypeMessageRendered, journal.TypeMessageSent:
			if err := json.Unmarshal(e.Data, &msg); err != nil {
				return "", nil, eventError(dir, e, err)
			}
		case journal.TypeSendIntent:
			var in runbook.SendIntent
			if err := json.Unmarshal(e.Data, &in); err != nil {
				return "", nil, eventError(dir, e, err)
			}
			if !publishing[in.Key] {
				continue
			}
			msg = runbook.Message{Step: in.Step, Message: in.Message, Channel: in.Channel, Locale: in.Locale}
		default:
			continue
		}
		k := msg.Step + "/" + msg.Message + "/" + msg.Channel + "/" + msg.Locale
		if e.Type == journal.TypeMessageRendered {
			files[k] = msg.File
			continue
		}
		state = later(state, stepState(p, msg.Step))
		if c := m.Channel(msg.Channel); c == nil || c.Kind != StatusPageKind {
			continue
		}
		um := msg.Step + "/" + msg.Message
		i, ok := index[um]
		if !ok {
			i = len(out)
			index[um] = i
			f := first[um]
			out = append(out, Update{ID: updateID(runID, f.Seq), Seq: f.Seq, At: f.UTC, State: state,
				Step: msg.Step, Message: msg.Message, Texts: map[string]Text{}})
		}
		if _, ok := out[i].Texts[msg.Locale]; ok {
			continue // a second status-page channel, or sent after its intent: the first text stands
		}
		body, err := sentText(dir, files[k], msg)
		if err != nil {
			return "", nil, err
		}
		out[i].Texts[msg.Locale] = Text{Lang: msg.Locale, Body: body}
	}
	return state, out, nil
}

// TargetProvider is the delivery target provider that publishes this site
// (target.go).
const TargetProvider = dispatch.SiteProvider

// scanSiteSends finds, for each step/message on a status-page channel, the
// first event that could have put it on the page (its id and time come
// from that event, so they never change between builds), and the sends to
// the status site that are under way or succeeded.
func scanSiteSends(dir string, m *manual.Manual, events []journal.Event) (map[string]journal.Event, map[string]bool, error) {
	first := map[string]journal.Event{}
	publishing := map[string]bool{}
	note := func(e journal.Event, step, message, channel string) {
		c := m.Channel(channel)
		um := step + "/" + message
		if _, seen := first[um]; !seen && c != nil && c.Kind == StatusPageKind {
			first[um] = e
		}
	}
	for _, e := range events {
		switch e.Type {
		case journal.TypeMessageSent:
			var msg runbook.Message
			if err := json.Unmarshal(e.Data, &msg); err != nil {
				return nil, nil, eventError(dir, e, err)
			}
			note(e, msg.Step, msg.Message, msg.Channel)
		case journal.TypeSendIntent:
			var in runbook.SendIntent
			if err := json.Unmarshal(e.Data, &in); err != nil {
				return nil, nil, eventError(dir, e, err)
			}
			if in.Provider == TargetProvider {
				note(e, in.Step, in.Message, in.Channel)
				publishing[in.Key] = true
			}
		case journal.TypeSendOutcome:
			var out runbook.SendOutcome
			if err := json.Unmarshal(e.Data, &out); err != nil {
				return nil, nil, eventError(dir, e, err)
			}
			if _, ours := publishing[out.Key]; ours {
				publishing[out.Key] = out.Error == ""
			}
		}
	}
	return first, publishing, nil
}

func eventError(dir string, e journal.Event, err error) error {
	return fmt.Errorf("%s: event %d: %w", filepath.Join(dir, runbook.JournalFile), e.Seq, err)
}

const maxText = 1 << 20

// StatusPageKind is the channel kind whose announcements the site shows.
const StatusPageKind = dispatch.StatusPageKind

// sentText reads the text the run rendered for an announcement. The file
// name is the one the rendering was journaled with.
func sentText(dir, file string, msg runbook.Message) (string, error) {
	if file == "" || !filepath.IsLocal(file) {
		return "", fmt.Errorf("%s: %s sent on %s in %s has no rendering in the journal", filepath.Join(dir, runbook.JournalFile), msg.Message, msg.Channel, msg.Locale)
	}
	f, err := os.Open(filepath.Join(dir, file))
	if err != nil {
		return "", fmt.Errorf("the text sent as %s on %s in %s: %w", msg.Message, msg.Channel, msg.Locale, err)
	}
	defer f.Close()
	// A rendered text is at most 64 KiB (lint's CR404); a file over 1 MiB in
	// the run folder is not one the run wrote, and is not read whole.
	b, err := io.ReadAll(io.LimitReader(f, maxText+1))
	if err == nil && len(b) > maxText {
		err = fmt.Errorf("%s is larger than any rendered text", file)
	}
	if err != nil {
		return "", fmt.Errorf("the text sent as %s on %s in %s: %w", msg.Message, msg.Channel, msg.Locale, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// stepState is the state an announcement of a step announces.
func stepState(p *manual.Playbook, step string) string {
	if strings.HasPrefix(step, runbook.UpdatesStep+"#") {
		return Monitoring
	}
	if p != nil {
		for _, s := range p.Steps {
			if s.ID != step {
				continue
			}
			switch s.Kind {
			case manual.StepHolding:
				return Identified
			case manual.StepAllClear:
				return Resolved
			}
		}
	}
	return Investigating
}

// updateID is a name-based UUID (RFC 9562 version 5) of the run id and the
// event's sequence number: the same update gets the same id in every build,
// in every feed format.
func updateID(runID string, seq int) string {
	// The URL namespace of RFC 9562, with a name that only crisis uses.
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	fmt.Fprintf(h, "crisis:run:%s:event:%d", runID, seq)
	s := h.Sum(nil)
	s[6] = (s[6] & 0x0f) | 0x50
	s[8] = (s[8] & 0x3f) | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}

// channelNames is the name of channel id in each supported locale whose
// translation of the manual gives one (manual.LOCALE.yaml), read from the
// translation itself rather than a translated copy of the whole manual.
func channelNames(m *manual.Manual, id string) map[string]string {
	var names map[string]string
	for _, l := range m.Locales.Supported {
		t := m.ManualTranslation(l)
		if t == nil {
			continue
		}
		if mt := t.Texts["channels"][id]; mt != nil && mt.Text != "" {
			if names == nil {
				names = map[string]string{}
			}
			names[l] = mt.Text
		}
	}
	return names
}
