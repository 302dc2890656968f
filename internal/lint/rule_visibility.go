package lint

import (
	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR110", Severity: diag.Error, Scope: ScopePlaybook}, checkVisibility)
}

// checkVisibility reports a message for an internal audience announced on a
// public channel: anyone reading that channel reads what was written for
// staff. A channel is public when its kind publishes to anyone, or when
// one of the audiences it reaches is public.
func checkVisibility(c *Context) {
	m := c.Manual
	for a := range announcements(c.Playbook) {
		internal := ""
		for _, aud := range a.ann.Audiences {
			if !m.Public(aud.ID) {
				internal = aud.ID
				break
			}
		}
		if internal == "" {
			continue
		}
		for _, ref := range a.ann.Channels {
			ch := m.Channel(ref.ID)
			if ch == nil {
				continue
			}
			data := args{"Message": a.ann.Message.ID, "Audience": internal, "Channel": ch.ID, "Kind": ch.Kind}
			if channel.PublicBroadcast(ch.Kind) {
				c.Report(ref.Pos, "lint.CR110.kind", "lint.CR110.hint", data)
			} else if pub := publicAudience(m, ch); pub != "" {
				data["Public"] = pub
				c.Report(ref.Pos, "lint.CR110.audience", "lint.CR110.hint", data)
			}
		}
	}
}

// publicAudience is the first public audience a channel reaches, "" when
// it reaches only internal ones.
func publicAudience(m *manual.Manual, ch *manual.Channel) string {
	for _, a := range ch.Audiences {
		if m.Public(a.ID) {
			return a.ID
		}
	}
	return ""
}
