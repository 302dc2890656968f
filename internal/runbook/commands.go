package runbook

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// do carries out one command line.
func (f *Flow) do(line string) error {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	if c := strings.ToLower(cmd); c != "d" && c != "done" {
		f.confirmDone = false
	}
	if handled, err := f.replyCommand(strings.ToLower(cmd), arg); handled {
		return err
	}
	if st := f.S.Current(); st != nil && f.S.State.Handled(st.ID) {
		// A step shown again after b is read-only: what was recorded
		// stays as it was unless it is reopened, explicitly.
		switch strings.ToLower(cmd) {
		case "d", "done", "f", "forward":
			return fatal(f.S.Forward())
		case "s", "skip", "c", "check", "x", "sent", "a", "approve", "choose":
			_, err := f.S.open()
			return err
		}
	}
	switch strings.ToLower(cmd) {
	case "d", "done":
		return f.done()
	case "choose":
		return f.choose(arg)
	case "f", "forward":
		return lang.Errorf("run.not-handled", nil)
	case "o", "reopen":
		if err := f.S.ReopenCurrent(arg); err != nil {
			return orFatal(err)
		}
		f.info("run.reopened-step", nil)
		return f.showStep()
	case "s", "skip":
		if arg == "" {
			return lang.Errorf("run.skip-why", nil)
		}
		return fatal(f.S.Skip(arg))
	case "n", "note":
		if arg == "" {
			return lang.Errorf("run.note-empty", nil)
		}
		if err := f.S.Note(arg); err != nil {
			return fatal(err)
		}
		f.info("run.note-saved", nil)
	case "a", "approve":
		return f.approve(arg)
	case "x", "sent":
		return f.sent(arg)
	case "send":
		return f.send(arg)
	case "u", "update":
		if arg != "" {
			// u TEXT is for the on-screen language; u pt: TEXT for another.
			locale, text := f.S.State.PrimaryLocale(f.S.Manual.Locales.Default), arg
			if l, t, ok := strings.Cut(arg, ": "); ok && !strings.Contains(l, " ") && slices.Contains(f.S.State.Locales, l) {
				locale, text = l, strings.TrimSpace(t)
			}
			if err := f.S.SetUpdateNote(locale, text); err != nil {
				return orFatal(err)
			}
		}
		return f.showUpdate()
	case "state":
		if arg == "" {
			return lang.Errorf("run.state-is", map[string]any{"State": f.S.State.RunState(), "States": strings.Join(RunStates, "|")})
		}
		if err := f.S.SetState(strings.ToLower(arg)); err != nil {
			return orFatal(err)
		}
		f.info("run.state-now", map[string]any{"State": f.S.State.RunState()})
		if strings.HasPrefix(f.batch.Step, UpdatesStep+"#") && f.S.Current() != nil {
			return f.showUpdate() // the update on screen says the state: shown as it now reads
		}
	case "set":
		return f.set(arg)
	case "b", "back":
		if err := f.S.Back(); err != nil {
			return err
		}
	case "p", "pause", "q", "quit":
		if err := f.S.Pause(); err != nil {
			return fatal(err)
		}
		return ErrPaused
	case "c", "check":
		return f.check(arg)
	case "l", "list":
		// Render the step again: after an update, its batch is the step's
		// own again, so approve and sent act on the step as help says.
		return f.showStep()
	case "r", "show":
		return f.showAll(arg)
	case "v", "view":
		return f.viewText(arg)
	case "y", "copy":
		return f.copyText(arg)
	case "i", "info":
		f.View.Card(f.S)
	case "?", "h", "help", "":
		f.View.Help()
	default:
		return lang.Errorf("run.unknown-command", map[string]any{"Command": fmt.Sprintf("%q", cmd)})
	}
	return nil
}

// approve records who approved the batch; by default the playbook's
// approver: a [WHO] [--at HH:MM], the time it was given in the manual's
// zone when that was before it is recorded.
func (f *Flow) approve(arg string) error {
	if len(f.batch.Items) == 0 {
		return lang.Errorf("run.nothing-to-approve", nil)
	}
	by, when, hasAt := strings.Cut(arg, "--at")
	by = strings.TrimSpace(by)
	if by == "" {
		by = f.defaultApprover()
	}
	person, err := f.person(by)
	if err != nil {
		return err
	}
	var at time.Time
	if hasAt {
		if at, err = f.clockTime(strings.TrimSpace(when)); err != nil {
			return err
		}
	}
	if who := f.S.State.ApprovedBy(f.batch.Step, f.batch.Items[0].Message); who != "" && f.allApproved() {
		f.warn("run.already-approved", message.WithClock(map[string]any{"Name": f.name(who)}, f.S.local(f.S.State.ApprovedAt[MessageKey{f.batch.Step, f.batch.Items[0].Message}])))
		return nil
	}
	n, err := f.S.ApproveAt(f.batch, person.ID, at)
	if err != nil {
		return orFatal(err)
	}
	if n == 0 {
		return nil
	}
	f.info("run.approved", map[string]any{"Name": person.Label()})
	if f.sayNeeded() {
		return nil // gated: only holders of its roles could approve
	}
	if !f.mayApprove(person.ID) {
		f.warn("run.not-approver", map[string]any{"Name": person.Label()})
	}
	return nil
}

