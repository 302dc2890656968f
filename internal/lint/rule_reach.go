package lint

import (
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{ID: "CR103", Severity: diag.Error, Scope: ScopePlaybook}, checkReach)
}

// checkReach reports each audience that loses a channel in the scenario and
// has no fallback channel that is up.
func checkReach(c *Context) {
	m, p := c.Manual, c.Playbook
	for _, a := range m.Audiences {
		lost := lostChannel(m, p, a.ID)
		if lost == "" {
			continue
		}
		i := slices.IndexFunc(p.Fallbacks, func(f manual.Fallback) bool { return f.Audience.ID == a.ID })
		if i < 0 {
			c.Report(atOr(p.At, "fallbacks", p.Pos), "lint.CR103.none", "lint.CR103.none.hint", args{"Audience": a.ID, "Channel": lost})
			continue
		}
		fb := p.Fallbacks[i]
		if !slices.ContainsFunc(fb.Channels, func(r manual.Ref) bool { return m.Channel(r.ID) != nil && !m.IsDown(p, r.ID) }) {
			c.Report(fb.Audience.Pos, "lint.CR103.down", "lint.CR103.down.hint", args{"Audience": a.ID, "Channel": lost})
		}
	}
}

// lostChannel names a channel serving the audience that is down in p, or "".
func lostChannel(m *manual.Manual, p *manual.Playbook, audience string) string {
	for _, ch := range m.DownChannels(p) {
		if slices.ContainsFunc(ch.Audiences, func(r manual.Ref) bool { return r.ID == audience }) {
			return ch.ID
		}
	}
	return ""
}

// atOr is the position of a key's value, else def.
func atOr(at manual.Positions, key string, def diag.Pos) diag.Pos {
	if p, ok := at.Lookup(key); ok {
		return p
	}
	return def
}
