package runbook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// Batch is a set of announcements shown together (a step's, or one cadence
// update's): what `approve` and `sent` act on.
type Batch struct {
	Step string // a step id, or "updates#N"
	// Items are numbered from 1 in this order (x N, v N, y N). Each says
	// whether it must be sent: Required.
	Items []render.Announcement
	// Promise is the next update its texts promise (the clock they were
	// rendered with); Final: its texts are the all-clear, after which no
	// update follows.
	Promise time.Time
	Final   bool
	// Due are the cadences an update round is for, each with when it fell
	// (or falls) due; Later the other cadences and when each is due.
	Due, Later []CadenceDue
}

// RenderStep renders the current step's announcements in the run's locales
// with the run's variables, writes each ready-to-paste file into the run
// folder, and journals each rendering once (re-showing a step after a
// resume does not journal it again).
func (s *Session) RenderStep() (Batch, error) {
	st := s.Current()
	if st == nil || len(st.Announce) == 0 {
		return Batch{}, nil
	}
	o := s.renderOptions(st.ID, false)
	anns, err := render.Playbook(s.Manual, s.Catalog, s.Playbook, o)
	if err != nil {
		return Batch{}, &RenderError{Step: st.ID, Err: err}
	}
	anns = s.notSentBefore(anns)
	b := Batch{Step: st.ID, Items: anns, Promise: o.Clock.NextUpdate, Final: st.Kind == manual.StepAllClear}
	return b, s.record(st.ID, anns)
}

// RenderError is a step whose messages cannot be rendered: the manual's
// text is wrong, not the run. The step can still be skipped with a reason.
type RenderError struct {
	Step string
	Err  error
}

func (e *RenderError) Error() string { return e.head().Error() + ": " + e.Err.Error() }

// Unwrap gives the head of the message as an interface message beside the
// reason, so that it is shown in the interface language.
func (e *RenderError) Unwrap() []error { return []error{e.head(), e.Err} }

func (e *RenderError) head() error {
	return lang.Errorf("session.unrendered", map[string]any{"Step": fmt.Sprintf("%q", e.Step)})
}

// RenderUpdate renders the next update round: the update of each cadence
// due now (or of the one due next, ahead of its time), each on its own
// channels and promising its own next time, with what is new
// (SetUpdateNote) and the incident's state. A fresh round promises the
// next a cadence from now; one already sent in part keeps the promise its
// first text published.
func (s *Session) RenderUpdate() (Batch, error) {
	step, open, err := s.nextUpdate()
	if err != nil {
		return Batch{}, err
	}
	b := Batch{Step: step, Due: s.roundCadences(step, open)}
	o := s.renderOptions(render.UpdatesStep, !s.State.updateSent[step])
	o.UpdateNotes = s.State.UpdateNotes[step]
	for _, d := range b.Due {
		o.Cadences = append(o.Cadences, d.Name())
		if d.Cadence == &s.Playbook.Updates[0] {
			// Only the first cadence's texts publish the promise the
			// run keeps (promiseDue); another's is kept by its own
			// last text (CadencesDue).
			b.Promise = o.Clock.NextUpdate
		}
	}
	for _, d := range s.CadencesDue() {
		if !slices.ContainsFunc(b.Due, func(r CadenceDue) bool { return r.Cadence == d.Cadence }) {
			b.Later = append(b.Later, d)
		}
	}
	if b.Items, err = render.Playbook(s.Manual, s.Catalog, s.Playbook, o); err != nil {
		return Batch{}, err
	}
	for i := range b.Items {
		b.Items[i].Step = step
	}
	return b, s.record(step, b.Items)
}

// nextUpdate is the update u shows: one rendered and marked sent only in
// part (then the run was interrupted, or the step shown again) is finished
// before a new one; open says it is such a one.
func (s *Session) nextUpdate() (step string, open bool, err error) {
	if len(s.Playbook.Updates) == 0 {
		return "", false, lang.Errorf("run.no-cadence", nil)
	}
	if !s.State.AllClear.IsZero() || s.State.Closed {
		return "", false, lang.Errorf("run.after-all-clear", nil)
	}
	n, open := s.State.OpenUpdate(s.State.PrimaryLocale(s.Manual.Locales.Default))
	if !open {
		n = s.State.Updates + 1
	}
	return UpdatesStep + "#" + strconv.Itoa(n), open, nil
}

