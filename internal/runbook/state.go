package runbook

import (
	"encoding/json"
	"fmt"
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
}

// StepRef names a step in a payload.
type StepRef struct {
	Step string `json:"step"`
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
	By       string `json:"by,omitempty"`
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

// Back is the payload of step.back.
type Back struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// StepState is what happened to one step.
type StepState struct {
	Done    bool
	Skipped bool
	Reason  string
	At      time.Time // when it was done or skipped
}

// State is a run as its journal says it is.
type State struct {
	Started
	StartedAt  time.Time
	Cursor     int // index of the current step; len(steps) once all are handled
	Steps      map[string]*StepState
	Vars       map[string]string
	Notes      []Note
	Rendered   map[string]bool      // step/message/channel/locale
	Approved   map[string]string    // step/message -> by
	Sent       map[string]time.Time // step/message/channel/locale
	LastUpdate time.Time            // when the last message of any kind was marked sent
	LastSentTo map[string]time.Time // audience -> when it last got a message
	Updates    int
	Paused     bool
	AllClear   time.Time
	Finished   bool
	Injects    map[int]*InjectState
	Checked    map[string]map[int]bool // step -> ticked checklist items (1-based)
	Events     int
	LastEvent  time.Time

	updateSent map[string]bool
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
	return &State{Steps: map[string]*StepState{}, Vars: map[string]string{}, Rendered: map[string]bool{},
		Approved: map[string]string{}, Sent: map[string]time.Time{}, Injects: map[int]*InjectState{},
		LastSentTo: map[string]time.Time{}, Checked: map[string]map[int]bool{},
		updateSent: map[string]bool{}}
}

// Replay derives a run's state from its events.
func Replay(steps []string, events []journal.Event) (*State, error) {
	s := NewState()
	for _, e := range events {
		if err := s.Apply(steps, e); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Apply changes the state by one event. It is the only place the state
// changes, for live actions and replay alike.
func (s *State) Apply(steps []string, e journal.Event) error {
	s.Events++
	s.LastEvent = e.UTC
	var err error
	switch e.Type {
	case journal.TypeRunStarted:
		err = json.Unmarshal(e.Data, &s.Started)
		s.StartedAt = e.UTC
	case journal.TypeVarSet:
		var v Var
		if err = json.Unmarshal(e.Data, &v); err == nil {
			s.Vars[v.Name] = v.Value
		}
	case journal.TypeStepDone, journal.TypeStepSkipped:
		err = s.applyStep(steps, e)
	case journal.TypeStepBack:
		var b Back
		// A step the manual no longer has (renamed since the run began)
		// leaves the cursor where it is rather than off the list.
		if err = json.Unmarshal(e.Data, &b); err == nil && indexOf(steps, b.To) >= 0 {
			s.Cursor = indexOf(steps, b.To)
		}
	case journal.TypeNote:
		var n Note
		if err = json.Unmarshal(e.Data, &n); err == nil {
			s.Notes = append(s.Notes, n)
		}
	case journal.TypeMessageRendered, journal.TypeMessageApproved, journal.TypeMessageSent:
		err = s.applyMessage(e)
	case journal.TypeRunPaused:
		s.Paused = true
	case journal.TypeRunResumed:
		s.Paused = false
	case journal.TypeRunAllClear:
		s.AllClear = e.UTC
	case journal.TypeRunFinished:
		s.Finished = true
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
	}
	if err != nil {
		return fmt.Errorf("event %d (%s): %w", e.Seq, e.Type, err)
	}
	return nil
}

func (s *State) applyStep(steps []string, e journal.Event) error {
	var sk Skip
	if err := json.Unmarshal(e.Data, &sk); err != nil {
		return err
	}
	st := &StepState{At: e.UTC}
	if e.Type == journal.TypeStepDone {
		st.Done = true
	} else {
		st.Skipped, st.Reason = true, sk.Reason
	}
	s.Steps[sk.Step] = st
	if i := indexOf(steps, sk.Step); i >= 0 {
		s.Cursor = i + 1
	}
	return nil
}

func (s *State) applyMessage(e journal.Event) error {
	var m Message
	if err := json.Unmarshal(e.Data, &m); err != nil {
		return err
	}
	switch e.Type {
	case journal.TypeMessageRendered:
		s.Rendered[key(m.Step, m.Message, m.Channel, m.Locale)] = true
	case journal.TypeMessageApproved:
		s.Approved[key(m.Step, m.Message)] = m.By
	case journal.TypeMessageSent:
		s.Sent[key(m.Step, m.Message, m.Channel, m.Locale)] = e.UTC
		s.LastUpdate = e.UTC
		for _, aud := range strings.Split(m.Audience, ",") {
			if aud = strings.TrimSpace(aud); aud != "" {
				s.LastSentTo[aud] = e.UTC
			}
		}
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

// UpdatesStep prefixes the pseudo-steps under which cadence updates are
// journaled: "updates#1", "updates#2" ...
const UpdatesStep = "updates"

func key(parts ...string) string { return strings.Join(parts, "/") }

// IsSent reports whether one announcement was marked sent.
func (s *State) IsSent(step, message, channel, locale string) bool {
	_, ok := s.Sent[key(step, message, channel, locale)]
	return ok
}

// SentAt is when one announcement was marked sent.
func (s *State) SentAt(step, message, channel, locale string) (time.Time, bool) {
	t, ok := s.Sent[key(step, message, channel, locale)]
	return t, ok
}

// SentOn reports whether a step's message was marked sent on a channel, in
// any locale.
func (s *State) SentOn(step, message, channel string) bool {
	prefix := key(step, message, channel) + "/"
	for k := range s.Sent {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
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
