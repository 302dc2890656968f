// Package report builds the post-incident report of a run from its journal:
// the timeline, the deadlines met and missed, what was sent where and when,
// the deviations from the manual, and the notes. One model, written as
// Markdown, self-contained HTML or JSON.
package report

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Report is everything a post-incident review needs from one run. JSON keys
// are stable: fields are added, never renamed.
type Report struct {
	RunID        string       `json:"run_id"`
	Playbook     string       `json:"playbook"`
	Title        string       `json:"title"`
	Organisation string       `json:"organisation"`
	Drill        bool         `json:"drill"`
	Speed        float64      `json:"speed,omitempty"` // a drill's clock ran this many times faster
	Status       string       `json:"status"`
	Started      time.Time    `json:"started"`
	AllClear     *time.Time   `json:"all_clear,omitempty"`
	Duration     string       `json:"duration"`
	TimeZone     string       `json:"time_zone"`
	Summary      Summary      `json:"summary"`
	Timeline     []Entry      `json:"timeline"`
	Deadlines    []Deadline   `json:"deadlines"`
	States       []State      `json:"states"` // the incident's state history, from investigating
	Sent         []Sent       `json:"sent"`
	Deliveries   []Delivery   `json:"deliveries,omitempty"` // sends through delivery targets (deliveries.go)
	Replies      []ReplyCount `json:"replies,omitempty"`    // replies of the library drafted (replies.go)
	FollowUp     []FollowUp   `json:"follow_up"`
	Deviations   []string     `json:"deviations"`
	// deviations holds each of Deviations as an interface message, for
	// Markdown and HTML in the reader's language; Deviations stays English
	// so the JSON is the same in every language.
	deviations []*lang.Error
	// intact is Integrity as a message, for the reader's language.
	intact    *lang.Error
	Notes     []Note       `json:"notes"`
	Integrity string       `json:"integrity"`
	LastHash  string       `json:"last_hash"`
	Score     *drill.Score `json:"score,omitempty"`
	Abandoned *Abandoned   `json:"abandoned,omitempty"`
	// Spans are the incident's spans when it was reopened after an
	// all-clear: start to all-clear, reopening to the next, and so on.
	Spans []Span `json:"spans,omitempty"`
	// Approvals are every approval given, with the role it was given as
	// under an approval gate; Escalations the deputies named when a gate
	// went unanswered (1.1, gates.go).
	Approvals   []Approval   `json:"approvals,omitempty"`
	Escalations []Escalation `json:"escalations,omitempty"`
	// Decisions made at decision steps, and the steps they left off the
	// run's path (decision.go).
	Decisions []Decision `json:"decisions,omitempty"`
	OffPath   []string   `json:"off_path,omitempty"`

	loc       *time.Location
	lastEvent time.Time
}

