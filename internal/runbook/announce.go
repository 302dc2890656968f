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

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/render"
)

// Batch is a set of announcements shown together (a step's, or one cadence
// update's): what `approve` and `sent` act on.
type Batch struct {
	Step  string // a step id, or "updates#N"
	Items []render.Announcement
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
	anns, err := render.Playbook(s.Manual, s.Catalog, s.Playbook, s.renderOptions(st.ID))
	if err != nil {
		return Batch{}, &RenderError{Step: st.ID, Err: err}
	}
	return Batch{Step: st.ID, Items: anns}, s.record(st.ID, anns)
}

// RenderError is a step whose messages cannot be rendered: the manual's
// text is wrong, not the run. The step can still be skipped with a reason.
type RenderError struct {
	Step string
	Err  error
}

func (e *RenderError) Error() string {
	return fmt.Sprintf("the messages of step %q cannot be rendered: %v", e.Step, e.Err)
}

func (e *RenderError) Unwrap() error { return e.Err }

// RenderUpdate renders the next cadence update.
func (s *Session) RenderUpdate() (Batch, error) {
	if s.Playbook.Updates == nil {
		return Batch{}, errors.New("this playbook has no update cadence")
	}
	if !s.State.AllClear.IsZero() {
		return Batch{}, errors.New("the all-clear has been given: no more updates")
	}
	// An update rendered and marked sent only in part (then the run was
	// interrupted, or the step shown again) is finished before a new one.
	n, open := s.State.OpenUpdate(s.State.PrimaryLocale(s.Manual.Locales.Default))
	if !open {
		n = s.State.Updates + 1
	}
	step := UpdatesStep + "#" + strconv.Itoa(n)
	anns, err := render.Playbook(s.Manual, s.Catalog, s.Playbook, s.renderOptions(render.UpdatesStep))
	if err != nil {
		return Batch{}, err
	}
	for i := range anns {
		anns[i].Step = step
	}
	return Batch{Step: step, Items: anns}, s.record(step, anns)
}

func (s *Session) renderOptions(step string) render.Options {
	o := s.RenderOptions()
	o.Step = step
	return o
}

// RenderOptions are what every text of the run is rendered with: its
// locales, its journaled variables, its clock and, in a drill, the mark.
func (s *Session) RenderOptions() render.Options {
	return render.Options{Locales: s.State.Locales, Vars: s.State.Vars, Drill: s.State.Drill, Clock: s.clock()}
}

func (s *Session) record(step string, anns []render.Announcement) error {
	for _, a := range anns {
		name := fmt.Sprintf("%s.%s.%s.%s.txt", step, a.Message, a.Channel, a.Locale)
		if filepath.Base(name) != name || !filepath.IsLocal(name) {
			// Ids and locales are checked where they come in; this is the
			// last guard that a file stays in the run's folder.
			return fmt.Errorf("announcement file name %q would leave the run folder", name)
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
		fits := a.Fits
		err := s.append(journal.TypeMessageRendered, Message{Step: step, Message: a.Message, Channel: a.Channel,
			Locale: a.Locale, File: filepath.Join(AnnouncementsDir, name), Fits: &fits})
		if err != nil {
			return err
		}
	}
	return nil
}

// Approve records who approved the batch's messages.
func (s *Session) Approve(b Batch, by string) error {
	if by == "" {
		return errors.New("say who approved: approve PERSON")
	}
	seen := map[string]bool{}
	for _, a := range b.Items {
		if seen[a.Message] || s.State.ApprovedBy(b.Step, a.Message) == by {
			continue
		}
		seen[a.Message] = true
		if err := s.append(journal.TypeMessageApproved, Message{Step: b.Step, Message: a.Message, By: by}); err != nil {
			return err
		}
	}
	return nil
}

// Sent marks the batch's announcements on a channel and in a locale ("all"
// for every one) as sent, each once. It returns how many it marked, and
// whether any was not approved first.
func (s *Session) Sent(b Batch, channel, locale string) (marked int, unapproved bool, err error) {
	for _, a := range b.Items {
		if (channel != "all" && a.Channel != channel) || (locale != "all" && a.Locale != locale) {
			continue
		}
		if s.State.IsSent(b.Step, a.Message, a.Channel, a.Locale) {
			continue
		}
		if s.State.ApprovedBy(b.Step, a.Message) == "" {
			unapproved = true
		}
		err := s.append(journal.TypeMessageSent, Message{Step: b.Step, Message: a.Message, Channel: a.Channel, Locale: a.Locale, Audience: a.Audience})
		if err != nil {
			return marked, unapproved, err
		}
		marked++
	}
	if marked == 0 && channel != "all" && !b.has(channel) {
		return 0, false, fmt.Errorf("this step has no announcement on %q; its channels: %s", channel, strings.Join(b.channels(), ", "))
	}
	return marked, unapproved, nil
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

// Unsent lists the batch's announcements not yet marked sent, as
// "channel (locale)".
func (s *Session) Unsent(b Batch) []string {
	var out []string
	for _, a := range b.Items {
		if !s.State.IsSent(b.Step, a.Message, a.Channel, a.Locale) {
			out = append(out, a.Channel+" ("+a.Locale+")")
		}
	}
	return out
}
