package plan

import "github.com/crisis-cli/crisis/internal/manual"

// Option is a decision step's option as shown in a plan: where choosing it
// leads. Next is the step the run goes on with, "" when the option ends
// the main steps or escalates.
type Option struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Next     string `json:"next,omitempty"`
	Severity string `json:"severity,omitempty"`
	Escalate string `json:"escalate,omitempty"`
}

// addOptions gives each decision step of the plan its options, with the
// step each leads to written out (the default next included).
func addOptions(pl *Plan, p *manual.Playbook) {
	for i, s := range p.Steps {
		if i >= len(pl.Steps) {
			return
		}
		for k := range s.Options {
			o := &s.Options[k]
			pl.Steps[i].Options = append(pl.Steps[i].Options, Option{ID: o.ID, Title: o.Title,
				Next: p.After(i, o), Severity: o.Severity, Escalate: o.Escalate.ID})
		}
	}
}
