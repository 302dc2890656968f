package lint

import (
	"errors"
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{ID: "CR804", Severity: diag.Error, Scope: ScopePlaybook}, checkReplyFit)
}

// checkReplyFit renders each reply an inbox step names as the run's reply
// command drafts it (render.Message, the run's values: here every declared
// value at its longest and the longest clock), for every channel through
// which the playbook reaches a public audience and that is up, in every
// locale, and measures it as CR501 measures announcements. Variables no
// one declares are CR402's; messages that exist nowhere, the loader's.
func checkReplyFit(c *Context) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if f.cat == nil {
		return
	}
	var chans []*manual.Channel
	for _, fb := range p.Fallbacks {
		if !m.Public(fb.Audience.ID) {
			continue
		}
		for _, ref := range fb.Channels {
			if ch := m.Channel(ref.ID); ch != nil && !m.IsDown(p, ch.ID) && !slices.Contains(chans, ch) {
				chans = append(chans, ch)
			}
		}
	}
	seen := map[string]bool{}
	for _, steps := range [][]manual.Step{p.Steps, p.FollowUp} {
		for _, s := range steps {
			for _, ref := range s.Replies {
				r := m.Reply(ref.ID)
				if r == nil || seen[r.ID] || !f.exists(r.Message.ID) {
					continue
				}
				seen[r.ID] = true
				checkOneReply(c, ref, r, chans)
			}
		}
	}
}

func checkOneReply(c *Context, ref manual.Ref, r *manual.Reply, chans []*manual.Channel) {
	m, p, f := c.Manual, c.Playbook, c.facts
	vars := map[string]string{}
	for _, name := range f.vars[r.Message.ID] {
		if m.Variable(p, name) != nil {
			vars[name] = worstText(m, p, name)
		}
	}
	opts := render.Options{Vars: vars, Examples: true, Clock: longestClock(m)}
	for _, loc := range m.Locales.Supported {
		for _, ch := range chans {
			prof, err := render.Profile(ch)
			if err != nil {
				continue // an unknown kind is the loader's
			}
			res, err := render.Message(m, f.cat, p, r.Message.ID, ch.Kind, loc, opts)
			var missing *message.MissingError
			data := args{"Reply": r.ID, "Message": r.Message.ID, "Channel": ch.ID, "Kind": ch.Kind, "Locale": loc}
			switch {
			case errors.As(err, &missing):
			case err != nil:
				data["Error"] = err.Error()
				c.Report(ref.Pos, "lint.CR804.error", "lint.CR804.error.hint", data)
			default:
				if fits, problem := measure(prof, res); !fits {
					data["Problem"] = problem
					c.Report(ref.Pos, "lint.CR804", "lint.CR804.hint", data)
				}
			}
		}
	}
}
