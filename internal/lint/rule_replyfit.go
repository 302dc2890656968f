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
// command drafts it (render.Reply, the run's values: here every declared
// value at its longest and the longest clock), for every channel through
// which the playbook reaches a public audience and that is up, in every
// locale and for every market the channel reaches there (with that
// market's facts), and measures it as CR501 measures announcements. Variables no
// one declares are CR402's; messages that exist nowhere, the loader's.
func checkReplyFit(c *Context) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if f.cat == nil {
		return
	}
	if !slices.ContainsFunc(p.Steps, hasReplies) && !slices.ContainsFunc(p.FollowUp, hasReplies) {
		return // most playbooks: no channel list to build
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

func hasReplies(s manual.Step) bool { return len(s.Replies) > 0 }

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
			// Once per market the channel reaches, with its facts and
			// clock, as the run's reply --market drafts it. A text that
			// fails alike for two markets (the same error at the same
			// place: the finding names no market) is reported once.
			var failed []string
			for _, mk := range render.ReplyMarkets(m, ch, loc) {
				opts.Market = mk
				a, err := render.Reply(m, f.cat, p, r, ch, loc, opts)
				var missing *message.MissingError
				data := args{"Reply": r.ID, "Message": r.Message.ID, "Channel": ch.ID, "Kind": ch.Kind, "Locale": loc, "Market": mk}
				switch {
				case errors.As(err, &missing), c.reversedByExamples(p, err): // CR405 reports reversed examples
				case err != nil:
					if slices.Contains(failed, err.Error()) {
						continue
					}
					failed = append(failed, err.Error())
					data["Error"] = wordsOf(err)
					c.Report(ref.Pos, "lint.CR804.error", "lint.CR804.error.hint", data)
				default:
					if fits, problem := measure(prof, message.Result{Text: a.Text, Subject: a.Subject}); !fits {
						data["Problem"] = problem
						id := "lint.CR804"
						if mk != "" {
							id = "lint.CR804.market"
						}
						c.Report(ref.Pos, id, "lint.CR804.hint", data)
					}
				}
			}
		}
	}
}
