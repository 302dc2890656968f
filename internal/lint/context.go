package lint

import (
	"io/fs"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Context is what a rule sees: the manual, the playbook for playbook rules,
// the clock and the runs folder. Each job has its own Context, so rules
// may report without locking.
type Context struct {
	Manual   *manual.Manual
	Playbook *manual.Playbook // nil for manual-wide rules
	Now      time.Time
	Runs     fs.FS // the runs folder, nil when none is available

	facts   *facts
	sources *Sources
	meta    Meta
	sev     diag.Severity
	out     *diag.List
	fits    *fitCalls     // the worker's: CR501 and CR503 share one pass (rule_fit.go)
	used    *usedChannels // the worker's: the rules on channels that are down share one (usedchannels.go)
}

// Playbooks is the playbook of a playbook rule, or every playbook for a
// manual rule.
func (c *Context) Playbooks() []*manual.Playbook {
	if c.Playbook != nil {
		return []*manual.Playbook{c.Playbook}
	}
	return c.Manual.Playbooks
}
