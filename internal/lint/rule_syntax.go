package lint

import (
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/message"
)

func init() {
	register(Meta{
		ID: "CR401", Title: "A message template has a syntax error", Severity: diag.Error, Scope: ScopeManual,
		Rationale: "A template that does not parse, or calls a function crisis does not provide, fails when the message is rendered: during the crisis. Templates are Go text/template with the functions upper, lower, title, default and trim.",
		Bad:       "holding:\n  default:\n    other: \"{{uper .platform}} is down {{.status_url}\"\n",
		Good:      "holding:\n  default:\n    other: \"{{upper .platform}} is down {{.status_url}}\"\n",
	}, checkSyntax)
}

// checkSyntax reports the forms that did not parse; facts parsed them all.
func checkSyntax(c *Context) {
	var names []string
	for _, f := range message.FuncDocs {
		names = append(names, f.Name)
	}
	for _, e := range c.facts.parseErrs {
		c.Report(e.msg.FormPos[e.form], "templates may call "+strings.Join(names, ", ")+"; variables are written {{.name}}",
			"message %s, form %s: %s", e.msg.ID, e.form, templateError(e.err))
	}
}

// templateError drops text/template's "template: :1:" prefix, keeping the
// line within the text when it is not the first.
func templateError(err error) string {
	s := strings.TrimPrefix(err.Error(), "template: ")
	s = strings.TrimPrefix(s, ":")
	line, rest, ok := strings.Cut(s, ": ")
	if !ok {
		return s
	}
	if line == "1" {
		return rest
	}
	if strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return "line " + line + " of the text: " + rest
	}
	return s
}
