package playbooks_test

import (
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// previewAt is the one instant the tests here render the example manual's
// texts at: a Thursday morning in November, when Spain, Portugal and
// Poland are on winter time and Peru is five hours behind UTC (in Lima the
// small hours).
var previewAt = time.Date(2026, 11, 26, 9, 33, 0, 0, time.UTC)

// atPreview is the clock of a run started at previewAt with its next
// update due then too: every time a text names is that instant, so each
// market's text shows it in its own zone.
var atPreview = render.Clock{Start: previewAt, NextUpdate: previewAt}

// preview renders p's texts as the preview shows them at previewAt: the
// manual's examples stand in for the values, and each text promises its
// cadence's first interval (render.PreviewClock).
func preview(t *testing.T, m *manual.Manual, cat *message.Catalog, p *manual.Playbook, opts render.Options) []render.Announcement {
	t.Helper()
	opts.Examples = true
	opts.Clock = render.PreviewClock(p, previewAt)
	anns, err := render.Playbook(m, cat, p, opts)
	if err != nil {
		t.Fatalf("%s: %v", p.ID, err)
	}
	return anns
}
