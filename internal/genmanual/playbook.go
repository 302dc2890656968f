package genmanual

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"
)

// playbookID names the i-th playbook (0-based): outage-0001-facebook.
func playbookID(i int) string {
	s := scenarios[i%len(scenarios)]
	return fmt.Sprintf("%s-%04d-%s", s.category, i+1, s.key)
}

// isDown reports whether a channel is unusable in the scenario.
func (s scenario) isDown(c channel) bool {
	return slices.Contains(s.down, c.id) || slices.Contains(s.domains, c.domain)
}

// correlated reports whether a channel shares its provider with a channel
// that is down: it would fail with it, so it is no fallback.
func (s scenario) correlated(c channel) bool {
	for _, id := range s.down {
		if channelByID(id).domain == c.domain {
			return true
		}
	}
	return false
}

// fallbacks lists, per audience, the channels still up and independent of
// what is down, best first.
func (s scenario) fallbacks() [][2]any {
	var out [][2]any
	for _, a := range audiences {
		var ids []string
		for _, c := range channels {
			if slices.Contains(c.audiences, a.id) && !s.isDown(c) && !s.correlated(c) {
				ids = append(ids, c.id)
			}
		}
		if len(ids) > 0 {
			out = append(out, [2]any{a.id, ids})
		}
	}
	return out
}

func (s scenario) fallbackFor(aud string) []string {
	for _, f := range s.fallbacks() {
		if f[0] == aud {
			return f[1].([]string)
		}
	}
	return nil
}

// duration writes minutes the way a person would: 45m, 2h, 3d.
func duration(min int) string {
	switch {
	case min%(24*60) == 0:
		return strconv.Itoa(min/(24*60)) + "d"
	case min%60 == 0:
		return strconv.Itoa(min/60) + "h"
	}
	return strconv.Itoa(min) + "m"
}

// playbookRand gives each playbook its own stream, so playbook i is the same
// whatever -playbooks says.
func playbookRand(i int) *rand.Rand { return rand.New(rand.NewPCG(seed, uint64(i)+1)) }

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func announce(message string, audience string, chans []string) *yaml.Node {
	return newMapping().str("message", message).ids("audiences", audience).ids("channels", chans...).node
}

func firstN(list []string, n int) []string { return list[:min(n, len(list))] }

