package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/message"
)

func init() {
	register(Meta{ID: "CR401", Severity: diag.Error, Scope: ScopeManual}, checkSyntax)
}

// checkSyntax reports the forms that did not parse or were refused; facts
// parsed them all.
func checkSyntax(c *Context) {
	for _, e := range c.facts.parseErrs {
		c.reportTemplate(e.msg, e.form, e.err, "lint.CR401", "lint.CR401.hint", args{"Message": e.msg.ID, "Form": e.form, "Variables": "{{.name}}", "Control": "{{if}}/{{else}}/{{with}}", "Functions": message.FuncNames()})
	}
}