// Abandoned says a run was given up, when and why.
type Abandoned struct {
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

// Span is one stretch of an incident: from its start or reopening to its
// all-clear (To is nil while it lasts).
type Span struct {
	From time.Time  `json:"from"`
	To   *time.Time `json:"to,omitempty"`
}

// Summary is what a manager reads first: how the deadlines went, what was
// sent without approval or not at all, and how long it lasted.
type Summary struct {
	Deadlines       int    `json:"deadlines"`
	Met             int    `json:"deadlines_met"`
	Late            int    `json:"deadlines_late"`
	Skipped         int    `json:"deadlines_skipped"`
	Open            int    `json:"deadlines_open"`
	Sent            int    `json:"sent"`
	UnapprovedSends int    `json:"unapproved_sends"`
	Unsent          int    `json:"unsent_announcements"`
	FollowUp        int    `json:"follow_up"`
	Duration        string `json:"duration"`
}

// Entry is one line of the timeline.
type Entry struct {
	At     time.Time `json:"at"`
	Offset string    `json:"offset"` // T+...
	Type   string    `json:"type"`
	Text   string    `json:"text"` // in English, whatever the interface language

	say *lang.Error // Text as a message, for the writers (Say)
}

// State is a state the incident entered (investigating, identified,
// monitoring, resolved), and when.
type State struct {
	At    time.Time `json:"at"`
	State string    `json:"state"`
}

// Deadline is a step against its deadline.
type Deadline struct {
	Step        string     `json:"step"`
	Title       string     `json:"title"`
	Due         time.Time  `json:"due"`
	At          *time.Time `json:"at,omitempty"`
	Status      string     `json:"status"` // met, missed, skipped, open
	Late        string     `json:"late,omitempty"`
	LateSeconds int64      `json:"late_seconds,omitempty"`
}

// Sent is one announcement marked sent, with the text that went out when
// the run folder still holds it.
type Sent struct {
	At          time.Time `json:"at"`
	Step        string    `json:"step"`
	Message     string    `json:"message"`
	Channel     string    `json:"channel"`
	Locale      string    `json:"locale"`
	By          string    `json:"approved_by,omitempty"`
	StepTitle   string    `json:"step_title,omitempty"`
	ChannelName string    `json:"channel_name,omitempty"`
	File        string    `json:"file,omitempty"` // relative to the run folder, as journaled when rendered
	Text        string    `json:"text,omitempty"`
	TextMissing string    `json:"text_missing,omitempty"` // why Text is empty
	TextNote    string    `json:"text_note,omitempty"`    // why Text may not be what went out
	// PreApproved: sent on its owner's authority, as the manual
	// pre-approved it; Unapproved: sent without the approvals its gate
	// requires (1.1, gates.go).
	PreApproved bool `json:"pre_approved,omitempty"`
	Unapproved  bool `json:"unapproved,omitempty"`
}

// FollowUp is a task after the all-clear, due a time after it.
type FollowUp struct {
	Step      string     `json:"step"`
	Title     string     `json:"title"`
	Owner     string     `json:"owner,omitempty"`
	After     string     `json:"after_all_clear"`
	Due       *time.Time `json:"due,omitempty"` // unknown until the all-clear is given
	Checklist []string   `json:"checklist,omitempty"`

	after time.Duration
}

// Note is an operator's note.
type Note struct {
	At        time.Time `json:"at"`
	Step      string    `json:"step,omitempty"`
	Text      string    `json:"text"`
	StepTitle string    `json:"step_title,omitempty"`
}

// Build makes the report of the run whose events are given. p may be nil
// when the manual no longer has the playbook; deadlines are then unknown
// and steps and checklist items go by their ids. The texts sent are read
// from the run folder by ReadTexts.
func Build(m *manual.Manual, p *manual.Playbook, events []journal.Event, dmg journal.Damage) (*Report, error) {
	st, err := runbook.Replay(stepIDs(p), events)
	if err != nil {
		return nil, err
	}
	return FromState(m, p, st, events, dmg), nil
}

// FromState is Build for a run whose events were already replayed into st
// as they were read (runbook.ReadRun): the journal is not replayed twice.
func FromState(m *manual.Manual, p *manual.Playbook, st *runbook.State, events []journal.Event, dmg journal.Damage) *Report {
	st.Bind(stepIDs(p))
	r := &Report{RunID: st.RunID, Playbook: st.Playbook, Title: st.Title, Organisation: st.Organisation,
		Drill: st.Drill, Speed: st.Speed, Started: st.StartedAt, loc: m.Location, TimeZone: m.TimeZone,
		Timeline: []Entry{}, Deadlines: []Deadline{}, States: []State{}, Sent: []Sent{}, FollowUp: []FollowUp{}, Deviations: []string{}, Notes: []Note{}}
	r.Status = status(st)
	r.lastEvent = st.LastEvent
	end := st.LastEvent
	if !st.AllClear.IsZero() {
		ac := st.AllClear
		r.AllClear, end = &ac, ac
	}
	r.Duration = span(end.Sub(st.StartedAt))
	r.lifecycle(st)
	n := names{m: m, p: p}
	for _, c := range st.States {
		r.States = append(r.States, State{At: c.At, State: c.State})
	}
	r.timeline(events, n)
	if usesGates(p) {
		r.gates(events, n)
	}
	r.decisions(st, n)
	if p != nil {
		r.deadlines(p, st, n)
		r.updates(p, st)
		r.followUp(p, n)
	}
	r.unsent(st, events, n)
	if p != nil {
		r.held(m, p, st, events, n)
	}
	r.deliveries(st, n)
	r.replies(events)
	r.integrity(events, dmg)
	r.summarise()
	return r
}

// span says how long something took: seconds under a minute (never "0m"),
// whole minutes above.
func span(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%ds", d/time.Second) // FormatDuration says 0 as "0m"
	}
	return manual.FormatDuration(d.Round(time.Minute))
}