// allApproved reports whether every message of the batch is approved.
func (f *Flow) allApproved() bool {
	for _, a := range f.batch.Items {
		if len(f.S.Needed(f.batch.Step, a.Message)) > 0 {
			return false
		}
	}
	return true
}

// name is a person's name, or the id the journal holds when the manual
// no longer has them.
func (f *Flow) name(id string) string {
	if p := f.S.Manual.Person(id); p != nil {
		return p.Label()
	}
	return id
}

// clockTimeRE is a clock time as typed: 10:42, 10.42 or 10h42.
var clockTimeRE = regexp.MustCompile(`^([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])$`)

// clockTime reads a clock time in the manual's zone as the latest such
// moment not after now (so 23:55 typed at 00:10 is yesterday's).
func (f *Flow) clockTime(s string) (time.Time, error) {
	m := clockTimeRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, lang.Errorf("run.at-clock", map[string]any{"Got": fmt.Sprintf("%q", s)})
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	now := f.S.Now().In(f.S.Manual.Location)
	t := time.Date(now.Year(), now.Month(), now.Day(), h, mi, 0, 0, now.Location())
	start := f.S.State.StartedAt
	if t.After(now) && !t.AddDate(0, 0, -1).Before(start) {
		t = t.AddDate(0, 0, -1)
	}
	if t.Before(start) && start.Sub(t) < time.Minute {
		t = start // the minute the run started in: a clock time has no seconds
	}
	return t, nil
}

// person finds someone of the manual by id or name (case and accents as
// typed), so the journal records who, not a free-text guess.
func (f *Flow) person(who string) (*manual.Person, error) {
	var names []string
	for i := range f.S.Manual.People {
		p := &f.S.Manual.People[i]
		if strings.EqualFold(p.ID, who) || strings.EqualFold(p.Name, who) || strings.HasPrefix(strings.ToLower(p.Name), strings.ToLower(who)+" ") {
			return p, nil
		}
		names = append(names, p.ID)
	}
	return nil, lang.Errorf("run.no-person", map[string]any{"Who": fmt.Sprintf("%q", who), "Hint": hintOr(who, names, "run.people")})
}

// mayApprove reports whether a person holds the approver role or deputises.
func (f *Flow) mayApprove(id string) bool {
	r := f.S.Manual.Role(f.S.Playbook.Approver.ID)
	if r == nil {
		return false
	}
	if r.Person.ID == id {
		return true
	}
	for _, d := range r.Deputies {
		if d.ID == id {
			return true
		}
	}
	return false
}

func (f *Flow) defaultApprover() string {
	m, p := f.S.Manual, f.S.Playbook
	if who := f.gateApprover(); who != "" {
		return who
	}
	if r := m.Role(p.Approver.ID); r != nil {
		if pe := m.Person(r.Person.ID); pe != nil {
			return pe.ID
		}
	}
	return p.Approver.ID
}

// sent marks announcements sent. x N, or x CHANNEL [AUDIENCE|MESSAGE]
// [LOCALE], marks exactly one (Batch.Pick: several that fit are listed,
// none marked). x, or x all [LOCALE|all], marks every text in the
// on-screen locale (or the one given, or all): the other languages' texts
// are in files, and nobody should record as posted what they have not seen.
func (f *Flow) sent(arg string) error {
	if len(f.batch.Items) == 0 {
		return lang.Errorf("run.nothing-to-send", nil)
	}
	primary := f.batch.Items[0].Locale
	words := strings.Fields(arg)
	var n int
	var unapproved bool
	var err error
	if len(words) == 0 || words[0] == "all" {
		locale := primary
		if len(words) > 1 {
			locale = words[1]
		}
		n, unapproved, err = f.S.Sent(f.batch, "all", locale)
	} else {
		var i int
		if i, err = f.batch.Pick(words, primary); err != nil {
			return err
		}
		n, unapproved, err = f.S.MarkSent(f.batch, []int{i})
	}
	if err != nil {
		return orFatal(err) // a repeated update is refused; the journal failing stops the run
	}
	if unapproved {
		f.warn("run.sent-unapproved", nil)
	}
	if n == 0 {
		f.warn("run.nothing-new", nil)
		return nil
	}
	f.View.Info("%v", lang.Countf("run.marked-sent", n, nil))
	if left := f.S.Unsent(f.batch); len(left) > 0 {
		f.info("run.still-to-send", map[string]any{"List": strings.Join(left, ", ")})
	}
	if due, ok := f.S.NextUpdateDue(); ok && !due.Equal(f.announcedDue) {
		f.announcedDue = due
		f.info("run.next-update", message.WithClock(nil, f.S.local(due)))
	}
	return nil
}

