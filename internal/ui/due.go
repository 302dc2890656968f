package ui

import (
	"time"

	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// dueLines say, under an update round's heading, which cadence each text
// keeps and when it fell due (or falls due, when offered ahead of time),
// then when each other cadence is due: one line per cadence.
func (v *RunView) dueLines(s *runbook.Session, b runbook.Batch) {
	at := func(d runbook.CadenceDue) time.Time { return d.At.In(s.Manual.Location) }
	for _, d := range b.Due {
		args := message.WithClock(map[string]any{"Cadence": d.Name()}, at(d))
		switch {
		case d.At.IsZero():
			continue
		case d.Change:
			v.printf("  %s\n", v.t("due.change", args))
		case d.At.After(s.Now()):
			v.printf("  %s\n", v.Th.Warn.Render(v.t("due.early", args)))
		default:
			v.printf("  %s\n", v.t("due.now", args))
		}
	}
	for _, d := range b.Later {
		v.printf("  %s\n", v.Th.Muted.Render(v.t("due.later", message.WithClock(map[string]any{"Cadence": d.Name()}, at(d)))))
	}
}
