package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/message"
)

func init() {
	register(Meta{
		ID: "CR401", Title: "A message template does not parse or uses what messages may not", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "A template that does not parse, or calls a function crisis does not provide, fails when the message is rendered: during the crisis. A manual arrives by pull request, so a template may also try what a message never needs: loop a billion times, call another template, pad with printf. Templates may use variables ({{.name}}), {{if}}/{{else}}/{{with}}, and the functions upper, lower, title, default and trim; nothing else.",
		Bad:       "holding:\n  default:\n    other: \"{{uper .platform}} is down {{range 1000000000}}!{{end}}\"\n",
		Good:      "holding:\n  default:\n    other: \"{{upper .platform}} is down.\"\n",
	}, checkSyntax)
}

// checkSyntax reports the forms that did not parse or were refused; facts
// parsed them all.
func checkSyntax(c *Context) {
	for _, e := range c.facts.parseErrs {
		c.reportTemplate(e.msg, e.form, e.err, "templates may use "+message.Allowed(), "message %s, form %s: %s", e.msg.ID, e.form)
	}
}
