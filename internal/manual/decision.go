package manual

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
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
	At       Positions
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
		d.report(o.key("options"), RuleType, say("loader.options-not-decision", args{"Step": q(s.ID), "Kind": s.Kind}),
			say("loader.options-not-decision.hint", nil))
		return
	}
	if s.Kind != StepDecision {
		return
	}
	if n == nil {
		d.report(o.node, RuleMissing, say("loader.decision-no-options", args{"Step": q(s.ID)}), say("loader.decision-no-options.hint", nil))
		return
	}
	items := o.list("options", false)
	if n.Kind == yaml.SequenceNode && len(items) < 2 {
		id := "loader.decision-one-option"
		if len(items) == 0 {
			id = "loader.decision-none-listed"
		}
		d.report(n, RuleMissing, say(id, args{"Step": q(s.ID)}), say("loader.decision-one-option.hint", nil))
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
			d.report(oo.key("escalate"), RuleType, say("loader.next-and-escalate", args{"Option": q(opt.ID)}), say("loader.next-and-escalate.hint", nil))
		}
		if prev, dup := seen[opt.ID]; dup && opt.ID != "" {
			d.report(oo.value("id"), RuleDuplicate, say("loader.decision-option-twice", args{"Option": q(opt.ID), "Step": q(s.ID)}),
				say("loader.decision-option-twice.hint", args{"Pos": prev.String()}))
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
			report(diags, s.At.Get("kind"), RuleType, say("loader.follow-up-decision", args{"Step": q(s.ID)}), say("loader.follow-up-decision.hint", nil))
		}
	}
	for _, s := range p.Steps {
		for _, o := range s.Options {
			if o.Next.ID == "" || main[o.Next.ID] {
				continue
			}
			hint := orElse(didYouMean(o.Next.ID, ids), say("loader.steps-are.hint", args{"List": strings.Join(ids, ", ")}))
			report(diags, o.Next.Pos, RuleDangling, say("loader.option-next", args{"Option": q(o.ID), "Step": q(s.ID), "Next": q(o.Next.ID), "Playbook": p.ID}), hint)
		}
	}
}

// Option returns the option of a decision step by id, nil when it has none.
func (s *Step) Option(id string) *Option {
	return first(s.Options, func(o *Option) bool { return o.ID == id })
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

// optionTexts reads a translated step's option titles, options: {id:
// title}, a 1.1 key.
func (d *decoder) optionTexts(o *object) map[string]string {
	n := o.get("options", false)
	if n == nil || !d.since11(o.key("options"), "options") {
		return nil
	}
	out := map[string]string{}
	read := d.ids(n, idMap{key: "an option id",
		shape: func(found *lang.Error) (*lang.Error, *lang.Error) {
			return say("loader.option-titles", args{"Found": found}), say("loader.option-titles.hint", nil)
		},
		check: badID("loader.option-id.hint"),
		twice: func(id string, _ Pos) (*lang.Error, *lang.Error) {
			return say("loader.option-translated-twice", args{"Option": q(id)}), say("loader.option-translated-twice.hint", nil)
		},
	}, func(_, v *yaml.Node, id string) bool {
		title, ok := d.scalar(v, "an option's title")
		if ok {
			out[id] = title
		}
		return ok
	})
	if !read {
		return nil
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
