// Package report builds the post-incident report of a run from its journal:
// the timeline, the deadlines met and missed, what was sent where and when,
// the deviations from the manual, and the notes. One model, written as
// Markdown, self-contained HTML or JSON.
package report

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Report is everything a post-incident review needs from one run.
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
	Timeline     []Entry      `json:"timeline"`
	Deadlines    []Deadline   `json:"deadlines"`
	Sent         []Sent       `json:"sent"`
	Deviations   []string     `json:"deviations"`
	Notes        []Note       `json:"notes"`
	Integrity    string       `json:"integrity"`
	LastHash     string       `json:"last_hash"`
	Score        *drill.Score `json:"score,omitempty"`

	loc *time.Location
}

// Entry is one line of the timeline.
type Entry struct {
	At     time.Time `json:"at"`
	Offset string    `json:"offset"` // T+...
	Type   string    `json:"type"`
	Text   string    `json:"text"`
}

// Deadline is a step against its deadline.
type Deadline struct {
	Step   string     `json:"step"`
	Title  string     `json:"title"`
	Due    time.Time  `json:"due"`
	At     *time.Time `json:"at,omitempty"`
	Status string     `json:"status"` // met, missed, skipped, open
	Late   string     `json:"late,omitempty"`
}

// Sent is one announcement marked sent.
type Sent struct {
	At      time.Time `json:"at"`
	Step    string    `json:"step"`
	Message string    `json:"message"`
	Channel string    `json:"channel"`
	Locale  string    `json:"locale"`
	By      string    `json:"approved_by,omitempty"`
}

// Note is an operator's note.
type Note struct {
	At   time.Time `json:"at"`
	Step string    `json:"step,omitempty"`
	Text string    `json:"text"`
}

