package manual

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/suggest"
)

// A decision step (format 1.1) is a question the owner answers by choosing
// one of its options: each option goes on at a step of its own (default:
// the next step written), may change the incident's severity, or may
// escalate the run to another playbook, which goes on carrying the
// journal, the texts already sent and the clock. An all-clear step ends
// the main steps of a playbook with decisions, so two endings are two
// all-clear steps, each reached by its own path. See docs/format.md.

// Option is one answer of a decision step.
type Option struct {
	ID       string
	Title    string
	Next     Ref    // the step to go on with; empty: the next step written
	Severity string // the incident's new severity; "" leaves it as it is
	Escalate Ref    // a playbook the run goes on in; empty: none
	Pos      Pos
	At       map[string]Pos
}

var optionKeys = []string{"id", "title", "next", "severity", "escalate"}

// decodeDecision reads a step's options, which only a decision step has
// and a decision step must have (two at least: one is no choice).
func (d *decoder) decodeDecision(o *object, s *Step) {
	if s.Kind == StepDecision && !d.since11(o.value("kind"), "kind: decision") {
		return
	}
	n := o.get("options", false)
	if n != nil && !d.since11(o.key("options"), "options") {
		return
	}
	if n != nil && s.Kind != StepDecision {
		d.errorf(o.key("options"), RuleType, "write kind: decision on this step, or remove its options",
			"options are for a decision step, and step %q is kind: %s", s.ID, s.Kind)
		return
	}
	if s.Kind != StepDecision {
		return
	}
	if n == nil {
		d.errorf(o.node, RuleMissing, "list what the owner can decide: options: [{id: ..., title: ..., next: STEP}, ...]",
			"decision step %q has no options", s.ID)
		return
	}
	items := o.list("options", false)
	if n.Kind == yaml.SequenceNode && len(items) < 2 {
		d.errorf(n, RuleMissing, "give at least two options, each going on at its own step",
			"decision step %q has %s; a decision needs two options at least", s.ID, map[bool]string{true: "no options", false: "one option"}[len(items) == 0])
	}
	seen := map[string]Pos{}
	for _, item := range items {
		oo := d.object(item, "an option", optionKeys...)
		opt := Option{
			ID:       oo.id("id"),
			Title:    oo.str("title", true),
			Next:     oo.ref("next", false),
			Severity: oo.oneOf("severity", false, "", SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical),
			Escalate: oo.ref("escalate", false),
			Pos:      d.pos(item),
			At:       oo.at(),
		}
		if opt.Next.ID != "" && opt.Escalate.ID != "" {
			d.errorf(oo.key("escalate"), RuleType, "an option either goes on in this playbook (next) or in another one (escalate): keep one",
				"option %q has both next and escalate", opt.ID)
		}
		if prev, dup := seen[opt.ID]; dup && opt.ID != "" {
			d.errorf(oo.value("id"), RuleDuplicate, "the first is at "+prev.String(), "option %q is given twice in step %q", opt.ID, s.ID)
			continue
		}
		seen[opt.ID] = opt.Pos
		s.Options = append(s.Options, opt)
	}
}

// resolveDecisions checks that every option goes on at a main step of the
// playbook, and that decisions are main steps: a follow-up step comes
// after the all-clear, when there is nothing left to decide.
func resolveDecisions(p *Playbook, diags *diag.List) {
	main := map[string]bool{}
	var ids []string
	for _, s := range p.Steps {
		main[s.ID] = true
		ids = append(ids, s.ID)
	}
	for _, s := range p.FollowUp {
		if s.Kind == StepDecision {
			diags.Errorf(s.At["kind"], RuleType, "move it to steps:, before the all-clear",
				"follow-up step %q is a decision; decisions are taken before the all-clear", s.ID)
		}
	}
	for _, s := range p.Steps {
		for _, o := range s.Options {
			if o.Next.ID == "" || main[o.Next.ID] {
				continue
			}
			hint := stepHint(o.Next.ID, ids)
			diags.Errorf(o.Next.Pos, RuleDangling, hint, "option %q of step %q goes on at step %q, which %s has not among its steps", o.ID, s.ID, o.Next.ID, p.ID)
		}
	}
}

// Option returns the option of a decision step by id, nil when it has none.
func (s *Step) Option(id string) *Option {
	for i := range s.Options {
		if s.Options[i].ID == id {
			return &s.Options[i]
		}
	}
	return nil
}

// After is the id of the step a path goes on with after step i of p when
// it is done (for a decision: with option opt chosen): the option's next,
// else the next step written; "" when the main steps end there, after an
// all-clear in a playbook with decisions or after the last step.
func (p *Playbook) After(i int, opt *Option) string {
	if opt != nil && opt.Escalate.ID != "" {
		return ""
	}
	if opt != nil && opt.Next.ID != "" {
		return opt.Next.ID
	}
	if p.Steps[i].Kind == StepAllClear && p.HasDecisions() {
		return ""
	}
	if i+1 < len(p.Steps) {
		return p.Steps[i+1].ID
	}
	return ""
}

// HasDecisions reports whether any main step of p is a decision: the
// playbook then has paths, and each all-clear ends one.
func (p *Playbook) HasDecisions() bool {
	for _, s := range p.Steps {
		if s.Kind == StepDecision {
			return true
		}
	}
	return false
}

// StepIndex is the index of a main step by id, -1 when p has none.
func (p *Playbook) StepIndex(id string) int {
	for i, s := range p.Steps {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func stepHint(id string, ids []string) string {
	if h := suggest.Hint(id, ids); h != "" {
		return h
	}
	return "the steps are: " + strings.Join(ids, ", ")
}

// optionTexts reads a translated step's option titles, options: {id:
// title}, a 1.1 key.
func (d *decoder) optionTexts(o *object) map[string]string {
	n := o.get("options", false)
	if n == nil || !d.since11(o.key("options"), "options") {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, RuleType, "map each option's id to its title: credible: The sample is ours", "options must map option ids to titles, found %s", kindName(n))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id, ok := d.scalar(k, "an option id")
		if !ok {
			continue
		}
		if !idRE.MatchString(id) {
			d.errorf(k, RuleType, "use the option's id as the playbook writes it", "id %q has characters an id cannot have", id)
			continue
		}
		if _, dup := out[id]; dup {
			d.errorf(k, RuleDuplicate, "remove one of them", "option %q is translated twice", id)
			continue
		}
		if title, ok := d.scalar(v, "an option's title"); ok {
			out[id] = title
		}
	}
	return out
}

// localOptions is options with the titles a translation gives.
func localOptions(options []Option, titles map[string]string) []Option {
	if len(titles) == 0 || len(options) == 0 {
		return options
	}
	out := make([]Option, len(options))
	for i, o := range options {
		o.Title = or(titles[o.ID], o.Title)
		out[i] = o
	}
	return out
}
