package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Approval is one approval given during the run: who approved which
// message, as which role (under a 1.1 approval gate), and when it was given.
type Approval struct {
	At      time.Time `json:"at"`
	Step    string    `json:"step"`
	Message string    `json:"message"`
	By      string    `json:"by"`
	Role    string    `json:"role,omitempty"`
}

// Escalation is a gate that went unanswered: the deputy the run named.
type Escalation struct {
	At      time.Time `json:"at"`
	Step    string    `json:"step"`
	Message string    `json:"message"`
	Role    string    `json:"role"`
	Deputy  string    `json:"deputy"`
}

// usesGates reports whether a playbook has an approval gate (1.1): only
// then does the report list approvals apart (a 1.0 report stays as it was).
func usesGates(p *manual.Playbook) bool {
	if p == nil {
		return false
	}
	for _, st := range slices.Concat(p.Steps, p.FollowUp) {
		if st.Approval != nil {
			return true
		}
		for _, a := range st.Announce {
			if a.Approval != nil {
				return true
			}
		}
	}
	return false
}

// gates collects who approved what and when, and the escalations.
func (r *Report) gates(events []journal.Event, n names) {
	for _, e := range events {
		switch e.Type {
		case journal.TypeMessageApproved:
			var m runbook.Message
			if json.Unmarshal(e.Data, &m) != nil {
				continue
			}
			at := e.UTC
			if m.At != nil {
				at = *m.At
			}
			r.Approvals = append(r.Approvals, Approval{At: at, Step: m.Step, Message: m.Message, By: n.person(m.By), Role: m.Role})
		case journal.TypeEscalated:
			var x runbook.Escalated
			if json.Unmarshal(e.Data, &x) == nil {
				r.Escalations = append(r.Escalations, Escalation{At: e.UTC, Step: x.Step, Message: x.Message, Role: x.Role, Deputy: n.person(x.Deputy)})
			}
		}
	}
}

// gateDeviation records a text marked sent without the approvals its gate
// requires, once per message.
func (r *Report) gateDeviation(m runbook.Message, n names) {
	r.deviate("deviations.gate", map[string]any{"Message": m.Message, "Step": fmt.Sprintf("%q", n.step(m.Step))})
}

// writeApprovalsMD writes who approved what and when, what went out
// pre-approved and what went out without its required approvals.
func writeApprovalsMD(b io.Writer, r *Report, l *lang.Localizer) {
	var pre, without []string
	for _, s := range r.Sent {
		where := fmt.Sprintf("%s, %s `%s`, %s (%s)", r.Local(s.At), l.T("report.col.message", nil), s.Message, s.ChannelName, s.Locale)
		switch {
		case s.PreApproved:
			pre = append(pre, where)
		case s.Unapproved || s.By == "":
			without = append(without, where)
		}
	}
	if len(r.Approvals)+len(pre)+len(r.Escalations) == 0 && !slices.ContainsFunc(r.Sent, func(s Sent) bool { return s.Unapproved }) {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", l.T("gates.report.heading", nil))
	var given []string
	for _, a := range r.Approvals {
		line := fmt.Sprintf("%s, %s `%s`: %s", r.Local(a.At), l.T("report.col.message", nil), a.Message, a.By)
		if a.Role != "" {
			line += " (" + a.Role + ")"
		}
		given = append(given, line)
	}
	for _, x := range r.Escalations {
		given = append(given, l.T("gates.report.escalated", map[string]any{"At": r.Local(x.At), "Message": x.Message, "Role": x.Role, "Deputy": x.Deputy}))
	}
	none := l.T("report.none", nil)
	for _, part := range []struct {
		id    string
		items []string
	}{{"gates.report.given", given}, {"gates.report.pre-approved", pre}, {"gates.report.without", without}} {
		fmt.Fprintf(b, "### %s\n\n", l.T(part.id, nil))
		if len(part.items) == 0 {
			fmt.Fprintf(b, "%s\n\n", none)
			continue
		}
		fmt.Fprintf(b, "- %s\n\n", strings.Join(part.items, "\n- "))
	}
}

// held reports the texts of done steps that were never prepared because
// they waited for a fact known later (1.1) that was not set in time.
func (r *Report) held(m *manual.Manual, p *manual.Playbook, st *runbook.State, events []journal.Event, n names) {
	rendered := map[runbook.MessageKey]bool{}
	for _, e := range events {
		var msg runbook.Message
		if e.Type == journal.TypeMessageRendered && json.Unmarshal(e.Data, &msg) == nil {
			rendered[runbook.MessageKey{Step: msg.Step, Message: msg.Message}] = true
		}
	}
	for _, step := range slices.Concat(p.Steps, p.FollowUp) {
		if ss := st.Steps[step.ID]; ss == nil || !ss.Done {
			continue
		}
		seen := map[string]bool{}
		for _, a := range step.Announce {
			if seen[a.Message.ID] || rendered[runbook.MessageKey{Step: step.ID, Message: a.Message.ID}] {
				continue
			}
			seen[a.Message.ID] = true
			if vars, _ := render.Waiting(m, p, a.Message.ID, nil); len(vars) > 0 {
				r.deviate("deviations.waited", map[string]any{"Message": a.Message.ID, "Step": fmt.Sprintf("%q", n.step(step.ID)), "Vars": strings.Join(vars, ", ")})
			}
		}
	}
}
