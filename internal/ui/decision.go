package ui

import (
	"github.com/crisis-cli/crisis/internal/manual"
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
		v.printf("%s\n", v.Th.OK.Render(v.t("decision.view.decided", map[string]any{
			"Clock": d.At.In(s.Manual.Location).Format("15:04"), "Name": personName(s, d.By), "Option": d.Option})))
	}
	v.printf("%s\n", v.Th.Heading.Render(v.t("decision.view.heading", nil)))
	i := s.Playbook.StepIndex(st.ID)
	for n, o := range st.Options {
		var to string
		switch next := s.Playbook.After(i, &o); {
		case o.Escalate.ID != "":
			to = v.t("decision.view.escalate", map[string]any{"Playbook": o.Escalate.ID})
		case next == "":
			to = v.t("decision.view.end", nil)
		default:
			to = v.t("decision.view.next", map[string]any{"Step": next})
		}
		if o.Severity != "" {
			to += " · " + v.Th.Warn.Render(v.t("decision.view.severity", map[string]any{"Severity": o.Severity}))
		}
		v.printf("  %d. %s (%s)\n     %s\n", n+1, o.Title, o.ID, to)
	}
}

func personName(s *runbook.Session, id string) string {
	if p := s.Manual.Person(id); p != nil {
		return p.Name
	}
	return id
}
