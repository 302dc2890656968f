package runbook

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
)

// Started is the payload of run.started.
type Started struct {
	RunID         string   `json:"run_id"`
	Playbook      string   `json:"playbook"`
	Title         string   `json:"title"`
	Drill         bool     `json:"drill"`
	Locales       []string `json:"locales"`
	Organisation  string   `json:"organisation"`
	ManualVersion string   `json:"manual_version"`
	Host          string   `json:"host"`
	Speed         float64  `json:"speed,omitempty"`
	// ManualDigest is ManualDigest of the manual files the run used; the
	// run's folder keeps a copy of them (SnapshotDir).
	ManualDigest string `json:"manual_digest,omitempty"`
}

// StepRef names a step in a payload: step.done's.
type StepRef struct {
	Step string `json:"step"`
	// AllClear marks the done of the all-clear step, which also closes
	// the incident. (Journals before it have a run.all-clear event.)
	AllClear bool `json:"all_clear,omitempty"`
	// Unticked are the checklist items (1-based) not ticked when the step
	// was completed: a deviation the report names.
	Unticked []int `json:"unticked,omitempty"`
	// End says the main steps end with this step: an all-clear in a
	// playbook with decisions (format 1.1), where each ends its own path.
	End bool `json:"end,omitempty"`
}

// StepReopen is the payload of step.reopened: a finished step opened again,
// and why. What it recorded (sends, approvals, ticks) stays recorded.
type StepReopen struct {
	Step   string    `json:"step"`
	Reason string    `json:"reason"`
	At     time.Time `json:"-"` // the event's time
}

// Skip is the payload of step.skipped.
type Skip struct {
	Step   string `json:"step"`
	Reason string `json:"reason"`
}

// Note is the payload of note.
type Note struct {
	Step string `json:"step,omitempty"`
	Text string `json:"text"`
}

// Var is the payload of var.set.
type Var struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Message is the payload of message.rendered, .approved and .sent.
type Message struct {
	Step    string `json:"step"`
	Message string `json:"message"`
	Channel string `json:"channel,omitempty"`
	Locale  string `json:"locale,omitempty"`
	File    string `json:"file,omitempty"`
	// Audience lists who a sent message was for (comma-separated), so the
	// update cadence follows what the audiences of the updates last heard.
	Audience string `json:"audience,omitempty"`
	Fits     *bool  `json:"fits,omitempty"`
	// Required says whether a rendered text must be sent (its channel
	// speaks its locale); nil in journals before channels said so, when
	// every text was must-send.
	Required *bool  `json:"required,omitempty"`
	By       string `json:"by,omitempty"`
	// At is when an approval was given, when that was before it was
	// recorded (approve WHO --at 10:42); nil when given as recorded.
	At *time.Time `json:"at,omitempty"`
	// Role is the role an approval was given as, under an approval gate
	// (1.1); PreApproved marks a text sent on its owner's authority, as
	// the manual pre-approved it; Unapproved marks a text marked sent
	// without the approvals its gate requires.
	Role        string `json:"role,omitempty"`
	PreApproved bool   `json:"pre_approved,omitempty"`
	Unapproved  bool   `json:"unapproved,omitempty"`
	// Promise is the next update a sent text promised its audience (the
	// clock it was rendered with); Final marks an all-clear text, after
	// which no update is due. Both are set only on texts to the audiences
	// of the playbook's updates.
	Promise *time.Time `json:"promise,omitempty"`
	Final   bool       `json:"final,omitempty"`
}

// RunStates are the states an incident goes through, in order.
var RunStates = []string{"investigating", "identified", "monitoring", "resolved"}

// StateChange is the payload of run.state; At is the event's time.
type StateChange struct {
	State string    `json:"state"`
	At    time.Time `json:"-"`
}

// UpdateNote is the payload of update.note: what is new, for one update.
type UpdateNote struct {
	Update string `json:"update"` // "updates#N"
	Locale string `json:"locale"` // the texts it is written for
	Text   string `json:"text"`
}

// Inject is the payload of inject.arrived and inject.answered.
type Inject struct {
	Index    int    `json:"index"`
	Event    string `json:"event,omitempty"`
	Response string `json:"response,omitempty"`
	Matched  *bool  `json:"matched,omitempty"` // the trainee's own assessment against the expected answer
}

