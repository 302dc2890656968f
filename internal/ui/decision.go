package ui

import (
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/plan"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// options lists a decision step's options under the step, numbered as
// choose takes them, each with where it leads; once decided, who chose
// which and when.
func (v *RunView) options(s *runbook.Session, st *manual.Step) {
	if st.Kind != manual.StepDecision {
		return
	}
	if d := s.State.Decided(st.ID); d != nil {
		v.printf("%s\n", v.Th.OK.Render(v.t("decision.view.decided", message.WithClock(map[string]any{
			"Name": personName(s, d.By), "Option": d.Option}, d.At.In(s.Manual.Location)))))
	}
	v.printf("%s\n", v.Th.Heading.Render(v.t("decision.view.heading", nil)))
	i := s.Playbook.StepIndex(st.ID)
	for n, o := range st.Options {
		to := optionLeads(v.tr(), s.Playbook.After(i, &o), o.Escalate.ID, o.Severity)
		v.printf("  %d. %s (%s)\n     %s\n", n+1, o.Title, o.ID, to)
	}
}

func personName(s *runbook.Session, id string) string {
	if p := s.Manual.Person(id); p != nil {
		return p.Label()
	}
	return id
}

// writeOptions lists a decision step's options in crisis show, each with
// where it leads.
func writeOptions(b *strings.Builder, th *Theme, l *lang.Localizer, s plan.Step) {
	for n, o := range s.Options {
		to := optionLeads(l, o.Next, o.Escalate, o.Severity)
		fmt.Fprintf(b, "      %d. %s (%s) %s\n", n+1, o.Title, o.ID, th.Muted.Render(to))
	}
}

// optionLeads says where an option leads: a step, the end of the main
// steps or another playbook, and the severity it sets.
func optionLeads(l *lang.Localizer, next, escalate, severity string) string {
	var to string
	switch {
	case escalate != "":
		to = l.T("decision.view.escalate", map[string]any{"Playbook": escalate})
	case next == "":
		to = l.T("decision.view.end", nil)
	default:
		to = l.T("decision.view.next", map[string]any{"Step": next})
	}
	if severity != "" {
		to += " · " + l.T("decision.view.severity", map[string]any{"Severity": severity})
	}
	return to
}
