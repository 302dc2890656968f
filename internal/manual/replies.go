package manual

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"gopkg.in/yaml.v3"
)

// Audience visibilities (1.1). An internal audience is the organisation's
// own people: what is written for them must not be published where
// anyone can read it.
const (
	VisibilityPublic   = "public"
	VisibilityInternal = "internal"
)

// Reply is one template of the manual's reply library (1.1): what the comms
// team drafts to answer one customer at a time (an apology, an order check),
// rendered during a run by `reply ID CHANNEL LOCALE`.
type Reply struct {
	ID          string
	Message     Ref // a message of templates/, with its channel variants
	Description string
	Pos         Pos
}

// Reply returns the reply of the library with the given id, or nil.
func (m *Manual) Reply(id string) *Reply {
	return first(m.Replies, func(v *Reply) bool { return v.ID == id })
}

// Public reports whether the audience is public: anyone may read what is
// written for it. An audience the manual does not declare is public, the
// cautious answer.
func (m *Manual) Public(audience string) bool {
	for _, a := range m.Audiences {
		if a.ID == audience {
			return a.Visibility != VisibilityInternal
		}
	}
	return true
}

func (d *decoder) decodeAudience(n *yaml.Node) Audience {
	o := d.object(n, "an audience", "id", "description", "visibility", "markets")
	a := Audience{ID: o.id("id"), Description: o.str("description", false), Visibility: VisibilityPublic, Markets: o.marketRefs(), Pos: d.pos(n)}
	if v := o.get("visibility", false); v != nil && d.since11(v, "an audience's visibility") {
		a.Visibility = o.oneOf("visibility", false, VisibilityPublic, VisibilityPublic, VisibilityInternal)
	}
	return a
}

// decodeReplies reads the manual's reply library.
func (d *decoder) decodeReplies(o *object) []Reply {
	n := o.get("replies", false)
	if n == nil || !d.since11(n, "the reply library (replies:)") {
		return nil
	}
	var out []Reply
	for _, rn := range o.list("replies", false) {
		ro := d.object(rn, "a reply", "id", "message", "description")
		out = append(out, Reply{
			ID:          ro.id("id"),
			Message:     ro.ref("message", true),
			Description: ro.str("description", false),
			Pos:         d.pos(rn),
		})
	}
	return out
}

// stepReplies reads a step's replies: the library entries its owner
// answers with, which make it an inbox step.
func (d *decoder) stepReplies(o *object) []Ref {
	if n := o.get("replies", false); n == nil || !d.since11(n, "a step's replies") {
		return nil
	}
	return o.refs("replies", false)
}

// resolveReplies checks the reply library (ids unique, each message
// declared) and every step's references to it.
func resolveReplies(m *Manual, ix indexes, diags *diag.List) {
	replies := newIndex("reply")
	for _, r := range m.Replies {
		replies.add(r.ID, r.Pos, diags)
		ix.messages.check(r.Message, diags)
	}
	// The manual file could not be read, or its library was refused (a
	// 1.0 file): that problem is reported, not every step's reference.
	_, refused := m.At.Lookup("replies")
	replies.unknown = m.At.Len() == 0 || (refused && m.Format != Format11)
	for _, p := range m.Playbooks {
		for _, group := range [][]Step{p.Steps, p.FollowUp} {
			for _, s := range group {
				replies.checkAll(s.Replies, diags)
			}
		}
	}
}