// Checked is the payload of checklist.ticked.
type Checked struct {
	Step string `json:"step"`
	Item int    `json:"item"` // 1-based
}

// Resumed is the payload of run.resumed. A journal found damaged on resume
// is repaired to its valid prefix; the event records what was found and
// lost, and where the original was kept, so the report can say so after
// the journal itself is whole again.
type Resumed struct {
	Damage string  `json:"damage"` // what was wrong, for people; "" when intact
	Repair *Repair `json:"repair,omitempty"`
}

// Repair is what resuming did to a damaged journal.
type Repair struct {
	Journal string `json:"journal"`
	Line    int    `json:"line"`    // the first line not kept
	Kind    string `json:"kind"`    // journal.DamageKind
	Dropped int    `json:"dropped"` // lines not kept (or missing, for a cut end)
	MovedTo string `json:"moved_to,omitempty"`
}

// Back is the payload of step.back and step.forward; To is EndStep when
// no step is left to handle.
type Back struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// StepState is what happened to one step.
type StepState struct {
	Done     bool
	Skipped  bool
	Reason   string
	At       time.Time // when it was done or skipped
	AllClear bool      // its done gave the all-clear
	Unticked []int     // checklist items not ticked when it was done
	Option   string    // a decision step's option chosen (decision.go)
}

// MessageKey names one message of a step (or of an update, "updates#N"):
// what is approved.
type MessageKey struct{ Step, Message string }

// AnnouncementKey names one announcement: a step's message on a channel in
// a locale, what is rendered and marked sent.
type AnnouncementKey struct{ Step, Message, Channel, Locale string }

// State is a run as its journal says it is.
type State struct {
	Started
	StartedAt  time.Time
	Cursor     int // index of the current step; len(steps) once all are handled (see Bind)
	Steps      map[string]*StepState
	Vars       map[string]string
	Notes      []Note
	Rendered   map[AnnouncementKey]bool
	Approved   map[MessageKey]string    // -> who approved first
	ApprovedAt map[MessageKey]time.Time // -> when the first approval was given
	// Approvals holds every approval of a message, in order: an approval
	// gate (1.1) may need one per role, or two people (gates.go).
	Approvals map[MessageKey][]Approval
	// RenderedAt is when each message was first shown, and Escalated the
	// deputies named, in order, when its gate went unanswered.
	RenderedAt    map[MessageKey]time.Time
	Escalated     map[MessageKey][]Escalated
	StepsReopened []StepReopen // steps opened again after they were handled, in order
	// States is the incident's state history; the run starts investigating.
	States []StateChange
	// UpdateNotes holds what is new for each update ("updates#N"), by
	// locale: a note is written in one language, for that language's texts.
	UpdateNotes map[string]map[string]string
	// Promise is when the next update was promised in a text sent (zero
	// before any, or in journals before promises were recorded);
	// promiseFrom is the batch whose first sent text fixed it, so later
	// sends of the round do not move it. Closed: an all-clear text was
	// sent, and no update follows.
	Promise     time.Time
	promiseFrom string
	Closed      bool
	Sent        map[AnnouncementKey]time.Time
	LastUpdate  time.Time            // when the last message of any kind was marked sent
	LastSentTo  map[string]time.Time // audience -> when it last got a message
	Updates     int
	Paused      bool
	AllClear    time.Time
	Finished    bool
	Abandoned   *Abandoned // set once the run is abandoned
	Reopened    []Reopened // each reopening after an all-clear, in order
	Injects     map[int]*InjectState
	Checked     map[string]map[int]bool         // step -> ticked checklist items (1-based)
	Alerted     map[string]bool                 // what the operator was alerted to (see Alert), so a resume rings once
	Sends       map[AnnouncementKey]*SendRecord // sends through delivery targets (sendstate.go)
	Events      int
	LastEvent   time.Time
	// Decisions are the decisions made, in order; OffPath the steps they
	// left off the run's path; Severity the incident's severity as the
	// last decision to change it set it ("" as the playbook says).
	Decisions []Decision
	OffPath   map[string]bool
	Severity  string
	// PlaybookEscalations are the playbooks the run went on in, in
	// order (the run's Playbook is the last one's To); SentBefore the
	// texts sent before one, message|channel|locale (decision.go).
	PlaybookEscalations []PlaybookEscalation
	SentBefore          map[string]bool

	updateSent map[string]bool
	lastUpdate int          // the highest N of an update rendered, "updates#N"
	cad        cadenceState // on_change and repeated updates (cadence.go)
	// steps are the playbook's step ids in order, once known; moves are
	// the cursor's moves so far, kept so that a state replayed before the
	// playbook was known (a listing) can be bound to it without replaying.
	steps []string
	moves []move
}