// Build makes the report of the run whose events are given. p may be nil
// when the manual no longer has the playbook; deadlines are then unknown.
func Build(m *manual.Manual, p *manual.Playbook, events []journal.Event, dmg journal.Damage) (*Report, error) {
	st, err := runbook.Replay(stepIDs(p), events)
	if err != nil {
		return nil, err
	}
	r := &Report{RunID: st.RunID, Playbook: st.Playbook, Title: st.Title, Organisation: st.Organisation,
		Drill: st.Drill, Speed: st.Speed, Started: st.StartedAt, loc: m.Location, TimeZone: m.TimeZone,
		Timeline: []Entry{}, Deadlines: []Deadline{}, Sent: []Sent{}, Deviations: []string{}, Notes: []Note{}}
	r.Status = status(st)
	end := st.LastEvent
	if !st.AllClear.IsZero() {
		ac := st.AllClear
		r.AllClear, end = &ac, ac
	}
	r.Duration = manual.FormatDuration(end.Sub(st.StartedAt).Round(time.Minute))
	r.timeline(events)
	for i := range r.Sent {
		if pe := m.Person(r.Sent[i].By); pe != nil {
			r.Sent[i].By = pe.Name
		}
	}
	if p != nil {
		r.deadlines(p, st)
		r.updates(p, st)
	}
	r.unsent(st, events)
	r.integrity(events, dmg)
	return r, nil
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

func status(st *runbook.State) string {
	switch {
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

func (r *Report) timeline(events []journal.Event) {
	approvals := map[string]string{}
	unapproved := map[string][]string{} // step/message -> where it was sent
	var order []string
	for _, e := range events {
		text := describe(e, approvals)
		r.Timeline = append(r.Timeline, Entry{At: e.UTC, Offset: r.offset(e.UTC), Type: e.Type, Text: text})
		switch e.Type {
		case journal.TypeMessageSent:
			var m runbook.Message
			_ = json.Unmarshal(e.Data, &m)
			by := approvals[m.Step+"/"+m.Message]
			r.Sent = append(r.Sent, Sent{At: e.UTC, Step: m.Step, Message: m.Message, Channel: m.Channel, Locale: m.Locale, By: by})
			if by == "" {
				k := m.Step + "/" + m.Message
				if _, seen := unapproved[k]; !seen {
					order = append(order, k)
				}
				unapproved[k] = append(unapproved[k], m.Channel+" ("+m.Locale+")")
			}
		case journal.TypeNote:
			var n runbook.Note
			_ = json.Unmarshal(e.Data, &n)
			r.Notes = append(r.Notes, Note{At: e.UTC, Step: n.Step, Text: n.Text})
		}
	}
	for _, k := range order {
		step, msg, _ := strings.Cut(k, "/")
		r.Deviations = append(r.Deviations, fmt.Sprintf("%s (step %s) sent without a recorded approval on %s",
			msg, step, strings.Join(unapproved[k], ", ")))
	}
}

// describe says in words what an event was.
func describe(e journal.Event, approvals map[string]string) string {
	var d map[string]any
	_ = json.Unmarshal(e.Data, &d)
	str := func(k string) string { s, _ := d[k].(string); return s }
	switch e.Type {
	case journal.TypeRunStarted:
		return "run started: " + str("title")
	case journal.TypeVarSet:
		return fmt.Sprintf("variable %s = %q", str("name"), str("value"))
	case journal.TypeStepDone:
		return "step done: " + str("step")
	case journal.TypeStepSkipped:
		return fmt.Sprintf("step skipped: %s (%s)", str("step"), str("reason"))
	case journal.TypeChecked:
		return fmt.Sprintf("checked item %v of %s", d["item"], str("step"))
	case journal.TypeStepBack:
		return fmt.Sprintf("back from %s to %s", str("from"), str("to"))
	case journal.TypeNote:
		return "note: " + str("text")
	case journal.TypeMessageRendered:
		return fmt.Sprintf("rendered %s for %s (%s)", str("message"), str("channel"), str("locale"))
	case journal.TypeMessageApproved:
		approvals[str("step")+"/"+str("message")] = str("by")
		return fmt.Sprintf("%s approved by %s", str("message"), str("by"))
	case journal.TypeMessageSent:
		return fmt.Sprintf("sent %s on %s (%s)", str("message"), str("channel"), str("locale"))
	case journal.TypeInjectArrived:
		return "inject: " + str("event")
	case journal.TypeInjectAnswered:
		return "response: " + str("response")
	}
	return strings.ReplaceAll(e.Type, ".", " ")
}

func (r *Report) deadlines(p *manual.Playbook, st *runbook.State) {
	for _, s := range p.Steps {
		d := Deadline{Step: s.ID, Title: s.Title, Due: st.StartedAt.Add(s.Deadline), Status: "open"}
		if ss := st.Steps[s.ID]; ss != nil {
			at := ss.At
			d.At = &at
			switch {
			case ss.Skipped:
				d.Status = "skipped"
				r.Deviations = append(r.Deviations, fmt.Sprintf("step %q skipped: %s", s.ID, ss.Reason))
			case at.After(d.Due):
				d.Status, d.Late = "missed", manual.FormatDuration(at.Sub(d.Due).Round(time.Minute))
				r.Deviations = append(r.Deviations, fmt.Sprintf("step %q done %s late", s.ID, d.Late))
			default:
				d.Status = "met"
			}
		} else if st.Finished {
			r.Deviations = append(r.Deviations, fmt.Sprintf("step %q never done", s.ID))
		}
		r.Deadlines = append(r.Deadlines, d)
	}
}

// updates finds gaps between announcements longer than the cadence while
// the incident was open: late or missing updates.
func (r *Report) updates(p *manual.Playbook, st *runbook.State) {
	if p.Updates == nil || len(r.Sent) == 0 {
		return
	}
	var times []time.Time
	for _, s := range r.Sent {
		times = append(times, s.At)
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	end := st.AllClear
	if end.IsZero() {
		end = st.LastEvent
	}
	every := p.Updates.Every
	prev := times[0]
	for _, t := range append(times[1:], end) {
		if gap := t.Sub(prev); gap > every {
			r.Deviations = append(r.Deviations, fmt.Sprintf("no update between %s and %s (%s, cadence %s)",
				r.Local(prev), r.Local(t), manual.FormatDuration(gap.Round(time.Minute)), manual.FormatDuration(every)))
		}
		prev = t
	}
}

func (r *Report) integrity(events []journal.Event, dmg journal.Damage) {
	r.Integrity = fmt.Sprintf("journal intact: %d events, hash chain verified", len(events))
	if !dmg.Intact() {
		r.Integrity = "journal damaged: " + dmg.String() + "; the report covers the valid prefix"
	}
	if len(events) > 0 {
		r.LastHash = events[len(events)-1].Hash
	}
}

// unsent reports announcements rendered for a step that was then completed
// without them being marked sent: an audience may never have heard.
func (r *Report) unsent(st *runbook.State, events []journal.Event) {
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
		if st.IsSent(m.Step, m.Message, m.Channel, m.Locale) {
			continue
		}
		if _, ok := missing[m.Step]; !ok {
			order = append(order, m.Step)
		}
		missing[m.Step] = append(missing[m.Step], m.Channel+" ("+m.Locale+")")
	}
	for _, step := range order {
		r.Deviations = append(r.Deviations, fmt.Sprintf("step %q done without marking sent: %s", step, strings.Join(missing[step], ", ")))
	}
}