// late is how late something was, rounded up to the second so that a
// deadline missed by a blink is never "0s late".
func late(d time.Duration) string {
	if d < time.Minute {
		return manual.FormatDuration(max(time.Second, (d + time.Second - 1).Truncate(time.Second)))
	}
	return span(d)
}

func stepIDs(p *manual.Playbook) []string {
	if p == nil {
		return nil
	}
	var ids []string
	for _, s := range p.Steps {
		ids = append(ids, s.ID)
	}
	return ids
}

// lifecycle records an abandonment and the spans of a reopened incident.
func (r *Report) lifecycle(st *runbook.State) {
	if a := st.Abandoned; a != nil {
		r.Abandoned = &Abandoned{At: a.At, Reason: a.Reason}
	}
	if len(st.Reopened) == 0 {
		return
	}
	from := st.StartedAt
	for _, ro := range st.Reopened {
		to := ro.AllClear
		r.Spans = append(r.Spans, Span{From: from, To: &to})
		from = ro.At
	}
	last := Span{From: from}
	if !st.AllClear.IsZero() {
		ac := st.AllClear
		last.To = &ac
	}
	r.Spans = append(r.Spans, last)
}

func status(st *runbook.State) string {
	switch {
	case st.Abandoned != nil:
		return runbook.StatusAbandoned
	case st.Finished:
		return "finished"
	case st.Paused:
		return "paused"
	}
	return "unfinished"
}

func (r *Report) offset(t time.Time) string {
	return "T+" + manual.FormatDuration(t.Sub(r.Started).Truncate(time.Minute))
}

// Local formats a time in the manual's zone, for writers.
func (r *Report) Local(t time.Time) string { return t.In(r.loc).Format("2006-01-02 15:04:05") }

func (r *Report) timeline(events []journal.Event, n names) {
	approvals := map[string]string{}    // step/message -> approver's id, as the timeline reaches it
	rendered := map[string]string{}     // step/message/channel/locale -> file
	unapproved := map[string][]string{} // step/message -> where it was sent
	given := approvalsGiven(events)
	var order []string
	for _, e := range events {
		say := n.describe(e, approvals)
		r.Timeline = append(r.Timeline, Entry{At: e.UTC, Offset: r.offset(e.UTC), Type: e.Type, Text: say.Error(), say: say})
		switch e.Type {
		case journal.TypeMessageRendered:
			var m runbook.Message
			if json.Unmarshal(e.Data, &m) == nil {
				rendered[sentKey(m)] = m.File
			}
		case journal.TypeMessageSent:
			var m runbook.Message
			_ = json.Unmarshal(e.Data, &m)
			by := approvals[m.Step+"/"+m.Message]
			if a, ok := given[m.Step+"/"+m.Message]; ok && !a.at.After(e.UTC) {
				by = a.by // given before the send, recorded after it (approve --at)
			}
			s := Sent{At: e.UTC, Step: m.Step, Message: m.Message, Channel: m.Channel, Locale: m.Locale,
				StepTitle: n.step(m.Step), ChannelName: n.channel(m.Channel), File: rendered[sentKey(m)]}
			if by != "" {
				s.By = n.person(by)
			}
			s.PreApproved, s.Unapproved = m.PreApproved, m.Unapproved
			r.Sent = append(r.Sent, s)
			if m.Unapproved {
				r.gateDeviation(m, n)
			} else if by == "" && !m.PreApproved {
				k := m.Step + "/" + m.Message
				if _, seen := unapproved[k]; !seen {
					order = append(order, k)
				}
				unapproved[k] = append(unapproved[k], n.channel(m.Channel)+" ("+m.Locale+")")
			}
		case journal.TypeNote:
			var note runbook.Note
			_ = json.Unmarshal(e.Data, &note)
			r.Notes = append(r.Notes, Note{At: e.UTC, Step: note.Step, Text: note.Text, StepTitle: n.step(note.Step)})
		}
	}
	for _, k := range order {
		step, msg, _ := strings.Cut(k, "/")
		r.deviate("deviations.unapproved", map[string]any{"Message": msg, "Step": n.quotedStep(step), "Channels": strings.Join(unapproved[k], ", ")})
	}
}

