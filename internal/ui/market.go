package ui

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// readIn says, under a text's heading, which markets read it (format 1.1):
// its facts and times are theirs, and the operator sends it where they are.
func (v *RunView) readIn(s *runbook.Session, a render.Announcement) {
	if len(a.Markets) == 0 {
		return
	}
	names := make([]string, len(a.Markets))
	for i, id := range a.Markets {
		names[i] = id
		if mk := s.Manual.Market(id); mk != nil && mk.Name != "" {
			names[i] = mk.Name
		}
	}
	v.printf("%s\n", v.Th.Muted.Render(v.tr().N("markets.read-in", len(names), map[string]any{"Markets": strings.Join(names, ", ")})))
}
