// Package lint checks a loaded crisis manual for what would fail during a
// crisis: fallbacks that die with the channel they replace, audiences left
// without a channel, leads nobody can reach, messages missing in a locale or
// too long for their channel, steps in the wrong order, an expired approval.
//
// Every check is a Rule with a stable id (CR101 ...), a default severity, a
// title, a rationale and a bad and a good example; the registry (Rules)
// feeds `crisis lint --explain`, `--list-rules`, SARIF's rules[] and the
// generated docs/rules.md. The loader's own problems (CR001-CR008) are
// registered too, so every id a user sees can be explained.
//
// Check runs the rules on every core: one job per playbook for the rules
// that look at one scenario, one job per manual-wide rule. Rules never share
// mutable state; each job appends to its own list and the lists are merged
// and sorted at the end, so output does not depend on scheduling.
//
// Findings can be suppressed in the files themselves with a comment on the
// finding's line or the line above:
//
//	# crisis:ignore CR101 -- the status page is hosted apart on purpose
//
// A suppression needs a reason, and one that suppresses nothing is itself
// reported, so stale suppressions do not pile up.
package lint
