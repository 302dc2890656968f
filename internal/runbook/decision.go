package runbook

import (
	"encoding/json"
	"errors"
	"fmt"
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

// A decision step (format 1.1) is completed by choosing one of its options
// (`choose N` or `choose ID`): one decision.made event records the choice,
// who made it, where the run goes on, the steps the choice leaves off the
// path and the severity it sets, so replaying the journal (resume, report)
// needs nothing but the journal to know the path taken. The steps left off
// are passed over as not on this path, never as skipped by hand.

// Decision is the payload of decision.made.
type Decision struct {
	Step   string `json:"step"`
	Option string `json:"option"`
	Title  string `json:"title"` // the option's title in the manual's default locale, as decided
	By     string `json:"by"`    // the person who decided (a person id of the manual)
	// Next is the step the run goes on with; EndStep when the choice ends
	// the main steps (an escalation, or no step after).
	Next string `json:"next"`
	// Off lists the steps that the choice leaves off the path: reachable
	// through the other options only.
	Off []string `json:"off,omitempty"`
	// Severity is the incident's severity from now on, Was the one before;
	// both empty when the option does not change it.
	Severity string `json:"severity,omitempty"`
	Was      string `json:"was,omitempty"`
	// Escalate is the playbook the incident escalates to, Digest the
	// digest of the manual files a run of it uses (see escalate).
	Escalate string    `json:"escalate,omitempty"`
	Digest   string    `json:"digest,omitempty"`
	Unticked []int     `json:"unticked,omitempty"`
	At       time.Time `json:"-"`
}

// applyDecision completes the decision step and moves the cursor where the
// option leads; the steps it leaves off the path are passed over from now on.
func (s *State) applyDecision(e journal.Event) error {
	var d Decision
	if err := json.Unmarshal(e.Data, &d); err != nil {
		return err
	}
	d.At = e.UTC
	s.Decisions = append(s.Decisions, d)
	s.Steps[d.Step] = &StepState{Done: true, At: e.UTC, Unticked: d.Unticked, Option: d.Option}
	if s.OffPath == nil {
		s.OffPath = map[string]bool{}
	}
	for _, id := range d.Off {
		s.OffPath[id] = true
	}
	if d.Severity != "" {
		s.Severity = d.Severity
	}
	if d.Escalate != "" {
		s.escalate(d)
		return nil
	}
	next := d.Next
	if next == "" {
		next = EndStep
	}
	s.moveTo(move{step: next})
	return nil
}

// Decided is the decision made at a step, nil when none is (or the step
// was reopened since).
func (s *State) Decided(step string) *Decision {
	if st := s.Steps[step]; st == nil || st.Option == "" {
		return nil
	}
	for i := len(s.Decisions) - 1; i >= 0; i-- {
		if s.Decisions[i].Step == step {
			return &s.Decisions[i]
		}
	}
	return nil
}

// Choose completes the current decision step with one of its options, by
// number (1-based) or id, decided by the person by (a person id).
func (s *Session) Choose(which, by string) (*Decision, error) {
	st, err := s.open()
	if err != nil {
		return nil, err
	}
	if st.Kind != manual.StepDecision {
		return nil, lang.Errorf("decision.not-decision", map[string]any{"Step": fmt.Sprintf("%q", st.ID)})
	}
	opt := pickOption(st, which)
	if opt == nil {
		return nil, lang.Errorf("decision.which", map[string]any{"Max": len(st.Options), "Got": fmt.Sprintf("%q", which), "Options": optionIDs(st)})
	}
	i := s.Playbook.StepIndex(st.ID)
	d := Decision{Step: st.ID, Option: opt.ID, Title: opt.Title, By: by, Next: s.Playbook.After(i, opt),
		Off: offPath(s.Playbook, st, opt, s.State), Escalate: opt.Escalate.ID, Unticked: s.Unticked()}
	if d.Next == "" {
		d.Next = EndStep
	}
	if now := s.Severity(); opt.Severity != "" && opt.Severity != now {
		d.Severity, d.Was = opt.Severity, now
	}
	if d.Escalate != "" {
		return s.escalateTo(d)
	}
	if err := s.append(journal.TypeDecisionMade, d); err != nil {
		return nil, err
	}
	return &s.State.Decisions[len(s.State.Decisions)-1], nil
}

// Severity is the incident's severity now: the playbook's, until a
// decision changes it.
func (s *Session) Severity() string {
	if s.State.Severity != "" {
		return s.State.Severity
	}
	return s.Playbook.Severity
}

// pickOption finds an option by its number on screen or its id.
func pickOption(st *manual.Step, which string) *manual.Option {
	which = strings.TrimSpace(which)
	if n, err := strconv.Atoi(which); err == nil {
		if n >= 1 && n <= len(st.Options) {
			return &st.Options[n-1]
		}
		return nil
	}
	return st.Option(strings.ToLower(which))
}

func optionIDs(st *manual.Step) string {
	var ids []string
	for i, o := range st.Options {
		ids = append(ids, strconv.Itoa(i+1)+" "+o.ID)
	}
	return strings.Join(ids, ", ")
}

// offPath lists the steps a choice leaves off the path: those the other
// options of the step lead to and the chosen one does not, not yet handled.
func offPath(p *manual.Playbook, st *manual.Step, chosen *manual.Option, state *State) []string {
	i := p.StepIndex(st.ID)
	on := Reach(p, p.After(i, chosen), state)
	other := map[string]bool{}
	for k := range st.Options {
		o := &st.Options[k]
		if o.ID == chosen.ID {
			continue
		}
		for id := range Reach(p, p.After(i, o), state) {
			other[id] = true
		}
	}
	var off []string
	for _, s := range p.Steps {
		if other[s.ID] && !on[s.ID] && s.ID != st.ID && !state.Handled(s.ID) {
			off = append(off, s.ID)
		}
	}
	return off
}

// Reach is the set of main steps a path can go through from step from
// (included): through the option chosen at a decision already made, or
// through every option of one still open (state nil: every decision open).
// An all-clear ends a path in a playbook with decisions.
func Reach(p *manual.Playbook, from string, state *State) map[string]bool {
	seen := map[string]bool{}
	todo := []string{from}
	for len(todo) > 0 {
		id := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		i := p.StepIndex(id)
		if id == "" || i < 0 || seen[id] {
			continue
		}
		seen[id] = true
		st := &p.Steps[i]
		if st.Kind != manual.StepDecision {
			todo = append(todo, p.After(i, nil))
			continue
		}
		if state != nil {
			if d := state.Decided(st.ID); d != nil {
				if o := st.Option(d.Option); o != nil {
					todo = append(todo, p.After(i, o))
					continue
				}
			}
		}
		for k := range st.Options {
			todo = append(todo, p.After(i, &st.Options[k]))
		}
		if len(st.Options) == 0 {
			todo = append(todo, p.After(i, nil))
		}
	}
	return seen
}

// OnPath reports whether a main step is still on the run's path: not left
// off by a decision made.
func (s *State) OnPath(step string) bool { return !s.OffPath[step] }

// decisionLine is how a decision reads in the run's messages: the option's
// number, id and title.
func decisionLine(st *manual.Step, d *Decision) string {
	n := slices.IndexFunc(st.Options, func(o manual.Option) bool { return o.ID == d.Option }) + 1
	title := d.Title
	if o := st.Option(d.Option); o != nil {
		title = o.Title // in the language on screen
	}
	return fmt.Sprintf("%d. %s (%s)", n, title, d.Option)
}

// choose carries out `choose N|ID [WHO]`: the decision of the step on
// screen, by WHO (default: the holder of the step's owner role).
func (f *Flow) choose(arg string) error {
	st := f.S.Current()
	if st == nil {
		return lang.Errorf("run.all-handled", nil)
	}
	which, who, _ := strings.Cut(arg, " ")
	if which == "" {
		if st.Kind != manual.StepDecision {
			return lang.Errorf("decision.not-decision", map[string]any{"Step": fmt.Sprintf("%q", st.ID)})
		}
		return lang.Errorf("decision.which", map[string]any{"Max": len(st.Options), "Got": `""`, "Options": optionIDs(st)})
	}
	by := f.S.ownerHolder(st)
	if who = strings.TrimSpace(who); who != "" {
		p, err := f.person(who)
		if err != nil {
			return err
		}
		by = p.ID
	}
	before := f.S.State.Cursor
	d, err := f.S.Choose(which, by)
	if err != nil {
		return orFatal(err)
	}
	if d.Escalate != "" {
		f.info("decision.made", map[string]any{"Name": f.name(d.By), "Option": decisionLine(st, d)})
		f.warn("decision.escalated", map[string]any{"Playbook": d.Escalate, "Title": f.S.Playbook.Title, "Sent": len(f.S.State.SentBefore)})
		f.View.Card(f.S)
		if f.S.State.Cursor == before {
			return f.showStep() // the first step again, of the other playbook
		}
		return nil
	}
	f.info("decision.made", map[string]any{"Name": f.name(d.By), "Option": decisionLine(st, d)})
	if d.Severity != "" {
		f.warn("decision.severity", map[string]any{"Was": d.Was, "Now": d.Severity})
	}
	if len(d.Off) > 0 {
		f.info("decision.off", map[string]any{"Steps": strings.Join(d.Off, ", ")})
	}
	return nil
}

// ownerHolder is the person who holds a step's owner role, else the
// role's id.
func (s *Session) ownerHolder(st *manual.Step) string {
	if r := s.Manual.Role(st.Owner.ID); r != nil && r.Person.ID != "" {
		return r.Person.ID
	}
	return st.Owner.ID
}

// PlaybookEscalation is a run going on in another playbook after a
// decision: the journal, the texts sent and the clock carry over. (An
// approval gate's Escalation, gates.go, names the next deputy instead.)
type PlaybookEscalation struct {
	From, To string
	Step     string // the decision step, in From
	Option   string
	At       time.Time
}

// escalate moves the state into the playbook escalated to: the run is of
// that playbook from now on (Playbook), its steps start from the first, and
// what was sent before is kept aside so it is not offered again. Deadlines
// still count from the start of the incident, and the update cadence goes
// on as promised.
func (s *State) escalate(d Decision) {
	s.PlaybookEscalations = append(s.PlaybookEscalations, PlaybookEscalation{From: s.Playbook, To: d.Escalate, Step: d.Step, Option: d.Option, At: d.At})
	s.Playbook = d.Escalate
	if d.Digest != "" {
		s.ManualDigest = d.Digest
	}
	if s.SentBefore == nil {
		s.SentBefore = map[string]bool{}
	}
	for k := range s.Sent {
		s.SentBefore[sentKey(k.Message, k.Channel, k.Locale)] = true
	}
	// Step ids are the playbook's own: the same id in the playbook
	// escalated to is another step.
	s.Steps, s.Checked, s.OffPath = map[string]*StepState{}, map[string]map[int]bool{}, map[string]bool{}
	s.Rendered, s.Sent = map[AnnouncementKey]bool{}, map[AnnouncementKey]time.Time{}
	s.Approved, s.ApprovedAt = map[MessageKey]string{}, map[MessageKey]time.Time{}
	s.Injects = map[int]*InjectState{}
	s.steps, s.moves, s.Cursor = nil, nil, 0
}

func sentKey(message, channel, locale string) string { return message + "|" + channel + "|" + locale }

// SentBeforeEscalation reports whether a text (a message on a channel in a
// locale) went out in a playbook the run escalated from.
func (s *State) SentBeforeEscalation(message, channel, locale string) bool {
	return s.SentBefore[sentKey(message, channel, locale)]
}

// escalateTo journals a decision that escalates the run, and goes on in
// the playbook escalated to: its lock is taken (a live run of it refuses
// the escalation, before anything is journaled), its files join the run's
// copy of the manual, and the run's playbook becomes it.
func (s *Session) escalateTo(d Decision) (*Decision, error) {
	to := s.Manual.Playbook(d.Escalate)
	if to == nil {
		return nil, lang.Errorf("decision.no-playbook", map[string]any{"Playbook": fmt.Sprintf("%q", d.Escalate)})
	}
	// The run's own lock is one file whichever playbook it is in: it is
	// let go and taken again with the other playbook's; refused, the run
	// takes its own playbook's back and stays where it is.
	runs := filepath.Dir(s.Dir)
	if s.lock != nil {
		if err := s.lock.Release(); err != nil {
			return nil, err
		}
	}
	lock, err := journal.Lock(runs, to.ID, s.State.RunID, s.State.Drill, s.Now)
	if err == nil {
		err = addToSnapshot(s.Dir, s.Manual, to)
		if err != nil {
			lock.Release()
		}
	}
	if err != nil {
		back, berr := journal.Lock(runs, s.Playbook.ID, s.State.RunID, s.State.Drill, s.Now)
		if berr != nil {
			return nil, fatal(errors.Join(err, berr)) // the run may not go on unlocked
		}
		s.lock = back
		return nil, err
	}
	s.lock = lock
	d.Digest = ManualDigest(s.Manual, to)
	if err := s.append(journal.TypeDecisionMade, d); err != nil {
		return nil, err
	}
	if s.Localize != nil {
		to = s.Localize(to)
	}
	s.Playbook, s.steps = to, to.StepIDs()
	s.State.Bind(s.steps)
	return &s.State.Decisions[len(s.State.Decisions)-1], nil
}

// addToSnapshot adds the files a run of p uses to the run's copy of the
// manual, keeping those already there: a crash before the escalation is
// journaled leaves a copy that serves the run either way.
func addToSnapshot(runDir string, m *manual.Manual, p *manual.Playbook) error {
	return copyToSnapshot(runDir, m, manualFiles(m, p))
}

// notSentBefore drops from a step's texts those that went out in a
// playbook the run escalated from: the public has them already.
func (s *Session) notSentBefore(anns []render.Announcement) []render.Announcement {
	if len(s.State.SentBefore) == 0 {
		return anns
	}
	out := anns[:0:0]
	for _, a := range anns {
		if !s.State.SentBeforeEscalation(a.Message, a.Channel, a.Locale) {
			out = append(out, a)
		}
	}
	return out
}

// forgetDecision puts back on the path the steps a decision at step left
// off, once the step is reopened to decide again; the decision stays in
// Decisions, as the journal keeps it.
func (s *State) forgetDecision(step string) {
	if len(s.OffPath) == 0 {
		return
	}
	s.OffPath = map[string]bool{}
	for _, d := range s.Decisions {
		if d.Escalate != "" {
			clear(s.OffPath) // decisions before an escalation were of another playbook
			continue
		}
		if st := s.Steps[d.Step]; st != nil && st.Option == d.Option {
			for _, id := range d.Off {
				s.OffPath[id] = true
			}
		}
	}
}