// SetUpdateNote journals what is new for the next update, one line of
// plain text for its texts in one locale, before it is rendered. Once a
// text of that update is sent its notes are what went out, and stay.
func (s *Session) SetUpdateNote(locale, text string) error {
	step, _, err := s.nextUpdate()
	if err != nil {
		return err
	}
	if s.State.updateSent[step] {
		return lang.Errorf("run.update-part-sent", map[string]any{"N": strings.TrimPrefix(step, UpdatesStep+"#")})
	}
	locales := s.State.Locales
	if len(locales) == 0 {
		locales = s.Manual.Locales.Supported
	}
	if !slices.Contains(locales, locale) {
		return lang.Errorf("run.note-locale", map[string]any{"Locales": strings.Join(locales, ", "), "Got": fmt.Sprintf("%q", locale)})
	}
	if _, err := render.Check(nil, "update_note", text); err != nil {
		return err
	}
	if s.State.UpdateNotes[step][locale] == text {
		return nil // typed again (after a resume, say): already journaled
	}
	return s.append(journal.TypeUpdateNote, UpdateNote{Update: step, Locale: locale, Text: text})
}

func (s *Session) renderOptions(step string, fresh bool) render.Options {
	o := s.RenderOptions()
	o.Step, o.Clock = step, s.clock(fresh)
	return o
}

// RenderOptions are what every text of the run is rendered with: its
// locales, its journaled variables, its clock, its state and, in a drill,
// the mark.
func (s *Session) RenderOptions() render.Options {
	return render.Options{Locales: s.State.Locales, Vars: s.State.Vars, Drill: s.State.Drill, Clock: s.clock(false),
		State: s.State.RunState(), Hold: true}
}

func (s *Session) record(step string, anns []render.Announcement) error {
	for _, a := range anns {
		name := fmt.Sprintf("%s.%s.%s.%s.txt", step, a.Message, a.Channel, a.Locale)
		if filepath.Base(name) != name || !filepath.IsLocal(name) {
			// Ids and locales are checked where they come in; this is the
			// last guard that a file stays in the run's folder.
			return fmt.Errorf("announcement file name %q would leave the run folder", name)
		}
		if s.State.IsSent(step, a.Message, a.Channel, a.Locale) {
			continue // its file is what went out: showing the step again must not change it
		}
		path := filepath.Join(s.Dir, AnnouncementsDir, name)
		// Rewritten only when the text changed: truncating and rewriting
		// 40 files each time a step is shown cost 75 ms on ext4, which
		// flushes a truncated file on close.
		text := []byte(render.Plain(a))
		if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, text) {
			if err := os.WriteFile(path, text, 0o644); err != nil {
				return err
			}
		}
		if s.State.Rendered[AnnouncementKey{step, a.Message, a.Channel, a.Locale}] {
			continue
		}
		fits, required := a.Fits, a.Required
		err := s.append(journal.TypeMessageRendered, Message{Step: step, Message: a.Message, Channel: a.Channel,
			Locale: a.Locale, File: filepath.Join(AnnouncementsDir, name), Fits: &fits, Required: &required})
		if err != nil {
			return err
		}
	}
	return nil
}

// Approve records who approved the batch's messages, now. A message
// already approved keeps its first approval: the second is not journaled.
func (s *Session) Approve(b Batch, by string) error {
	_, err := s.ApproveAt(b, by, time.Time{})
	return err
}