// playbookFile builds playbooks/<id>.yaml for the i-th playbook.
func playbookFile(i int) ([]byte, error) {
	r := playbookRand(i)
	s := scenarios[i%len(scenarios)]
	place, ctx := pick(r, places), pick(r, contexts)

	m := newMapping().raw("crisis", "1").str("kind", "playbook").
		str("title", fmt.Sprintf("%s (%s, %s)", s.title, place, ctx)).
		str("severity", pick(r, s.severity)).
		str("detection", fmt.Sprintf("%s\nConfirm it for more than %d minutes before opening the incident.\n", s.detection, 3+r.IntN(8)))
	down := newMapping()
	if len(s.down) > 0 {
		down.ids("channels", s.down...)
	}
	if len(s.domains) > 0 {
		down.ids("domains", s.domains...)
	}
	m.set("down", down.node)
	fb := newMapping()
	for _, f := range s.fallbacks() {
		fb.ids(f[0].(string), f[1].([]string)...)
	}
	m.set("fallbacks", fb.node)
	m.str("spokesperson", "spokesperson").str("approver", "approver")
	m.set("variables", variablesNode([]variable{{"affected_area", "Stores, region or service affected, as staff know it", place, "40", "", true}}))

	customers, staff, press := s.fallbackFor("customers"), s.fallbackFor("staff"), s.fallbackFor("press")
	var steps []*yaml.Node
	confirm := 3 + r.IntN(6)
	holding := confirm + 2 + r.IntN(15-confirm-1) // at most first_response, 15m
	steps = append(steps, newMapping().str("id", "confirm").str("title", "Confirm the incident and open it").
		str("owner", ownerFor(s)).raw("deadline", duration(confirm)).
		str("instructions", "Check from two networks that it fails, then call the spokesperson and the approver on the phone.\n").
		set("checklist", strList("Failure confirmed from two networks", "Spokesperson and approver called", "Incident opened: crisis run "+playbookID(i))).node)

	var hold []*yaml.Node
	hold = append(hold, announce(s.key+"-holding", "customers", firstN(customers, 2+r.IntN(3))))
	if s.key == "stores" {
		hold = append(hold, announce("stores-closed", "customers", firstN(customers, 3)))
	}
	if len(staff) > 0 {
		hold = append(hold, announce(s.key+"-staff", "staff", staff))
	}
	steps = append(steps, newMapping().str("id", "holding").str("title", "Send the holding message").str("kind", "holding").
		str("owner", "spokesperson").raw("deadline", duration(holding)).
		str("instructions", "Publish the holding message on every fallback channel. It says we know, we are on it, and where to follow us. Say nothing about causes.\n").
		set("announce", blockList(hold...)).node)

	// One to four actions, in pool order, with deadlines that grow.
	perm := r.Perm(len(middleSteps))[:1+r.IntN(4)]
	slices.Sort(perm)
	at := holding
	for _, k := range perm {
		d := middleSteps[k]
		at = (at+15+r.IntN(45))/5*5 + 5
		sm := newMapping().str("id", d.id).str("title", d.title).str("owner", d.owner).raw("deadline", duration(at)).
			str("instructions", d.instructions)
		if len(d.checklist) > 0 {
			sm.set("checklist", strList(d.checklist...))
		}
		if d.announce == "press" && len(press) > 0 {
			sm.set("announce", blockList(announce("press-contact", "press", press)))
		}
		steps = append(steps, sm.node)
	}
	clear := max(pick(r, []int{4, 6, 8, 12}), at/60+2) * 60
	steps = append(steps, newMapping().str("id", "all-clear").str("title", "Announce the all-clear").str("kind", "all-clear").
		str("owner", "spokesperson").raw("deadline", duration(clear)).
		str("instructions", "Check from two networks that everything works again before announcing it, then take the banner down.\n").
		set("announce", blockList(announce(s.key+"-all-clear", "customers", firstN(customers, 4)))).node)
	m.set("steps", blockList(steps...))

	m.set("updates", newMapping().raw("every", pick(r, []string{"30m", "45m", "60m", "90m"})).str("after", "holding").
		str("message", "update").ids("audiences", "customers").ids("channels", firstN(customers, 3)...).node)

	var follow []*yaml.Node
	for k := range 1 + r.IntN(len(followUps)) {
		f := followUps[k]
		follow = append(follow, newMapping().str("id", f.id).str("title", f.title).str("owner", f.owner).
			raw("deadline", f.deadline).set("checklist", strList(f.checklist...)).node)
	}
	m.set("follow_up", blockList(follow...))

	var injects []*yaml.Node
	inj := r.Perm(len(injectPool))[:2+r.IntN(2)]
	minute := 0
	for _, k := range inj {
		in := injectPool[k]
		minute += 3 + r.IntN(25)
		im := newMapping().raw("at", duration(minute)).str("event", in.event).str("expect", in.expect).str("respond", in.respond)
		if in.respond == "reply" {
			im.str("message", "reply-order")
		}
		injects = append(injects, im.node)
	}
	m.set("drill", newMapping().set("injects", blockList(injects...)).node)
	return encode(fmt.Sprintf("Playbook %s, generated by genmanual.", playbookID(i)), m)
}

// ownerFor is who notices the incident first.
func ownerFor(s scenario) string {
	switch s.key {
	case "facebook", "instagram", "x", "meta":
		return "community-manager"
	case "whatsapp", "sms", "email":
		return "customer-care"
	case "website", "payments":
		return "ecommerce"
	case "carrier":
		return "operations"
	case "stores":
		return "store-operations"
	}
	return "security"
}
