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
	At            Positions
}

// PreApproved is the one scalar an approval can be.
const PreApproved = "pre-approved"

var gateKeys = []string{"roles", "two_person", "escalate_after"}

// decodeGate reads approval: pre-approved, or approval: {roles: [...],
// two_person: true, escalate_after: 10m}.
func (d *decoder) decodeGate(n *yaml.Node) *Gate {
	if n == nil || !d.since11(n, "approval") {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if n.Value != PreApproved {
			d.report(n, RuleType, say("loader.approval", args{"Value": q(n.Value)}), say("loader.approval.hint", nil))
			return nil
		}
		return &Gate{PreApproved: true, Pos: d.pos(n)}
	}
	o := d.object(n, "approval", gateKeys...)
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
			d.report(kn, RuleType, say("loader.known", args{"Value": q(s)}), say("loader.known.hint", nil))
		}
	}
	if bn := o.get("by", false); bn != nil && d.since11(bn, "by") {
		v.By = d.ref(bn, "by")
		if v.By.ID != "" && !isID(v.By.ID) {
			d.report(bn, RuleType, say("loader.by-not-id", args{"Value": q(v.By.ID)}), say("loader.by-not-id.hint", nil))
		}
		if !v.Later {
			d.report(bn, RuleType, say("loader.by-not-later", nil), say("loader.by-not-later.hint", nil))
		}
	}
	if v.Later && v.By.ID == "" && o.node != nil && o.node.Kind == yaml.MappingNode {
		d.report(o.node, RuleMissing, say("loader.later-no-by", nil), say("loader.later-no-by.hint", nil))
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
			d.report(fn, RuleType, say("loader.from-not-gate", nil), say("loader.from-not-gate.hint", nil))
		}
	}
}

// checkGate reports an approval's roles that the manual does not declare.
func checkGate(g *Gate, ix indexes, diags *diag.List) {
	if g != nil {
		ix.roles.checkAll(g.Roles, diags)
	}
}
