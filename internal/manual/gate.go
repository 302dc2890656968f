package manual

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
)

// Gate says who must approve a text before it goes out (format 1.1): no
// one, because the manual pre-approved it and it goes out on its owner's
// authority, or the holder (or a deputy) of each of Roles; with TwoPerson,
// at least two different people, neither of them the sender. When nobody
// has approved after EscalateAfter, the run names the next deputy.
type Gate struct {
	PreApproved   bool
	Roles         []Ref
	TwoPerson     bool
	EscalateAfter time.Duration
	Pos           Pos
	At            map[string]Pos
}

// PreApproved is the one scalar an approval can be.
const PreApproved = "pre-approved"

// decodeGate reads approval: pre-approved, or approval: {roles: [...],
// two_person: true, escalate_after: 10m}.
func (d *decoder) decodeGate(n *yaml.Node) *Gate {
	if n == nil || !d.since11(n, "approval") {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if n.Value != PreApproved {
			d.errorf(n, RuleType, "write approval: pre-approved, or approval: {roles: [approver, legal]}",
				"approval %q is not pre-approved nor a list of roles", n.Value)
			return nil
		}
		return &Gate{PreApproved: true, Pos: d.pos(n)}
	}
	o := d.object(n, "approval", "roles", "two_person", "escalate_after")
	return &Gate{
		Roles:         o.refs("roles", true),
		TwoPerson:     o.boolean("two_person"),
		EscalateAfter: o.duration("escalate_after", false),
		Pos:           d.pos(n),
		At:            o.at(),
	}
}

// decodeLater reads a variable's known: later and by: (format 1.1).
func (d *decoder) decodeLater(o *object, v *Variable) {
	v.Format = d.format
	if kn := o.get("known", false); kn != nil && d.since11(kn, "known") {
		switch s, _ := d.scalar(kn, "known"); s {
		case "later":
			v.Later = true
		case "start":
		default:
			d.errorf(kn, RuleType, "write known: later for a fact learned during the run, or leave it out",
				"known %q is not later nor start", s)
		}
	}
	if bn := o.get("by", false); bn != nil && d.since11(bn, "by") {
		v.By = d.ref(bn, "by")
		if v.By.ID != "" && !idRE.MatchString(v.By.ID) {
			d.errorf(bn, RuleType, "name a step by its id: lowercase letters, digits and dashes", "by %q is not a step id", v.By.ID)
		}
		if !v.Later {
			d.errorf(bn, RuleType, "add known: later, or remove by", "by is for a variable known later")
		}
	}
	if v.Later && v.By.ID == "" && o.node != nil && o.node.Kind == yaml.MappingNode {
		d.errorf(o.node, RuleMissing, "say by which step it must be set: by: STEP", "a variable known later needs by")
	}
}

// decodeGateStep reads what 1.1 adds to a step: approval, and for a gate
// step the step its deadline is measured from.
func (d *decoder) decodeGateStep(o *object, s *Step) {
	s.Approval = d.decodeGate(o.get("approval", false))
	if kn := o.value("kind"); s.Kind == StepGate {
		d.since11(kn, "kind: gate")
	}
	if fn := o.get("from", false); fn != nil && d.since11(fn, "from") {
		s.From = d.ref(fn, "from")
		if s.Kind != StepGate {
			d.errorf(fn, RuleType, "add kind: gate, or remove from", "from is for a step of kind gate")
		}
	}
}

// checkGate reports an approval's roles that the manual does not declare.
func checkGate(g *Gate, ix indexes, diags *diag.List) {
	if g != nil {
		ix.roles.checkAll(g.Roles, diags)
	}
}
