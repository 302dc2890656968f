package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR402", Title: "A message uses a variable the playbook does not declare", Severity: diag.Error, Scope: ScopePlaybook,
		Rationale: "A variable must be declared, in the manual or in each playbook that sends the message, with a description and an example: that is what the comms lead is asked for when rendering. An undeclared variable stops the render when the message is due. organisation, start_date, start_time, next_update, update_minutes, update_note and state are provided by crisis.",
		Bad:       "# templates: other: \"Store {{.store_name}} is closed.\"\nannounce:\n  - message: store-closed   # store-closure.yaml declares no store_name\n",
		Good:      "variables:\n  - name: store_name\n    description: The store that is closed\n    example: Valencia Centro\n    max_length: 30\n",
	}, checkUndeclared)
}

// checkUndeclared reports, once per variable, at the first announcement of
// a message using it.
func checkUndeclared(c *Context) {
	m, p := c.Manual, c.Playbook
	reported := map[string]bool{}
	check := func(ref manual.Ref) {
		for _, v := range c.facts.vars[ref.ID] {
			if reported[v] || manual.IsBuiltinVariable(v) || m.Variable(p, v) != nil {
				continue
			}
			reported[v] = true
			c.Report(ref.Pos, "declare "+v+" under variables: in this playbook or in "+manual.ManualFile,
				"message %s uses {{.%s}}, which neither this playbook nor the manual declares", ref.ID, v)
		}
	}
	for a := range announcements(p) {
		check(a.ann.Message)
	}
	for _, in := range p.Drill.Injects {
		check(in.Message)
	}
}