// done completes the step; with must-send announcements unsent or
// checklist items unticked it asks once for a second d first, so nothing
// is passed over by a slip of the finger. An answers file is not asked
// about the checklist: the step.done records the unticked items either way
// and the report lists them.
func (f *Flow) done() error {
	if st := f.S.Current(); st != nil && st.Kind == manual.StepDecision {
		return lang.Errorf("decision.choose-first", map[string]any{"Options": optionIDs(st)})
	}
	if st := f.S.Current(); st != nil && st.ID == f.unrendered {
		return lang.Errorf("run.unrendered-done", map[string]any{"Step": fmt.Sprintf("%q", st.ID)})
	}
	if st := f.S.Current(); st != nil && !f.confirmDone {
		var why *lang.Error
		if left := f.S.Unsent(f.batch); f.batch.Step == st.ID && len(left) > 0 {
			why = lang.Countf("run.done.unsent", len(left), map[string]any{"List": strings.Join(left, ", ")})
		}
		if open := f.S.Unticked(); len(open) > 0 && !f.Strict && !f.Auto {
			var items []string
			for _, n := range open {
				items = append(items, fmt.Sprintf("%d. %s", n, st.Checklist[n-1]))
			}
			unticked := lang.Countf("run.done.unticked", len(open), map[string]any{"List": strings.Join(items, "; ")})
			if why == nil {
				why = unticked
			} else {
				why = lang.Errorf("run.done.both", map[string]any{"Unsent": why, "Unticked": unticked})
			}
		}
		if why == nil {
			why = f.doneWaiting()
		}
		if why != nil {
			f.confirmDone = true
			return lang.Errorf("run.done.confirm", map[string]any{"Why": why})
		}
	}
	f.confirmDone = false
	return fatal(f.S.Done())
}

// readOnlyNote says, under a step shown again after b, that it is handled
// and how to go on or change it.
func (f *Flow) readOnlyNote() {
	if _, err := f.S.open(); err != nil && f.S.Current() != nil {
		f.View.Info("%v", err)
	}
}

// showUpdate renders the next update and shows it, saying first which
// texts are too long for their channel (a long note, typically).
func (f *Flow) showUpdate() error {
	b, err := f.S.RenderUpdate()
	if err != nil {
		return orFatal(err)
	}
	f.batch = b
	for _, a := range b.Items {
		if !a.Fits {
			f.warn("run.update-too-long", map[string]any{"N": strings.TrimPrefix(b.Step, UpdatesStep+"#"), "Channel": a.Channel,
				"Locale": a.Locale, "Length": a.Length, "Limit": a.Limit, "Unit": a.Unit})
		}
	}
	f.View.Update(f.S, b)
	return nil
}

// set journals a fact learned during the run (set affected_stores=15),
// checked as every value is, and shows again what uses it.
func (f *Flow) set(arg string) error {
	name, val, ok := strings.Cut(arg, "=")
	name, val = strings.TrimSpace(name), strings.TrimSpace(val)
	if !ok || name == "" {
		return lang.Errorf("run.set-usage", nil)
	}
	if err := f.S.Set(name, val); err != nil {
		return orFatal(err)
	}
	f.View.Info("%s = %s", name, val)
	if f.S.Current() == nil {
		return nil
	}
	if strings.HasPrefix(f.batch.Step, UpdatesStep+"#") {
		return f.showUpdate()
	}
	return f.showStep()
}

// orFatal stops the flow on an error writing the journal; any other error
// is a refusal for the operator to read.
func orFatal(err error) error {
	var jerr *JournalError
	if errors.As(err, &jerr) {
		return fatal(err)
	}
	return err
}

// end lists the follow-up steps and closes the run.
func (f *Flow) end() error {
	if err := f.S.Finish(); err != nil {
		return err
	}
	f.View.End(f.S)
	return nil
}

// check ticks checklist items of the current step: c 2, or c 1 3.
func (f *Flow) check(arg string) error {
	st := f.S.Current()
	if st == nil || len(st.Checklist) == 0 {
		return lang.Errorf("run.no-checklist", nil)
	}
	if arg == "" {
		return lang.Errorf("run.check-which", map[string]any{"Max": len(st.Checklist)})
	}
	for _, field := range strings.Fields(arg) {
		n, err := strconv.Atoi(field)
		if err != nil || n < 1 || n > len(st.Checklist) {
			return lang.Errorf("run.check-range", map[string]any{"Max": len(st.Checklist), "Got": fmt.Sprintf("%q", field)})
		}
		if err := f.S.Check(n); err != nil {
			return err
		}
		f.View.Info("[x] %s", st.Checklist[n-1])
	}
	return nil
}

// hintOr is a hint for a name mistyped among names: the nearest ones
// (cli.hint.did-you-mean), or else message id listing them all.
func hintOr(name string, names []string, id string) *lang.Error {
	if near := suggest.Closest(name, names); len(near) > 0 {
		return lang.Errorf("cli.hint.did-you-mean", map[string]any{"Names": `"` + strings.Join(near, `", "`) + `"`})
	}
	return lang.Errorf(id, map[string]any{"Names": strings.Join(names, ", ")})
}