// approval is the first approval of a message: who gave it, and when.
type approval struct {
	by string
	at time.Time
}

// approvalsGiven finds the first approval of each message and the time it
// was given: an approval given by phone before a send may be recorded
// after it, with the time it was given (approve WHO --at HH:MM).
func approvalsGiven(events []journal.Event) map[string]approval {
	out := map[string]approval{}
	for _, e := range events {
		var m runbook.Message
		if e.Type != journal.TypeMessageApproved || json.Unmarshal(e.Data, &m) != nil {
			continue
		}
		k := m.Step + "/" + m.Message
		if _, ok := out[k]; ok {
			continue
		}
		a := approval{by: m.By, at: e.UTC}
		if m.At != nil {
			a.at = *m.At
		}
		out[k] = a
	}
	return out
}

func sentKey(m runbook.Message) string {
	return m.Step + "/" + m.Message + "/" + m.Channel + "/" + m.Locale
}

// names turns the ids a journal records into what the manual calls them:
// people's names, step titles, channel names, checklist texts. An id the
// manual no longer has is shown as it is.
type names struct {
	m *manual.Manual
	p *manual.Playbook // nil when the manual lost the playbook
}

func (n names) person(id string) string {
	if pe := n.m.Person(id); pe != nil && pe.Name != "" {
		return pe.Label()
	}
	return id
}

// owner is the person holding a role, or the role's title.
func (n names) owner(role string) string {
	ro := n.m.Role(role)
	switch {
	case ro == nil:
		return role
	case n.m.Person(ro.Person.ID) != nil:
		return n.person(ro.Person.ID)
	case ro.Title != "":
		return ro.Title
	}
	return role
}

func (n names) channel(id string) string {
	if c := n.m.Channel(id); c != nil && c.Name != "" {
		return c.Name
	}
	return id
}

func (n names) findStep(id string) *manual.Step {
	if n.p == nil {
		return nil
	}
	for _, group := range [][]manual.Step{n.p.Steps, n.p.FollowUp} {
		for i := range group {
			if group[i].ID == id {
				return &group[i]
			}
		}
	}
	return nil
}

// step is a step's title in English, as the JSON says it; cadence
// updates ("updates#2") are "Update 2" (stepSay says them in a language).
func (n names) step(id string) string {
	return fmt.Sprint(n.stepSay(id))
}

// check is the text of a checklist item (1-based), in English for the
// JSON; checkSay says it as a message's data.
func (n names) check(step string, item int) string {
	return fmt.Sprint(n.checkSay(step, item))
}

// checkSay is a checklist item's text, or, when the manual no longer has
// it, which item of which step it was in the reader's language.
func (n names) checkSay(step string, item int) any {
	if s := n.findStep(step); s != nil && item >= 1 && item <= len(s.Checklist) {
		return s.Checklist[item-1]
	}
	return lang.Errorf("reporttext.item", map[string]any{"Item": item, "Step": n.stepSay(step)})
}

