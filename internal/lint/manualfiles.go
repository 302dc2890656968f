package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

// eachManualTranslation walks the manual's supported locales other than
// the default, as CR306 checks the texts of playbooks/manual.yaml: found
// gets the locale's manual.LOCALE.yaml; a locale without one is reported
// once, at at, with message id missing; an empty missing leaves that
// report to another rule.
func eachManualTranslation(c *Context, at diag.Pos, missing string, found func(loc string, t *manual.Translation)) {
	m := c.Manual
	for _, loc := range m.Locales.Supported {
		if loc == m.Locales.Default {
			continue
		}
		if t := m.ManualTranslation(loc); t != nil {
			found(loc, t)
			continue
		}
		if missing == "" {
			continue
		}
		c.Report(at, missing, "lint.CR306.hint", args{"Locale": loc,
			"File": manual.PlaybooksDir + "/" + manual.ManualID + "." + loc + ".yaml", "Default": m.Locales.Default})
	}
}
