package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

func init() {
	register(Meta{ID: "CR304", Severity: diag.Error, Scope: ScopeManual}, checkPlural)
}

// checkPlural checks the messages that are plural: those with a form
// besides other, or that use a count variable.
func checkPlural(c *Context) {
	counts := countVariables(c.Manual)
	for _, t := range c.Manual.Templates {
		need := message.Categories(t.Locale)
		// A regional text replaces a plural base text: it is given the
		// same count, and keeps every form its tag needs.
		base := c.Manual.RegionalBase(t.Locale)
		for _, msg := range t.Messages {
			bm := c.facts.lookup(base, msg.ID)
			if !isPlural(msg, c.facts.msgVars[msg], counts) && (bm == nil || !isPlural(bm, c.facts.msgVars[bm], counts)) {
				continue
			}
			var missing []string
			for _, cat := range need {
				if _, ok := msg.Forms[cat]; !ok {
					missing = append(missing, cat)
				}
			}
			if len(missing) > 0 {
				c.Report(msg.Pos, "lint.CR304", "lint.CR304.hint", args{"Message": msg.ID, "Locale": t.Locale,
					"Missing": strings.Join(missing, ", "), "Need": strings.Join(need, ", ")})
			}
		}
	}
}

func isPlural(msg *manual.Message, vs []string, counts map[string]bool) bool {
	if len(msg.Forms) > 1 {
		return true
	}
	return slices.ContainsFunc(vs, func(v string) bool { return counts[v] })
}

// countVariables are the variables that choose a plural form: every count
// variable declared anywhere, and the built-in update_minutes.
func countVariables(m *manual.Manual) map[string]bool {
	out := map[string]bool{"update_minutes": true}
	add := func(vs []manual.Variable) {
		for _, v := range vs {
			if v.Type == "count" {
				out[v.Name] = true
			}
		}
	}
	add(m.Variables)
	for _, p := range m.Playbooks {
		add(p.Variables)
	}
	return out
}