// describe says in words what an event was, as an interface message: its
// English text is the timeline's in the JSON, and the Markdown and HTML
// writers show it in the reader's language (Entry.Say).
func (n names) describe(e journal.Event, approvals map[string]string) *lang.Error {
	var d map[string]any
	_ = json.Unmarshal(e.Data, &d)
	str := func(k string) string { s, _ := d[k].(string); return s }
	say := func(id string, kv ...any) *lang.Error {
		data := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			data[kv[i].(string)] = kv[i+1]
		}
		return lang.Errorf("events."+id, data)
	}
	switch e.Type {
	case journal.TypeRunStarted:
		return say("run-started", "Title", str("title"))
	case journal.TypeVarSet:
		return say("var-set", "Name", str("name"), "Value", strconv.Quote(str("value")))
	case journal.TypeStepDone:
		if d["all_clear"] == true {
			return say("step-done-all-clear", "Step", n.stepSay(str("step")))
		}
		return say("step-done", "Step", n.stepSay(str("step")))
	case journal.TypeStepSkipped:
		return say("step-skipped", "Step", n.stepSay(str("step")), "Reason", str("reason"))
	case journal.TypeChecked:
		item, _ := d["item"].(float64)
		return say("checked", "Item", n.checkSay(str("step"), int(item)))
	case journal.TypeStepBack:
		return say("step-back", "From", n.stepSay(str("from")), "To", n.stepSay(str("to")))
	case journal.TypeNote:
		return say("note", "Text", str("text"))
	case journal.TypeMessageRendered:
		return say("rendered", "Message", str("message"), "Channel", n.channel(str("channel")), "Locale", str("locale"))
	case journal.TypeMessageApproved:
		k := str("step") + "/" + str("message")
		if _, ok := approvals[k]; !ok {
			approvals[k] = str("by")
		}
		if at, err := time.Parse(time.RFC3339Nano, str("at")); err == nil {
			e := say("approved-at", "Message", str("message"), "By", n.person(str("by")))
			message.WithClock(e.Data, at.In(n.m.Location))
			return e
		}
		return say("approved", "Message", str("message"), "By", n.person(str("by")))
	case journal.TypeStepForward:
		return say("step-forward", "From", n.stepSay(str("from")))
	case journal.TypeStepReopened:
		return say("step-reopened", "Step", n.stepSay(str("step")), "Reason", str("reason"))
	case journal.TypeRunState:
		state := any(str("state"))
		if id := "report.state." + str("state"); lang.For(language.English).Has(id) {
			state = lang.Errorf(id, nil) // the state's name in the reader's language
		}
		return lang.Errorf("events.state", map[string]any{"State": state})
	case journal.TypeUpdateNote:
		return say("update-note", "Update", n.stepSay(str("update")), "Locale", str("locale"), "Text", str("text"))
	case journal.TypeMessageSent:
		return say("sent", "Message", str("message"), "Channel", n.channel(str("channel")), "Locale", str("locale"))
	case journal.TypeRunAbandoned:
		return say("abandoned", "Reason", str("reason"))
	case journal.TypeRunReopened:
		return say("reopened", "Step", n.stepSay(str("step")))
	case journal.TypeInjectArrived:
		return say("inject", "Event", str("event"))
	case journal.TypeInjectAnswered:
		return say("response", "Response", str("response"))
	case journal.TypeDecisionMade:
		return n.describeDecision(str)
	case journal.TypeSendIntent, journal.TypeSendOutcome:
		return describeSend(e.Type, str, func(k string) int { f, _ := d[k].(float64); return int(f) })
	}
	return byType(e.Type)
}

func (r *Report) deadlines(p *manual.Playbook, st *runbook.State, n names) {
	for _, s := range p.Steps {
		d := Deadline{Step: s.ID, Title: s.Title, Due: st.Due(p, &s), Status: "open"}
		if st.OffPath[s.ID] && st.Steps[s.ID] == nil {
			d.Status = OffPath
			r.Deadlines = append(r.Deadlines, d)
			continue
		}
		for _, ro := range st.StepsReopened {
			if ro.Step == s.ID {
				r.deviate("deviations.reopened", map[string]any{"Step": n.quotedStep(s.ID), "At": r.Local(ro.At), "Reason": ro.Reason})
			}
		}
		if ss := st.Steps[s.ID]; ss != nil {
			at := ss.At
			d.At = &at
			if len(ss.Unticked) > 0 {
				var items []string
				for _, i := range ss.Unticked {
					items = append(items, strconv.Quote(n.check(s.ID, i)))
				}
				r.deviate("deviations.unticked", map[string]any{"Step": n.quotedStep(s.ID), "Items": strings.Join(items, ", ")})
			}
			switch {
			case ss.Skipped:
				d.Status = "skipped"
				r.deviate("deviations.skipped", map[string]any{"Step": n.quotedStep(s.ID), "Reason": ss.Reason})
			case at.After(d.Due):
				by := at.Sub(d.Due)
				d.Status, d.Late, d.LateSeconds = "missed", late(by), int64((by+time.Second-1)/time.Second)
				r.deviate("deviations.late", map[string]any{"Step": n.quotedStep(s.ID), "Late": d.Late})
			default:
				d.Status = "met"
			}
		} else if st.Finished {
			r.deviate("deviations.never-done", map[string]any{"Step": n.quotedStep(s.ID)})
		}
		r.Deadlines = append(r.Deadlines, d)
	}
}

