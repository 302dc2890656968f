package lint

import (
	"github.com/crisis-cli/crisis/internal/manual"
)

// The descriptions of variables are translated in format 1.1 (see
// internal/manual/vartext.go): a playbook's in its translation file, the
// manual's in playbooks/manual.LOCALE.yaml. CR306 asks for them of a
// source written in 1.1, which can have them translated; CR307 reports
// them stale as it does a step's texts.

// withManualTexts runs a playbook check over every playbook, then a check
// of the manual file's own texts: one rule, both kinds of file.
func withManualTexts(playbook, manualFile func(*Context)) func(*Context) {
	return func(c *Context) {
		for _, p := range c.Manual.Playbooks {
			c.Playbook = p
			playbook(c)
		}
		c.Playbook = nil
		manualFile(c)
	}
}

// missingVarTexts reports, at each declaration, a description t does not
// translate into loc.
func missingVarTexts(c *Context, vars []manual.Variable, t *manual.Translation, loc string) {
	if !translatesVariables(c.Manual) {
		return
	}
	for _, v := range vars {
		if v.Description == "" {
			continue
		}
		if vt := t.Variables[v.Name]; vt == nil || vt.Description == "" {
			c.Report(v.Pos, "lint.CR306.variable", "lint.CR306.hint", args{"Variable": v.Name, "Locale": loc,
				"File": t.File, "Default": c.Manual.Locales.Default})
		}
	}
}

// checkManualVarTexts is CR306 for the manual's variables, in a 1.1
// manual that translates its playbooks.
func checkManualVarTexts(c *Context) {
	m := c.Manual
	if m.Format != manual.Format11 || !translatesVariables(m) || !describes(m.Variables) {
		return
	}
	eachManualTranslation(c, orTop(m.At.Get("variables"), m.File), "lint.CR306.manualfile", func(loc string, t *manual.Translation) {
		missingVarTexts(c, m.Variables, t, loc)
	})
}

// describes tells whether any of vars has a description to translate.
func describes(vars []manual.Variable) bool {
	for _, v := range vars {
		if v.Description != "" {
			return true
		}
	}
	return false
}

// checkManualVarStale is CR307 for the manual's variables.
func checkManualVarStale(c *Context) {
	for _, t := range c.Manual.Translations {
		if t.Playbook == manual.ManualID && t.Locale != c.Manual.Locales.Default {
			staleVarTexts(c, c.Manual.File, c.Manual.Variables, t)
		}
	}
}

// staleVarTexts reports, at the translation, each description whose hash
// is not that of the description declared in file.
func staleVarTexts(c *Context, file string, vars []manual.Variable, t *manual.Translation) {
	for _, v := range vars {
		vt := t.Variables[v.Name]
		if vt == nil {
			continue
		}
		data := args{"Variable": v.Name, "Locale": t.Locale, "File": file, "Default": c.Manual.Locales.Default, "Hash": v.TextHash()}
		reportHash(c, vt.Pos, vt.Hash, v.TextHash(), "lint.CR307.nohash.variable", "lint.CR307.stale.variable", data)
	}
}

// translatesVariables tells a manual that translates variables' descriptions
// somewhere: as with playbooks, one such translation makes every one of
// them checked, and a manual that translates none is not flagged. A
// translation of the manual file that gives only its own texts (roles,
// channels ...) translates no description.
func translatesVariables(m *manual.Manual) bool {
	for _, t := range m.Translations {
		if len(t.Variables) > 0 || (t.Playbook == manual.ManualID && len(t.Texts) == 0) {
			return true
		}
	}
	return false
}
