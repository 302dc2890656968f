package ui

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// gateLine says, under a step's texts, what its approval gate (1.1)
// asks: pre-approved, or the approvals still needed.
func (v *RunView) gateLine(s *runbook.Session, b runbook.Batch, g *manual.Gate) string {
	if g.PreApproved {
		return v.t("gates.list.pre-approved", nil)
	}
	need := s.Needed(b.Step, b.Items[0].Message)
	if len(need) == 0 {
		return v.t("gates.list.approved", nil)
	}
	return v.t("gates.list.needs", map[string]any{"Needed": strings.Join(need, ", ")})
}