// followUp lists the tasks after the all-clear; their deadlines count from
// it, so they have a due time once it is given.
func (r *Report) followUp(p *manual.Playbook, n names) {
	for _, s := range p.FollowUp {
		f := FollowUp{Step: s.ID, Title: s.Title, Owner: n.owner(s.Owner.ID), After: manual.FormatDuration(s.Deadline),
			Checklist: s.Checklist, after: s.Deadline}
		if r.AllClear != nil {
			due := r.AllClear.Add(s.Deadline)
			f.Due = &due
		}
		r.FollowUp = append(r.FollowUp, f)
	}
}

// updates finds gaps between announcements longer than the cadence while
// the incident was open: late or missing updates. One cadence counts every
// text sent, as a 1.0 playbook always has; with several, each counts the
// texts sent on its own channels and is named.
func (r *Report) updates(p *manual.Playbook, st *runbook.State) {
	if len(r.Sent) == 0 {
		return
	}
	end := st.AllClear
	if end.IsZero() {
		end = st.LastEvent
	}
	for i := range p.Updates {
		u := &p.Updates[i]
		var times []time.Time
		for _, s := range r.Sent {
			if len(p.Updates) == 1 || slices.ContainsFunc(u.Channels, func(c manual.Ref) bool { return c.ID == s.Channel }) {
				times = append(times, s.At)
			}
		}
		if len(times) == 0 {
			continue
		}
		sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
		prev := times[0]
		for _, t := range append(times[1:], end) {
			every := u.IntervalSince(times[0], prev) // phases from its first promise, as the run counts them
			if gap := t.Sub(prev); every > 0 && gap > every {
				data := map[string]any{"From": r.Local(prev), "To": r.Local(t),
					"Gap": manual.FormatDuration(gap.Round(time.Minute)), "Every": manual.FormatDuration(every), "Cadence": ""}
				if len(p.Updates) > 1 {
					data["Cadence"] = ": " + u.Name()
				}
				r.deviate("deviations.no-update", data)
			}
			prev = t
		}
	}
}

func (r *Report) integrity(events []journal.Event, dmg journal.Damage) {
	r.intact = lang.Errorf("deviations.intact", map[string]any{"Count": len(events)})
	if !dmg.Intact() {
		r.intact = damaged(dmg)
	}
	// A journal repaired on resume verifies again; what was lost then is
	// known only from the resumption's record of it.
	var repairs []error
	for _, e := range events {
		var res runbook.Resumed
		if e.Type != journal.TypeRunResumed || json.Unmarshal(e.Data, &res) != nil || res.Damage == "" {
			continue
		}
		if res.Repair != nil && res.Repair.Kind == string(journal.DamageTruncated) {
			continue // a write cut short by a crash was never acknowledged: nothing was lost
		}
		repairs = append(repairs, r.repaired(r.Local(e.UTC), res))
	}
	if len(repairs) > 0 {
		r.intact = lang.Errorf("reporttext.repaired", map[string]any{"Integrity": r.intact, "Repairs": joined{repairs, "; "}})
	}
	r.Integrity = r.intact.Error()
	if len(events) > 0 {
		r.LastHash = events[len(events)-1].Hash
	}
}

// unsent reports must-send announcements rendered for a step that was then
// completed without them being marked sent: an audience may never have
// heard. Texts in a locale their channel does not speak were optional.
func (r *Report) unsent(st *runbook.State, events []journal.Event, n names) {
	missing := map[string][]string{}
	var order []string
	for _, e := range events {
		if e.Type != journal.TypeMessageRendered {
			continue
		}
		var m runbook.Message
		if json.Unmarshal(e.Data, &m) != nil || st.Steps[m.Step] == nil || !st.Steps[m.Step].Done {
			continue
		}
		if st.IsSent(m.Step, m.Message, m.Channel, m.Locale) || (m.Required != nil && !*m.Required) {
			continue
		}
		if _, ok := missing[m.Step]; !ok {
			order = append(order, m.Step)
		}
		missing[m.Step] = append(missing[m.Step], n.channel(m.Channel)+" ("+m.Locale+")")
		r.Summary.Unsent++
	}
	for _, step := range order {
		r.deviate("deviations.unsent", map[string]any{"Step": n.quotedStep(step), "Messages": strings.Join(missing[step], ", ")})
	}
}