// move is one event that moves the cursor: past a step, or back to one.
type move struct {
	step string
	past bool
}

// InjectState is a drill inject's life.
type InjectState struct {
	Arrived  time.Time
	Answered time.Time
	Response string
	Matched  bool
}

// NewState returns the state of a run with no events yet.
func NewState() *State {
	return &State{Steps: map[string]*StepState{}, Vars: map[string]string{}, Rendered: map[AnnouncementKey]bool{},
		Approved: map[MessageKey]string{}, ApprovedAt: map[MessageKey]time.Time{}, Sent: map[AnnouncementKey]time.Time{}, Injects: map[int]*InjectState{},
		LastSentTo: map[string]time.Time{}, Checked: map[string]map[int]bool{}, Alerted: map[string]bool{}, UpdateNotes: map[string]map[string]string{},
		updateSent: map[string]bool{}}
}

// Replay derives a run's state from its events, its cursor placed among
// steps (nil when the playbook does not matter, as in a listing).
func Replay(steps []string, events []journal.Event) (*State, error) {
	s := NewState()
	s.steps = steps
	for _, e := range events {
		if err := s.Apply(e); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Bind places the cursor among the playbook's steps, as Replay with those
// steps would have, and keeps them for the events applied next.
func (s *State) Bind(steps []string) {
	s.steps, s.Cursor = steps, 0
	for _, m := range s.moves {
		s.move(m)
	}
}

// move places the cursor past a step or on it. A step the manual no longer
// has (renamed since the run began) leaves the cursor where it is rather
// than off the list.
func (s *State) move(m move) {
	i := indexOf(s.steps, m.step)
	switch {
	case m.step == EndStep:
		s.Cursor = len(s.steps)
	case i < 0:
	case m.past:
		s.Cursor = i + 1
		for s.Cursor < len(s.steps) && s.OffPath[s.steps[s.Cursor]] {
			s.Cursor++ // left off the path by a decision
		}
	default:
		s.Cursor = i
	}
}

// Apply changes the state by one event. It is the only place the state
// changes, for live actions and replay alike.
func (s *State) Apply(e journal.Event) error {
	s.Events++
	s.LastEvent = e.UTC
	var err error
	switch e.Type {
	case journal.TypeRunStarted:
		err = json.Unmarshal(e.Data, &s.Started)
		s.StartedAt = e.UTC
		s.States = []StateChange{{State: RunStates[0], At: e.UTC}}
	case journal.TypeRunState:
		var c StateChange
		if err = json.Unmarshal(e.Data, &c); err == nil {
			c.At = e.UTC
			s.States = append(s.States, c)
			s.cad.changed(e.UTC)
		}
	case journal.TypeUpdateNote:
		var n UpdateNote
		if err = json.Unmarshal(e.Data, &n); err == nil {
			if s.UpdateNotes[n.Update] == nil {
				s.UpdateNotes[n.Update] = map[string]string{}
			}
			s.UpdateNotes[n.Update][n.Locale] = n.Text
			s.cad.changed(e.UTC)
		}
	case journal.TypeVarSet:
		var v Var
		if err = json.Unmarshal(e.Data, &v); err == nil {
			s.Vars[v.Name] = v.Value
		}
	case journal.TypeStepDone, journal.TypeStepSkipped:
		err = s.applyStep(e)
	case journal.TypeStepBack, journal.TypeStepForward:
		var b Back
		if err = json.Unmarshal(e.Data, &b); err == nil {
			s.moveTo(move{step: b.To})
		}
	case journal.TypeStepReopened:
		var r StepReopen
		if err = json.Unmarshal(e.Data, &r); err == nil {
			r.At = e.UTC
			s.StepsReopened = append(s.StepsReopened, r)
			if st := s.Steps[r.Step]; st != nil && st.AllClear {
				s.AllClear = time.Time{}
			}
			delete(s.Steps, r.Step)
			s.forgetDecision(r.Step)
			s.moveTo(move{step: r.Step})
		}
	case journal.TypeNote:
		var n Note
		if err = json.Unmarshal(e.Data, &n); err == nil {
			s.Notes = append(s.Notes, n)
		}
	case journal.TypeMessageRendered, journal.TypeMessageApproved, journal.TypeMessageSent:
		err = s.applyMessage(e)
	case journal.TypeEscalated:
		err = s.applyEscalated(e)
	case journal.TypeRunPaused:
		s.Paused = true
	case journal.TypeRunResumed:
		s.Paused = false
	case journal.TypeRunAllClear:
		s.AllClear = e.UTC
	case journal.TypeRunFinished:
		s.Finished = true
	case journal.TypeRunAbandoned, journal.TypeRunReopened, journal.TypeManualChanged:
		err = s.applyLifecycle(e)
		if err == nil && e.Type == journal.TypeRunReopened {
			// The incident is back: it is investigated again, and its
			// updates start over with the next text sent.
			s.States = append(s.States, StateChange{State: RunStates[0], At: e.UTC})
			s.Closed, s.Promise, s.promiseFrom = false, time.Time{}, ""
		}
	case journal.TypeChecked:
		var c Checked
		if err = json.Unmarshal(e.Data, &c); err == nil {
			if s.Checked[c.Step] == nil {
				s.Checked[c.Step] = map[int]bool{}
			}
			s.Checked[c.Step][c.Item] = true
		}
	case journal.TypeInjectArrived, journal.TypeInjectAnswered:
		err = s.applyInject(e)
	case journal.TypeDecisionMade:
		err = s.applyDecision(e)
	case journal.TypeAlerted:
		var a Alert
		if err = json.Unmarshal(e.Data, &a); err == nil {
			s.Alerted[a.Key] = true
		}
	case journal.TypeSendIntent, journal.TypeSendBatchIntent, journal.TypeSendBatch, journal.TypeSendOutcome:
		err = s.applySend(e)
	}
	if err != nil {
		return fmt.Errorf("event %d (%s): %w", e.Seq, e.Type, err)
	}
	return nil
}

func (s *State) moveTo(m move) {
	s.moves = append(s.moves, m)
	s.move(m)
}

func (s *State) applyStep(e journal.Event) error {
	var sk struct {
		Skip
		AllClear bool  `json:"all_clear"`
		Unticked []int `json:"unticked"`
		End      bool  `json:"end"`
	}
	if err := json.Unmarshal(e.Data, &sk); err != nil {
		return err
	}
	st := &StepState{At: e.UTC}
	if e.Type == journal.TypeStepDone {
		st.Done, st.AllClear, st.Unticked = true, sk.AllClear, sk.Unticked
		if sk.AllClear {
			s.AllClear, s.Closed = e.UTC, true
			if s.RunState() != "resolved" {
				s.States = append(s.States, StateChange{State: "resolved", At: e.UTC})
			}
		}
	} else {
		st.Skipped, st.Reason = true, sk.Reason
	}
	s.Steps[sk.Step] = st
	if sk.End {
		s.moveTo(move{step: EndStep})
		return nil
	}
	s.moveTo(move{step: sk.Step, past: true})
	return nil
}

func (s *State) applyMessage(e journal.Event) error {
	var m Message
	if err := json.Unmarshal(e.Data, &m); err != nil {
		return err
	}
	switch e.Type {
	case journal.TypeMessageRendered:
		s.Rendered[m.key()] = true
		s.rendered(MessageKey{m.Step, m.Message}, e.UTC)
		if n, ok := strings.CutPrefix(m.Step, UpdatesStep+"#"); ok {
			if n, err := strconv.Atoi(n); err == nil && n > s.lastUpdate {
				s.lastUpdate = n
			}
		}
	case journal.TypeMessageApproved:
		k := MessageKey{m.Step, m.Message}
		s.addApproval(k, m, e.UTC)
		if _, ok := s.Approved[k]; ok {
			break // journals before duplicates were refused: the first approval holds
		}
		s.Approved[k], s.ApprovedAt[k] = m.By, e.UTC
		if m.At != nil {
			s.ApprovedAt[k] = *m.At
		}
	case journal.TypeMessageSent:
		s.Sent[m.key()] = e.UTC
		s.LastUpdate = e.UTC
		for _, aud := range strings.Split(m.Audience, ",") {
			if aud = strings.TrimSpace(aud); aud != "" {
				s.LastSentTo[aud] = e.UTC
			}
		}
		switch {
		case m.Final:
			s.Closed, s.Promise = true, time.Time{}
		case m.Promise != nil && !s.Closed && m.Step != s.promiseFrom &&
			(s.Promise.IsZero() || strings.HasPrefix(m.Step, UpdatesStep+"#") || !e.UTC.Before(s.Promise)):
			// The first text sent of a round fixes the promise: a later
			// send never moves what was published, until an update (or a
			// text sent once the promise has passed) starts a new round.
			s.Promise, s.promiseFrom = *m.Promise, m.Step
		}
		s.cad.sent(s, m, e.UTC)
		if strings.HasPrefix(m.Step, UpdatesStep+"#") && !s.updateSent[m.Step] {
			s.updateSent[m.Step] = true
			s.Updates++
		}
	}
	return nil
}

func (s *State) applyInject(e journal.Event) error {
	var in Inject
	if err := json.Unmarshal(e.Data, &in); err != nil {
		return err
	}
	st := s.Injects[in.Index]
	if st == nil {
		st = &InjectState{}
		s.Injects[in.Index] = st
	}
	if e.Type == journal.TypeInjectArrived {
		st.Arrived = e.UTC
	} else {
		st.Answered, st.Response = e.UTC, in.Response
		st.Matched = in.Matched == nil || *in.Matched // journals before the question count as matched
	}
	return nil
}

// RunState is where the incident stands now.
func (s *State) RunState() string {
	if len(s.States) == 0 {
		return RunStates[0]
	}
	return s.States[len(s.States)-1].State
}

// EndStep is where the cursor is once every step is handled, as a step.forward names it.
const EndStep = "end"

// Handled reports whether a step was done or skipped (and not reopened since).
func (s *State) Handled(step string) bool { return s.Steps[step] != nil }

// UpdatesStep prefixes the pseudo-steps under which cadence updates are
// journaled: "updates#1", "updates#2" ...
const UpdatesStep = "updates"

func (m Message) key() AnnouncementKey {
	return AnnouncementKey{m.Step, m.Message, m.Channel, m.Locale}
}

// IsSent reports whether one announcement was marked sent.
func (s *State) IsSent(step, message, channel, locale string) bool {
	_, ok := s.Sent[AnnouncementKey{step, message, channel, locale}]
	return ok
}

// SentAt is when one announcement was marked sent.
func (s *State) SentAt(step, message, channel, locale string) (time.Time, bool) {
	t, ok := s.Sent[AnnouncementKey{step, message, channel, locale}]
	return t, ok
}

// ApprovedBy is who approved a step's message; "" when nobody did.
func (s *State) ApprovedBy(step, message string) string {
	return s.Approved[MessageKey{step, message}]
}

// SentOn reports whether a step's message was marked sent on a channel, in
// any locale.
func (s *State) SentOn(step, message, channel string) bool {
	for k := range s.Sent {
		if k.Step == step && k.Message == message && k.Channel == channel {
			return true
		}
	}
	return false
}

// OpenUpdate is the number of the last update rendered if some of its
// announcements in locale are not marked sent yet: the one to finish
// before a new one. ok is false when there is none.
func (s *State) OpenUpdate(locale string) (int, bool) {
	if s.lastUpdate == 0 {
		return 0, false
	}
	step := UpdatesStep + "#" + strconv.Itoa(s.lastUpdate)
	for k := range s.Rendered {
		if k.Step == step && k.Locale == locale && !s.IsSent(k.Step, k.Message, k.Channel, k.Locale) {
			return s.lastUpdate, true
		}
	}
	return 0, false
}

// PrimaryLocale is the locale a run shows on screen: its first, else the
// manual's default.
func (s *State) PrimaryLocale(def string) string {
	if len(s.Locales) > 0 {
		return s.Locales[0]
	}
	return def
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
