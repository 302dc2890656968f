package runbook

import (
	"encoding/json"

	"github.com/crisis-cli/crisis/internal/journal"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Approval gates (format 1.1). A text's gate is its announcement's
// approval:, else its step's; without either (and for cadence updates)
// the playbook's approver, or a deputy, approves, as in 1.0. A
// pre-approved text needs nobody: it goes out on its owner's authority and
// is journaled as such. Otherwise each role of the gate needs an approval
// by its holder or a deputy and, with two_person, two different people
// approve, neither of them the sender (the holder of the step's owner role,
// who sends its texts).

// Approval is one approval of a message, as journaled.
type Approval struct {
	By   string
	Role string
	At   time.Time
}

func (s *State) addApproval(k MessageKey, m Message, at time.Time) {
	if s.Approvals == nil {
		s.Approvals = map[MessageKey][]Approval{}
	}
	if slices.ContainsFunc(s.Approvals[k], func(a Approval) bool { return a.By == m.By }) {
		return
	}
	if m.At != nil {
		at = *m.At
	}
	s.Approvals[k] = append(s.Approvals[k], Approval{By: m.By, Role: m.Role, At: at})
}

// gateStart is when a gate step's deadline starts: when its from step was
// done. ok is false for any other step, and while that step is not done
// (the deadline then counts from the start, the earliest it can be).
func (s *State) gateStart(step *manual.Step) (time.Time, bool) {
	if step.Kind != manual.StepGate || step.From.ID == "" {
		return time.Time{}, false
	}
	if st := s.Steps[step.From.ID]; st != nil && st.Done {
		return st.At, true
	}
	return time.Time{}, false
}

// Gate is the approval gate of a step's message; nil when the 1.0 rule
// holds (the playbook's approver).
func (s *Session) Gate(step, message string) *manual.Gate {
	st := stepByID(s.Playbook, step)
	if st == nil {
		return nil
	}
	for _, a := range st.Announce {
		if a.Message.ID == message && a.Approval != nil {
			return a.Approval
		}
	}
	return st.Approval
}

// sender is the person who sends a step's texts: the holder of its owner
// role. A two-person approval counts neither them nor the same person twice.
func (s *Session) sender(step string) string {
	if st := stepByID(s.Playbook, step); st != nil {
		if r := s.Manual.Role(st.Owner.ID); r != nil {
			return r.Person.ID
		}
	}
	return ""
}

// holds reports whether person holds role r or deputises for it.
func holds(r *manual.Role, person string) bool {
	return r != nil && (r.Person.ID == person || slices.ContainsFunc(r.Deputies, func(d manual.Ref) bool { return d.ID == person }))
}

// Needed lists what a message still lacks before it may go out: the roles
// without an approval, and "two people" while a two-person gate has fewer.
// Empty when it may go out.
func (s *Session) Needed(step, message string) []string {
	approvals := s.State.Approvals[MessageKey{step, message}]
	g := s.Gate(step, message)
	if g == nil {
		if len(approvals) == 0 {
			return []string{s.Playbook.Approver.ID}
		}
		return nil
	}
	if g.PreApproved {
		return nil
	}
	var out []string
	for _, role := range g.Roles {
		if !slices.ContainsFunc(approvals, func(a Approval) bool { return a.Role == role.ID }) {
			out = append(out, role.ID)
		}
	}
	if g.TwoPerson {
		sender, people := s.sender(step), map[string]bool{}
		for _, a := range approvals {
			if a.By != sender {
				people[a.By] = true
			}
		}
		if len(people) < 2 {
			out = append(out, "two-person")
		}
	}
	return out
}

// roleFor is the role of the gate that person approves as: the first
// they hold or deputise for that has no approval yet, else the first they
// hold at all; "" when they hold none of them.
func (s *Session) roleFor(g *manual.Gate, k MessageKey, person string) string {
	first := ""
	for _, role := range g.Roles {
		if !holds(s.Manual.Role(role.ID), person) {
			continue
		}
		if !slices.ContainsFunc(s.State.Approvals[k], func(a Approval) bool { return a.Role == role.ID }) {
			return role.ID
		}
		if first == "" {
			first = role.ID
		}
	}
	return first
}

// approveGated journals person's approval of a gated message, as the role
// of the gate they hold; ok is false when there was nothing to record
// (pre-approved, approved already by them, or nothing left to approve).
func (s *Session) approveGated(k MessageKey, g *manual.Gate, person string, at *time.Time) (bool, error) {
	if g.PreApproved || len(s.Needed(k.Step, k.Message)) == 0 {
		return false, nil
	}
	if slices.ContainsFunc(s.State.Approvals[k], func(a Approval) bool { return a.By == person }) {
		return false, nil
	}
	role := s.roleFor(g, k, person)
	if role == "" {
		var roles []string
		for _, r := range g.Roles {
			roles = append(roles, r.ID)
		}
		return false, lang.Errorf("gates.not-a-holder", map[string]any{"Name": s.personName(person), "Message": k.Message, "Roles": strings.Join(roles, ", ")})
	}
	if g.TwoPerson && person == s.sender(k.Step) {
		return false, lang.Errorf("gates.sender", map[string]any{"Name": s.personName(person), "Message": k.Message})
	}
	return true, s.appendApproval(k, person, role, at)
}

// Escalation is a gate without an approval after its escalate_after: the
// next deputy of a role still missing, to be called.
type Escalation struct {
	Message, Role, Deputy string
	After                 time.Duration
}

// Escalations lists, for the batch's gated messages still lacking an
// approval escalate_after since they were first shown, the next deputy of
// each role missing: the first deputy not asked yet (each escalation is
// journaled, so the next one names the next deputy).
func (s *Session) Escalations(b Batch) []Escalation {
	var out []Escalation
	seen := map[string]bool{}
	for _, a := range b.Items {
		g := s.Gate(b.Step, a.Message)
		if seen[a.Message] || g == nil || g.EscalateAfter <= 0 {
			continue
		}
		seen[a.Message] = true
		k := MessageKey{b.Step, a.Message}
		shown, ok := s.State.RenderedAt[k]
		if !ok {
			continue
		}
		for _, role := range s.Needed(b.Step, a.Message) {
			r := s.Manual.Role(role)
			if r == nil {
				continue
			}
			var asked []string
			for _, x := range s.State.Escalated[k] {
				if x.Role == role {
					asked = append(asked, x.Deputy)
				}
			}
			if s.Now().Before(shown.Add(g.EscalateAfter * time.Duration(len(asked)+1))) {
				continue
			}
			for _, d := range r.Deputies {
				if !slices.Contains(asked, d.ID) {
					out = append(out, Escalation{Message: a.Message, Role: role, Deputy: d.ID, After: g.EscalateAfter})
					break
				}
			}
		}
	}
	return out
}

// Escalated is the payload of approval.escalated.
type Escalated struct {
	Step    string `json:"step"`
	Message string `json:"message"`
	Role    string `json:"role"`
	Deputy  string `json:"deputy"`
}

func (s *State) rendered(k MessageKey, at time.Time) {
	if s.RenderedAt == nil {
		s.RenderedAt = map[MessageKey]time.Time{}
	}
	if _, ok := s.RenderedAt[k]; !ok {
		s.RenderedAt[k] = at
	}
}

func (s *State) applyEscalated(e journal.Event) error {
	var x Escalated
	if err := json.Unmarshal(e.Data, &x); err != nil {
		return err
	}
	if s.Escalated == nil {
		s.Escalated = map[MessageKey][]Escalated{}
	}
	k := MessageKey{x.Step, x.Message}
	s.Escalated[k] = append(s.Escalated[k], x)
	return nil
}

// Escalate journals that the next deputy was named for a gate unanswered.
func (s *Session) Escalate(step string, x Escalation) error {
	return s.append(journal.TypeEscalated, Escalated{Step: step, Message: x.Message, Role: x.Role, Deputy: x.Deputy})
}

func (s *Session) appendApproval(k MessageKey, person, role string, at *time.Time) error {
	return s.append(journal.TypeMessageApproved, Message{Step: k.Step, Message: k.Message, By: person, Role: role, At: at})
}

// stepByID is the playbook's step (or follow-up step) with that id.
func stepByID(p *manual.Playbook, id string) *manual.Step {
	for _, group := range [][]manual.Step{p.Steps, p.FollowUp} {
		for i := range group {
			if group[i].ID == id {
				return &group[i]
			}
		}
	}
	return nil
}

// sayNeeded tells, after an approval, what each gated message of the batch
// still lacks; it reports whether the batch has a gated message.
func (f *Flow) sayNeeded() bool {
	gated, seen := false, map[string]bool{}
	for _, a := range f.batch.Items {
		if seen[a.Message] || f.S.Gate(f.batch.Step, a.Message) == nil {
			continue
		}
		seen[a.Message], gated = true, true
		if need := f.S.Needed(f.batch.Step, a.Message); len(need) > 0 {
			f.warn("gates.still-needed", map[string]any{"Message": a.Message, "Needed": strings.Join(need, ", ")})
		}
	}
	return gated
}

// gateApprover is who a bare approve means under a gate: the holder of
// the first role a message of the batch still needs; "" without a gate.
func (f *Flow) gateApprover() string {
	for _, a := range f.batch.Items {
		g := f.S.Gate(f.batch.Step, a.Message)
		if g == nil || g.PreApproved {
			continue
		}
		for _, need := range f.S.Needed(f.batch.Step, a.Message) {
			if r := f.S.Manual.Role(need); r != nil {
				return r.Person.ID
			}
		}
	}
	return ""
}

// escalate names, and journals, the next deputy of each role whose
// approval has not come within its gate's escalate_after.
func (f *Flow) escalate() error {
	for _, x := range f.S.Escalations(f.batch) {
		if err := f.S.Escalate(f.batch.Step, x); err != nil {
			return fatal(err)
		}
		contact := ""
		if p := f.S.Manual.Person(x.Deputy); p != nil && len(p.Contacts) > 0 {
			contact = p.Contacts[0].Value
		}
		f.warn("gates.escalate", map[string]any{"Message": x.Message, "Role": x.Role, "After": manual.FormatDuration(x.After),
			"Name": f.name(x.Deputy), "Contact": contact})
	}
	return nil
}

// personName is a person's name, or their id when the manual lacks them.
func (s *Session) personName(id string) string {
	if p := s.Manual.Person(id); p != nil {
		return p.Label()
	}
	return id
}