// summarise counts what the sections below it detail.
func (r *Report) summarise() {
	s := &r.Summary
	s.Deadlines, s.Sent, s.FollowUp, s.Duration = len(r.Deadlines), len(r.Sent), len(r.FollowUp), r.Duration
	for _, d := range r.Deadlines {
		switch d.Status {
		case "met":
			s.Met++
		case "missed":
			s.Late++
		case "skipped":
			s.Skipped++
		case OffPath:
			s.Deadlines-- // not due on the path taken
		default:
			s.Open++
		}
	}
	for _, x := range r.Sent {
		if (x.By == "" && !x.PreApproved) || x.Unapproved {
			s.UnapprovedSends++
		}
	}
}

// ReadTexts fills in each sent announcement's text from the file the run
// wrote when it rendered it (runbook writes every rendering into the run
// folder and journals the file's name; the journal does not hold the text).
// runDir is the run's folder. A file that is gone is said, not guessed.
//
// Showing a step again renders it again and rewrites its files, and a
// rendering after a text was sent can differ from it (a promised time is
// one). A file written after its text was marked sent but while the run
// went on is flagged; a later time is taken for a copy of the folder.
func (r *Report) ReadTexts(runDir fs.FS) {
	for i := range r.Sent {
		s := &r.Sent[i]
		name := filepath.ToSlash(s.File)
		if name == "" {
			s.TextMissing = "the journal names no file for this text"
			continue
		}
		if !fs.ValidPath(name) {
			s.TextMissing = fmt.Sprintf("the journal names %q, outside the run folder", s.File)
			continue
		}
		b, written, err := readSmall(runDir, name)
		switch {
		case errors.Is(err, errTooLarge):
			s.TextMissing = fmt.Sprintf("%s is larger than any rendered text (over %d bytes)", s.File, maxText)
		case err != nil:
			s.TextMissing = fmt.Sprintf("%s is not in the run folder any more", s.File)
		default:
			s.Text = string(b)
			if written.After(s.At.Add(fileClockSlack)) && !written.After(r.lastEvent.Add(fileClockSlack)) {
				s.TextNote = fmt.Sprintf("the step was shown again and this file rewritten at %s, after the text was marked sent: "+
					"what went out may have differed (a time it promised, for one)", r.Local(written))
			}
		}
	}
}

// fileClockSlack absorbs the file system's coarser timestamps.
const fileClockSlack = 2 * time.Second

// maxText bounds what is read back as one text: a rendered text is at most
// 64 KiB (lint's CR404), so a bigger file is not one the run wrote.
const maxText = 1 << 20

var errTooLarge = errors.New("too large")

func readSmall(fsys fs.FS, name string) (b []byte, written time.Time, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		written = fi.ModTime()
	}
	b, err = io.ReadAll(io.LimitReader(f, maxText+1))
	if err == nil && len(b) > maxText {
		return nil, written, errTooLarge
	}
	return b, written, err
}

// ChannelTexts is what went out on one channel, per locale, in order.
type ChannelTexts struct {
	Channel string
	Name    string
	Locales []LocaleTexts
}

// LocaleTexts is what went out on a channel in one locale.
type LocaleTexts struct {
	Locale string
	Sent   []Sent
}

// ByChannel groups the sent texts by channel and locale, each in the order
// first used, for writers.
func (r *Report) ByChannel() []ChannelTexts {
	var out []ChannelTexts
	for _, s := range r.Sent {
		ci := slices.IndexFunc(out, func(c ChannelTexts) bool { return c.Channel == s.Channel })
		if ci < 0 {
			out = append(out, ChannelTexts{Channel: s.Channel, Name: s.ChannelName})
			ci = len(out) - 1
		}
		c := &out[ci]
		li := slices.IndexFunc(c.Locales, func(l LocaleTexts) bool { return l.Locale == s.Locale })
		if li < 0 {
			c.Locales = append(c.Locales, LocaleTexts{Locale: s.Locale})
			li = len(c.Locales) - 1
		}
		c.Locales[li].Sent = append(c.Locales[li].Sent, s)
	}
	return out
}

