package ui

import (
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/plan"
)

// writeUpdates shows the playbook's cadences: one line for a 1.0 playbook's
// single cadence, as always; one line per cadence, named, for several, with
// its later phases and whether a change of state also makes it due.
func writeUpdates(b *strings.Builder, th *Theme, l *lang.Localizer, ups []plan.Updates) {
	for i, u := range ups {
		every := u.Every
		for j := 1; j < len(u.Phases); j++ {
			every = l.T("cadence.then", map[string]any{"Every": every, "For": u.Phases[j-1].For, "Then": u.Phases[j].Every})
		}
		line := l.T("show.updates-every", map[string]any{"Every": every, "Message": u.Message, "Channels": strings.Join(u.Channels, ", ")})
		if u.OnChange {
			line += "; " + l.T("cadence.on-change", nil)
		}
		if u.ID != "" {
			line = u.ID + ": " + line
		}
		if i == 0 {
			fmt.Fprintf(b, "\n%s %s\n", th.Heading.Render(l.T("show.updates", nil)), line)
		} else {
			fmt.Fprintf(b, "  %s\n", line)
		}
	}
}
