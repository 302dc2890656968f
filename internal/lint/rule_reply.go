package lint

import (
	"errors"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{ID: "CR802", Severity: diag.Error, Scope: ScopePlaybook}, checkReply)
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
				c.Report(in.Message.Pos, "lint.CR802.nodefault", "lint.CR802.nodefault.hint",
					args{"At": manual.FormatDuration(in.At), "Message": in.Message.ID, "Locale": loc})
			} else {
				c.Report(in.Message.Pos, "lint.CR802.error", "lint.CR802.error.hint",
					args{"At": manual.FormatDuration(in.At), "Message": in.Message.ID, "Locale": loc, "Error": err.Error()})
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