// SummaryLines says the summary in sentences in l's language, for writers.
func (r *Report) SummaryLines(l *lang.Localizer) []string {
	s := r.Summary
	lines := []string{r.durationLine(l)}
	if a := r.Abandoned; a != nil {
		lines = append(lines, l.T("report.summary.abandoned", map[string]any{"At": r.Local(a.At), "Reason": a.Reason}))
	}
	if len(r.Spans) > 0 {
		var spans []string
		for _, sp := range r.Spans {
			to := l.T("report.summary.ongoing", nil)
			if sp.To != nil {
				to = r.Local(*sp.To)
			}
			spans = append(spans, l.T("report.summary.span", map[string]any{"From": r.Local(sp.From), "To": to}))
		}
		lines = append(lines, l.N("report.summary.reopened", len(r.Spans), map[string]any{"Spans": strings.Join(spans, "; ")}))
	}
	if s.Deadlines > 0 {
		lines = append(lines, l.T("report.summary.deadlines", map[string]any{"Deadlines": s.Deadlines,
			"Met": lang.Countf("reporttext.deadlines.met", s.Met, nil), "Late": lang.Countf("reporttext.deadlines.late", s.Late, nil),
			"Skipped": lang.Countf("reporttext.deadlines.skipped", s.Skipped, nil), "Open": lang.Countf("reporttext.deadlines.open", s.Open, nil)}))
	} else {
		lines = append(lines, l.T("report.summary.deadlines-unknown", nil))
	}
	lines = append(lines,
		l.T("report.summary.sent", map[string]any{"Sent": s.Sent, "Unapproved": s.UnapprovedSends}),
		l.T("report.summary.unsent", map[string]any{"Unsent": s.Unsent}),
		l.T("report.summary.deviations", map[string]any{"Count": len(r.Deviations)}))
	if s.FollowUp > 0 {
		first := slices.MinFunc(r.FollowUp, func(a, b FollowUp) int { return cmp.Compare(a.after, b.after) })
		lines = append(lines, l.T("report.summary.follow-up", map[string]any{"Count": s.FollowUp, "Due": r.FollowUpDue(first, l)}))
	}
	return lines
}

// durationLine says how long the run took, and up to what.
func (r *Report) durationLine(l *lang.Localizer) string {
	data := map[string]any{"Duration": r.Summary.Duration, "Status": l.T("report.status."+r.Status, nil)}
	switch {
	case r.AllClear != nil:
		return l.T("report.summary.duration-all-clear", data)
	case r.Status == "finished":
		return l.T("report.summary.duration-finished", data)
	}
	return l.T("report.summary.duration-last-event", data)
}

// FollowUpDue is when a follow-up task is due, or how long after the
// all-clear while there is none yet.
func (r *Report) FollowUpDue(f FollowUp, l *lang.Localizer) string {
	if f.Due == nil {
		return l.T("report.follow-up-after", map[string]any{"After": f.After})
	}
	return r.Local(*f.Due)
}

// Outcome says how a deadline went: "met", "missed (45s late)" ...
func (d Deadline) Outcome(l *lang.Localizer) string {
	if d.Late != "" {
		return l.T("report.deadline.missed-late", map[string]any{"Late": d.Late})
	}
	if d.Status == OffPath {
		return l.T("decision.report.off-path", nil)
	}
	return l.T("report.deadline."+d.Status, nil)
}

// Approval says who approved a sent text.
func (s Sent) Approval(l *lang.Localizer) string {
	if s.PreApproved {
		return l.T("gates.list.pre-approved", nil)
	}
	if s.By == "" {
		return l.T("report.no-approval", nil)
	}
	return l.T("report.approved-by", map[string]any{"By": s.By})
}

// deviate records a deviation from the manual: in English for the JSON,
// and as the message it is for the reader's language. The same deviation
// is recorded once.
func (r *Report) deviate(id string, data map[string]any) {
	e := lang.Errorf(id, data)
	text := e.Error()
	if slices.Contains(r.Deviations, text) {
		return
	}
	r.Deviations = append(r.Deviations, text)
	r.deviations = append(r.deviations, e)
}

// DeviationLines are the deviations in l's language.
func (r *Report) DeviationLines(l *lang.Localizer) []string {
	if len(r.deviations) != len(r.Deviations) {
		return r.Deviations // a report read back from JSON has only the English
	}
	lines := make([]string, len(r.deviations))
	for i, e := range r.deviations {
		lines[i] = l.Text(e)
	}
	return lines
}

// IntegrityLine is what the journal's check found, in l's language.
func (r *Report) IntegrityLine(l *lang.Localizer) string {
	if r.intact == nil {
		return r.Integrity // a report read back from JSON has only the English
	}
	return l.Text(r.intact)
}