// ApproveAt is Approve with the time the approval was given, when that was
// before it is recorded (zero: now): not in the future, not before the run
// started. It returns how many messages it recorded as approved.
func (s *Session) ApproveAt(b Batch, by string, at time.Time) (int, error) {
	if by == "" {
		return 0, lang.Errorf("run.approve-who", nil)
	}
	var given *time.Time
	if !at.IsZero() {
		if now := s.Now(); at.After(now) {
			return 0, lang.Errorf("run.at-future", map[string]any{"At": s.local(at), "Now": s.local(now)})
		}
		if at.Before(s.State.StartedAt) {
			return 0, lang.Errorf("run.at-before", map[string]any{"At": s.local(at), "Start": s.local(s.State.StartedAt)})
		}
		given = &at
	}
	seen := map[string]bool{}
	n := 0
	var refused error
	for _, a := range b.Items {
		if seen[a.Message] {
			continue
		}
		seen[a.Message] = true
		if g := s.Gate(b.Step, a.Message); g != nil {
			ok, err := s.approveGated(MessageKey{b.Step, a.Message}, g, by, given)
			var jerr *JournalError
			if errors.As(err, &jerr) {
				return n, err
			}
			if err != nil && refused == nil {
				refused = err
			}
			if ok {
				n++
			}
			continue
		}
		if s.State.ApprovedBy(b.Step, a.Message) != "" {
			continue
		}
		if err := s.append(journal.TypeMessageApproved, Message{Step: b.Step, Message: a.Message, By: by, At: given}); err != nil {
			return n, err
		}
		n++
	}
	if n == 0 && refused != nil {
		return 0, refused // nothing this person may approve here: say why
	}
	return n, nil
}

// local is a time as the run's screens take it: in the manual's zone.
func (s *Session) local(t time.Time) time.Time { return t.In(s.Manual.Location) }

// Sent marks the batch's announcements on a channel and in a locale ("all"
// for every one) as sent, each once. It returns how many it marked, and
// whether any was not approved first.
func (s *Session) Sent(b Batch, channel, locale string) (marked int, unapproved bool, err error) {
	var which []int
	for i, a := range b.Items {
		if (channel == "all" || a.Channel == channel) && (locale == "all" || a.Locale == locale) {
			which = append(which, i)
		}
	}
	if len(which) == 0 && channel != "all" && !b.has(channel) {
		return 0, false, noChannel(channel, b.channels())
	}
	return s.MarkSent(b, which)
}

// MarkSent marks the batch's announcements at the given indexes sent, each
// once: one already marked is not marked again. It returns how many it
// marked, and whether any was not approved first.
func (s *Session) MarkSent(b Batch, which []int) (marked int, unapproved bool, err error) {
	// An update repeating the last one is refused before any of the
	// batch is marked: all or nothing, as the operator typed it.
	for _, i := range which {
		if !s.State.IsSent(b.Step, b.Items[i].Message, b.Items[i].Channel, b.Items[i].Locale) {
			if err := s.repeatsUpdate(b.Step, b.Items[i]); err != nil {
				return 0, false, err
			}
		}
	}
	for _, i := range which {
		a := b.Items[i]
		if s.State.IsSent(b.Step, a.Message, a.Channel, a.Locale) {
			continue
		}
		m := Message{Step: b.Step, Message: a.Message, Channel: a.Channel, Locale: a.Locale, Audience: a.Audience, Final: b.Final}
		if g := s.Gate(b.Step, a.Message); g != nil {
			// Gated (1.1): journaled as pre-approved, or as sent without
			// the approvals its gate requires.
			m.PreApproved = g.PreApproved
			m.Unapproved = len(s.Needed(b.Step, a.Message)) > 0
			unapproved = unapproved || m.Unapproved
		} else if s.State.ApprovedBy(b.Step, a.Message) == "" {
			unapproved = true
		}
		if !b.Final && !b.Promise.IsZero() && s.toUpdateAudience(a) {
			m.Promise = &b.Promise
		}
		err := s.append(journal.TypeMessageSent, m)
		if err != nil {
			return marked, unapproved, err
		}
		marked++
	}
	return marked, unapproved, nil
}

// toUpdateAudience reports whether a text goes to an audience of the
// playbook's updates: only what they hear sets when the next update is due.
func (s *Session) toUpdateAudience(a render.Announcement) bool {
	for _, u := range s.Playbook.Updates {
		for _, aud := range u.Audiences {
			if slices.Contains(audiences(a), aud.ID) {
				return true
			}
		}
	}
	return false
}

