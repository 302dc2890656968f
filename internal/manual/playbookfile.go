package manual

import (
	"gopkg.in/yaml.v3"
)

var playbookKeys = []string{"crisis", "kind", "title", "severity", "detection", "down", "fallbacks",
	"spokesperson", "approver", "variables", "steps", "updates", "follow_up", "drill"}

// decodePlaybook fills p from a playbook file's root node.
func (d *decoder) decodePlaybook(root *yaml.Node, p *Playbook) {
	o := d.object(root, "a playbook", playbookKeys...)
	d.header(&o, "playbook")
	p.Format = d.format
	p.Pos = d.pos(root)
	p.At = o.at()
	p.Title = o.str("title", true)
	p.Severity = o.oneOf("severity", true, "", SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical)
	p.Detection = o.str("detection", true)
	p.Down = d.decodeDown(o.get("down", true))
	p.Fallbacks = d.decodeFallbacks(o.get("fallbacks", true))
	p.Speaker = o.ref("spokesperson", true)
	p.Approver = o.ref("approver", true)
	p.Variables = d.decodeVariables(o.list("variables", false))
	p.Steps = d.decodeSteps(o.list("steps", true))
	p.Updates = d.decodeCadences(o.get("updates", true))
	p.FollowUp = d.decodeSteps(o.list("follow_up", false))
	p.Drill = d.decodeDrill(o.get("drill", false))
}

// decodeSteps decodes a list of steps into a slice of its size: a step is
// large, and growing the slice copied each one several times.
func (d *decoder) decodeSteps(list []*yaml.Node) []Step {
	if len(list) == 0 {
		return nil
	}
	steps := make([]Step, 0, len(list))
	for _, n := range list {
		steps = append(steps, d.decodeStep(n))
	}
	return steps
}

func (d *decoder) decodeDown(n *yaml.Node) Down {
	o := d.object(n, "down", "channels", "domains")
	down := Down{Channels: o.refs("channels", false), Domains: o.refs("domains", false)}
	if n != nil && n.Kind == yaml.MappingNode && len(down.Channels)+len(down.Domains) == 0 {
		d.report(n, RuleMissing, say("loader.down-empty", nil), say("loader.down-empty.hint", nil))
	}
	return down
}

// decodeFallbacks keeps the audiences in the order written: the order is
// part of the plan (who is reached first).
func (d *decoder) decodeFallbacks(n *yaml.Node) []Fallback {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.report(n, RuleType, say("loader.fallbacks", args{"Found": kindOf(n)}), say("loader.fallbacks.hint", nil))
		return nil
	}
	out := make([]Fallback, 0, len(n.Content)/2)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		aud := d.ref(k, "audience")
		if seen[aud.ID] {
			d.report(k, RuleDuplicate, say("loader.fallbacks-twice", args{"Audience": q(aud.ID)}), say("loader.fallbacks-twice.hint", nil))
			continue
		}
		seen[aud.ID] = true
		fb := Fallback{Audience: aud}
		if v.Kind != yaml.SequenceNode {
			d.report(v, RuleType, say("loader.fallback-list", args{"Audience": aud.ID, "Found": kindOf(v)}), say("loader.fallback-list.hint", args{"Audience": aud.ID}))
		} else {
			b := &d.blocks().refs
			start := reserve(b, len(v.Content), refBlock)
			for _, c := range v.Content {
				if r := d.ref(c, "channel"); r.ID != "" {
					*b = append(*b, r)
				}
			}
			fb.Channels = since(*b, start)
		}
		out = append(out, fb)
	}
	return out
}

var stepKeys = []string{"id", "title", "kind", "owner", "deadline", "instructions", "checklist", "announce", "approval", "from", "replies", "options"}

func (d *decoder) decodeStep(n *yaml.Node) Step {
	o := d.object(n, "a step", stepKeys...)
	s := Step{
		ID:           o.id("id"),
		Title:        o.str("title", true),
		Kind:         o.oneOf("kind", false, StepAction, StepAction, StepHolding, StepAllClear, StepGate, StepDecision),
		Owner:        o.ref("owner", true),
		Deadline:     o.duration("deadline", true),
		Instructions: o.str("instructions", false),
		Checklist:    o.strings("checklist"),
		Pos:          d.pos(n),
		At:           o.at(),
	}
	d.decodeGateStep(&o, &s)
	if list := o.list("announce", false); len(list) > 0 {
		s.Announce = make([]Announcement, 0, len(list))
		for _, a := range list {
			s.Announce = append(s.Announce, d.decodeAnnouncement(a))
		}
	}
	s.Replies = d.stepReplies(&o)
	d.decodeDecision(&o, &s)
	return s
}

func (d *decoder) decodeAnnouncement(n *yaml.Node) Announcement {
	o := d.object(n, "an announcement", "message", "audiences", "channels", "approval")
	return Announcement{
		Message:   o.ref("message", true),
		Audiences: o.refs("audiences", true),
		Channels:  o.refs("channels", true),
		Approval:  d.decodeGate(o.get("approval", false)),
		Pos:       d.pos(n),
	}
}

func (d *decoder) decodeDrill(n *yaml.Node) Drill {
	o := d.object(n, "drill", "injects")
	var dr Drill
	list := o.list("injects", false)
	if len(list) > 0 {
		dr.Injects = make([]Inject, 0, len(list)) // sized once
	}
	for _, in := range list {
		io := d.object(in, "an inject", "at", "event", "expect", "respond", "message", "channel", "market")
		inj := Inject{
			At:      io.duration("at", true),
			Event:   io.str("event", true),
			Expect:  io.str("expect", true),
			Respond: io.oneOf("respond", false, "decision", "decision", "reply"),
			Message: io.ref("message", false),
			Pos:     d.pos(in),
		}
		// Set one by one rather than through pointers to inj's fields,
		// which moved every inject to the heap before it was appended.
		inj.Channel = io.ref11("channel", "an inject's channel")
		inj.Market = io.ref11("market", "an inject's market")
		dr.Injects = append(dr.Injects, inj)
	}
	return dr
}

// ref11 reads an optional reference that format 1.1 added, reporting it
// in a 1.0 file (what names it there).
func (o *object) ref11(key, what string) Ref {
	if o.get(key, false) == nil || !o.d.since11(o.key(key), what) {
		return Ref{}
	}
	return o.ref(key, false)
}
