package runbook

import "github.com/crisis-cli/crisis/internal/journal"

// CheckRunID refuses what is not a run id before it is used in a path; the
// journal, which locks run folders, defines what a run id is.
func CheckRunID(id string) error { return journal.CheckRunID(id) }