// Pick finds the one announcement of the batch that words name, as typed
// after x (and v, y): its number N (1-based, the order of Items), or a
// channel followed by any of a locale, an audience and a message. Without a
// locale the on-screen one (primary) is meant when the channel has it. When
// the words fit several announcements, as on a status page that carries a
// customer and a supplier text, it returns an *AmbiguousError listing them:
// never more than one.
func (b Batch) Pick(words []string, primary string) (int, error) {
	if len(words) == 0 {
		return 0, lang.Errorf("run.pick.which-x", nil)
	}
	if n, err := strconv.Atoi(words[0]); err == nil {
		if len(words) > 1 {
			return 0, lang.Errorf("run.pick.after-number", map[string]any{"N": n})
		}
		if n < 1 || n > len(b.Items) {
			return 0, lang.Errorf("run.pick.range", map[string]any{"Max": len(b.Items), "Got": n})
		}
		return n - 1, nil
	}
	channel := words[0]
	if !b.has(channel) {
		return 0, noChannel(channel, b.channels())
	}
	var found []int
	localeGiven := false
	for i, a := range b.Items {
		if a.Channel != channel {
			continue
		}
		ok := true
		for _, w := range words[1:] {
			switch {
			case w == a.Locale:
				localeGiven = true
			case w == a.Message || slices.Contains(audiences(a), w):
			default:
				ok = false
			}
		}
		if ok {
			found = append(found, i)
		}
	}
	if !localeGiven {
		// The on-screen locale, unless the channel has no text in it.
		inPrimary := slices.DeleteFunc(slices.Clone(found), func(i int) bool { return b.Items[i].Locale != primary })
		if len(inPrimary) > 0 {
			found = inPrimary
		}
	}
	switch len(found) {
	case 0:
		return 0, lang.Errorf("run.pick.no-match", map[string]any{"Channel": channel, "Words": strings.Join(words[1:], " "), "Texts": b.describe(b.on(channel))})
	case 1:
		return found[0], nil
	}
	return 0, &AmbiguousError{Words: strings.Join(words, " "), Candidates: found, batch: b}
}

// AmbiguousError is a choice of announcement that fits several: the
// operator is asked which, and nothing is marked.
type AmbiguousError struct {
	Words      string
	Candidates []int // indexes into the batch's Items
	batch      Batch
}

func (e *AmbiguousError) Error() string { return e.Unwrap().Error() }

// Unwrap is the error's words, an interface message.
func (e *AmbiguousError) Unwrap() error {
	return lang.Errorf("run.pick.fits-several", map[string]any{"Words": fmt.Sprintf("%q", e.Words), "Count": len(e.Candidates),
		"Texts": e.batch.describe(e.Candidates)})
}

// describe names announcements by number for a message: "2 status-page
// customers meta-holding (es)".
func (b Batch) describe(which []int) string {
	var out []string
	for _, i := range which {
		a := b.Items[i]
		out = append(out, fmt.Sprintf("%d %s %s %s (%s)", i+1, a.Channel, strings.Join(audiences(a), ","), a.Message, a.Locale))
	}
	return strings.Join(out, "; ")
}

func (b Batch) on(channel string) []int {
	var out []int
	for i, a := range b.Items {
		if a.Channel == channel {
			out = append(out, i)
		}
	}
	return out
}

// audiences splits an announcement's audience list ("customers, press").
func audiences(a render.Announcement) []string {
	var out []string
	for _, s := range strings.Split(a.Audience, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (b Batch) has(channel string) bool { return slices.Contains(b.channels(), channel) }

func (b Batch) channels() []string {
	var out []string
	for _, a := range b.Items {
		if !slices.Contains(out, a.Channel) {
			out = append(out, a.Channel)
		}
	}
	return out
}

// Unsent lists the batch's must-send announcements (Required: the channel
// speaks the locale) not yet marked sent, as "channel (locale)", with the
// audience where the channel carries two texts ("status-page suppliers
// (es)"); texts in other locales are optional and never listed.
func (s *Session) Unsent(b Batch) []string {
	var out []string
	for _, a := range b.Items {
		if !a.Required || s.State.IsSent(b.Step, a.Message, a.Channel, a.Locale) {
			continue
		}
		name := a.Channel
		if b.shared(a.Channel) {
			name += " " + strings.Join(audiences(a), ",")
		}
		out = append(out, name+" ("+a.Locale+")")
	}
	return out
}

// shared reports whether a channel carries more than one message in the
// batch (customers and suppliers on one status page).
func (b Batch) shared(channel string) bool {
	first := ""
	for _, a := range b.Items {
		if a.Channel != channel {
			continue
		}
		if first != "" && a.Message != first {
			return true
		}
		first = a.Message
	}
	return false
}
