package lint

import (
	"errors"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{
		ID: "CR802", Title: "A drill inject's reply cannot be drafted", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "A reply inject shows the trainee a draft rendered from its message, in the drill's language, with the run's values and the declared examples for the rest. A draft that cannot be rendered stops the drill at that inject. Lint renders every reply in every locale exactly as `crisis drill` does, so a manual that lints clean drills through.",
		Bad:       "# templates: reply-order has only an sms variant; replies are drafted from the default one\ninjects:\n  - at: 3m\n    respond: reply\n    message: reply-order\n",
		Good:      "reply-order:\n  default:\n    other: \"Your order is safe; follow {{.status_url}}. Next update at {{.next_update}}.\"\n",
	}, checkReply)
}

// checkReply renders each reply inject's message as the drill drafts it,
// once per inject (at the first locale that fails). Undeclared variables
// and messages that exist nowhere are left to CR402 and the loader.
func checkReply(c *Context) {
	m, p, f := c.Manual, c.Playbook, c.facts
	if f.cat == nil {
		return
	}
	// As the drill drafts when the run gave no values: the declared
	// examples stand in, with the drill mark and a clock time.
	opts := render.Options{Examples: true, Drill: true, Clock: longestClock(m)}
	for _, in := range p.Drill.Injects {
		if in.Respond != "reply" || in.Message.ID == "" || !f.exists(in.Message.ID) {
			continue
		}
		for _, loc := range m.Locales.Supported {
			_, err := render.Message(m, f.cat, p, in.Message.ID, "default", loc, opts)
			var missing *message.MissingError
			if err == nil || errors.As(err, &missing) {
				continue
			}
			if errors.Is(err, message.ErrNoMessage) {
				c.Report(in.Message.Pos, "give "+in.Message.ID+" a default variant, or reply with another message",
					"the drill cannot draft the reply to the inject at %s: %s has no default text in %s, and replies are drafted from it",
					manual.FormatDuration(in.At), in.Message.ID, loc)
			} else {
				c.Report(in.Message.Pos, "correct the "+loc+" text of "+in.Message.ID+", or reply with another message",
					"the drill cannot draft the reply to the inject at %s: %v", manual.FormatDuration(in.At), err)
			}
			break
		}
	}
}

// exists reports whether any locale has the message.
func (f *facts) exists(name string) bool {
	for _, names := range f.names {
		if names[name] {
			return true
		}
	}
	return false
}
