package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Decision is a decision made at a decision step (format 1.1): which
// option, by whom, when, where the run went on, and the severity it set.
type Decision struct {
	At        time.Time `json:"at"`
	Step      string    `json:"step"`
	StepTitle string    `json:"step_title,omitempty"`
	Option    string    `json:"option"`
	Title     string    `json:"title"`
	By        string    `json:"by"`
	Next      string    `json:"next"` // runbook.EndStep when the main steps ended there
	Severity  string    `json:"severity,omitempty"`
	Was       string    `json:"was,omitempty"`
	Escalate  string    `json:"escalate,omitempty"`
}

// OffPath is the status of a step's deadline when a decision left the
// step off the run's path: not due, not skipped by hand.
const OffPath = "off-path"

// decisions records the decisions made and the path they left, from the
// journal alone: the steps a decision passed over are listed, and their
// deadlines are not counted as open or never done.
func (r *Report) decisions(st *runbook.State, n names) {
	// Each decision was taken in the playbook the run was in then: the
	// first, until an escalation moved it on.
	in := st.Playbook
	if len(st.PlaybookEscalations) > 0 {
		in = st.PlaybookEscalations[0].From
	}
	for _, d := range st.Decisions {
		title := d.Step
		if p := n.m.Playbook(in); p != nil {
			if s := (names{m: n.m, p: p}).findStep(d.Step); s != nil {
				title = s.Title
			}
		}
		r.Decisions = append(r.Decisions, Decision{At: d.At, Step: d.Step, StepTitle: title, Option: d.Option,
			Title: d.Title, By: n.person(d.By), Next: d.Next, Severity: d.Severity, Was: d.Was, Escalate: d.Escalate})
		if d.Escalate != "" {
			in = d.Escalate
		}
	}
	for _, id := range n.stepOrder() {
		if st.OffPath[id] {
			r.OffPath = append(r.OffPath, id)
		}
	}
}

// stepOrder lists the playbook's main step ids in order, none without it.
func (n names) stepOrder() []string {
	if n.p == nil {
		return nil
	}
	var ids []string
	for _, s := range n.p.Steps {
		ids = append(ids, s.ID)
	}
	return ids
}

// describeDecision is a decision.made event in the timeline, as an
// interface message like every other event's (names.describe).
func (n names) describeDecision(str func(string) string) *lang.Error {
	var then *lang.Error
	switch next := str("next"); {
	case str("escalate") != "":
		then = lang.Errorf("decision.report.escalated", map[string]any{"Playbook": str("escalate")})
	case next == runbook.EndStep || next == "":
		then = lang.Errorf("decision.event.end", nil)
	default:
		then = lang.Errorf("decision.event.next", map[string]any{"Step": n.stepSay(next)})
	}
	e := lang.Errorf("decision.event", map[string]any{"Step": n.stepSay(str("step")), "Title": str("title"),
		"Option": str("option"), "By": n.person(str("by")), "Then": then})
	if str("severity") != "" {
		e = lang.Errorf("decision.event.severity", map[string]any{"Decision": e, "Was": severity(str("was")), "Now": severity(str("severity"))})
	}
	return e
}

// writeDecisionsMD writes the decisions section: each decision, and the
// steps left off the path.
func writeDecisionsMD(b *strings.Builder, r *Report, l *lang.Localizer) {
	if len(r.Decisions) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", l.T("decision.report.heading", nil))
	for _, d := range r.Decisions {
		line := l.T("decision.report.line", map[string]any{"Clock": r.Local(d.At), "Step": d.StepTitle, "Title": d.Title, "Option": d.Option, "By": d.By})
		switch {
		case d.Escalate != "":
			line += "; " + l.T("decision.report.escalated", map[string]any{"Playbook": d.Escalate})
		case d.Next == runbook.EndStep:
			line += "; " + l.T("decision.view.end", nil)
		default:
			line += "; " + l.T("decision.view.next", map[string]any{"Step": d.Next})
		}
		if d.Severity != "" {
			line += "; " + l.Text(lang.Errorf("decision.severity", map[string]any{"Was": severity(d.Was), "Now": severity(d.Severity)}))
		}
		fmt.Fprintf(b, "- %s\n", line)
	}
	if len(r.OffPath) > 0 {
		fmt.Fprintf(b, "- %s\n", l.T("decision.off", map[string]any{"Steps": strings.Join(r.OffPath, ", ")}))
	}
	b.WriteString("\n")
}
