package lint

import (
	"github.com/crisis-cli/crisis/internal/manual"
)

// The manual file's own texts (role titles, people's roles, descriptions of
// audiences and failure domains, channel names) are translated in format
// 1.1 in playbooks/manual.LOCALE.yaml, beside its variables' descriptions
// (internal/manual/manualtext.go). CR306 asks for each of them in every
// supported locale once the manual translates any; CR307 reports a
// translation whose source changed, as for a step's texts.

// alsoManualOwnTexts runs check, then the check of the manual's own texts.
func alsoManualOwnTexts(check, own func(*Context)) func(*Context) {
	return func(c *Context) {
		check(c)
		own(c)
	}
}

// translatesOwnTexts tells a 1.1 manual that translates any of its own
// texts: a manual that translates none is written in one language on
// purpose and is not flagged.
func translatesOwnTexts(m *manual.Manual) bool {
	if m.Format != manual.Format11 {
		return false
	}
	for _, t := range m.Translations {
		if t.Playbook == manual.ManualID && len(t.Texts) > 0 {
			return true
		}
	}
	return false
}

// checkManualOwnTexts is CR306 for the manual's own texts: reported at the
// element whose text a supported locale lacks.
func checkManualOwnTexts(c *Context) {
	m := c.Manual
	if !translatesOwnTexts(m) {
		return
	}
	missing := "manualtext.missing-file"
	if translatesVariables(m) && describes(m.Variables) {
		missing = "" // checkManualVarTexts reports the missing file
	}
	eachManualTranslation(c, orTop(m.At.Get("roles"), m.File), missing, func(loc string, t *manual.Translation) {
		for _, s := range m.SourceTexts() {
			if s.Text == "" {
				continue
			}
			if mt := t.Texts[s.Section][s.ID]; mt == nil || mt.Text == "" {
				c.Report(s.Pos, "manualtext.missing", "lint.CR306.hint", args{"Section": s.Section, "ID": s.ID, "Key": s.Key,
					"Locale": loc, "File": t.File, "Default": m.Locales.Default})
			}
		}
	})
}

// checkManualOwnStale is CR307 for the manual's own texts: reported at
// the translation whose hash is not that of the text in the manual file.
func checkManualOwnStale(c *Context) {
	m := c.Manual
	for _, t := range m.Translations {
		if t.Playbook != manual.ManualID || t.Locale == m.Locales.Default || len(t.Texts) == 0 {
			continue
		}
		for _, s := range m.SourceTexts() {
			mt := t.Texts[s.Section][s.ID]
			if mt == nil {
				continue
			}
			data := args{"Section": s.Section, "ID": s.ID, "Key": s.Key, "Locale": t.Locale, "File": m.File,
				"Default": m.Locales.Default, "Hash": s.Hash()}
			reportHash(c, mt.Pos, mt.Hash, s.Hash(), "manualtext.nohash", "manualtext.stale", data)
		}
	}
}
