package lint

import (
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	// Manual-wide: the manual's variables are translated too (vartext.go),
	// and its own texts (rule_manualtext.go).
	register(Meta{ID: "CR306", Severity: diag.Warning, Scope: ScopeManual},
		withManualTexts(checkPlaybookTexts, alsoManualOwnTexts(checkManualVarTexts, checkManualOwnTexts)))
	register(Meta{ID: "CR307", Severity: diag.Warning, Scope: ScopeManual},
		withManualTexts(checkPlaybookStale, alsoManualOwnTexts(checkManualVarStale, checkManualOwnStale)))
}

// translatesPlaybooks tells a manual that translates its playbooks: one
// translation file anywhere makes every playbook's completeness checked.
func translatesPlaybooks(m *manual.Manual) bool { return len(m.Translations) > 0 }

// checkPlaybookTexts reports, at the source text, what a supported
// locale's translation lacks: the whole file, a step, an inject, or one
// of their texts.
func checkPlaybookTexts(c *Context) {
	m, p := c.Manual, c.Playbook
	if !translatesPlaybooks(m) {
		return
	}
	for _, loc := range m.Locales.Supported {
		if loc == m.Locales.Default {
			continue
		}
		t := p.Translation(loc)
		if t == nil {
			c.Report(orTop(p.At.Get("title"), p.File), "lint.CR306.file", "lint.CR306.hint", args{"Playbook": p.ID, "Locale": loc,
				"File": manual.PlaybooksDir + "/" + p.ID + "." + loc + ".yaml", "Default": m.Locales.Default})
			continue
		}
		// missing reports one text the translation lacks; message names it.
		missing := func(pos diag.Pos, message string, data args) {
			data["Playbook"], data["Locale"], data["File"], data["Default"] = p.ID, loc, t.File, m.Locales.Default
			c.Report(pos, message, "lint.CR306.hint", data)
		}
		if t.Title == "" {
			missing(p.At.Get("title"), "lint.CR306.playbooktitle", args{})
		}
		if t.Detection == "" && p.Detection != "" {
			missing(p.At.Get("detection"), "lint.CR306.detection", args{})
		}
		for _, group := range [][]manual.Step{p.Steps, p.FollowUp} {
			for _, s := range group {
				st := t.Steps[s.ID]
				switch {
				case st == nil:
					missing(s.Pos, "lint.CR306.step", args{"Step": s.ID})
					continue
				case st.Title == "":
					missing(s.At.Get("title"), "lint.CR306.steptitle", args{"Step": s.ID})
				}
				if st.Instructions == "" && s.Instructions != "" {
					missing(s.At.Get("instructions"), "lint.CR306.instructions", args{"Step": s.ID})
				}
				for _, o := range s.Options { // a decision's (format 1.1)
					if st.Options[o.ID] == "" {
						missing(atOr(o.At, "title", o.Pos), "lint.CR306.option", args{"Step": s.ID, "Option": o.ID})
					}
				}
				if len(st.Checklist) != len(s.Checklist) {
					pos := s.At.Get("checklist")
					if pos.IsZero() { // the source has none, the translation has some
						pos = st.Pos
					}
					c.Report(pos, "lint.CR306.checklist", "lint.CR306.checklist.hint", args{"Step": s.ID,
						"Count": len(s.Checklist), "Translated": len(st.Checklist), "Locale": loc, "File": t.File, "Default": m.Locales.Default})
				}
			}
		}
		for i, in := range p.Drill.Injects {
			switch at := manual.FormatDuration(in.At); {
			case i >= len(t.Injects):
				missing(in.Pos, "lint.CR306.inject", args{"At": at})
			case t.Injects[i].Event == "" || t.Injects[i].Expect == "":
				missing(in.Pos, "lint.CR306.injecttexts", args{"At": at})
			}
		}
		if p.Format == manual.Format11 {
			missingVarTexts(c, p.Variables, t, loc)
		}
	}
}

// orTop is pos, or the top of file when pos is unknown.
func orTop(pos diag.Pos, file string) diag.Pos {
	if pos.IsZero() {
		return diag.Pos{File: file, Line: 1, Col: 1}
	}
	return pos
}

// checkPlaybookStale reports, at the translation, each group of texts
// whose hash is not that of the source texts, as CR303 does for messages.
func checkPlaybookStale(c *Context) {
	m, p := c.Manual, c.Playbook
	for _, t := range p.Translations {
		// check reports one group of texts: nohash and stale are the
		// messages naming it, data fills them.
		check := func(pos diag.Pos, nohash, stale string, data args, have, want string) {
			data["Playbook"], data["Locale"], data["File"], data["Default"], data["Hash"] = p.ID, t.Locale, p.File, m.Locales.Default, want
			reportHash(c, pos, have, want, nohash, stale, data)
		}
		if t.Title != "" || t.Detection != "" {
			pos := t.At.Get("hash")
			for _, k := range []string{"title", "detection"} {
				if pos.IsZero() {
					pos = t.At.Get(k)
				}
			}
			check(pos, "lint.CR307.nohash.header", "lint.CR307.stale.header", args{}, t.Hash, p.HeaderHash())
		}
		for _, group := range [][]manual.Step{p.Steps, p.FollowUp} {
			for _, s := range group {
				if st := t.Steps[s.ID]; st != nil {
					check(st.Pos, "lint.CR307.nohash.step", "lint.CR307.stale.step", args{"Step": s.ID}, st.Hash, s.TextHash())
				}
			}
		}
		for i, in := range p.Drill.Injects {
			if i < len(t.Injects) {
				check(t.Injects[i].Pos, "lint.CR307.nohash.inject", "lint.CR307.stale.inject", args{"At": manual.FormatDuration(in.At)},
					t.Injects[i].Hash, in.TextHash())
			}
		}
		staleVarTexts(c, p.File, p.Variables, t)
	}
}

// reportHash is CR307's verdict on one translation: silent when its hash
// have is that of the source text (want), else the nohash or the stale
// message at pos, with the hint that says how to refresh it.
func reportHash(c *Context, pos diag.Pos, have, want, nohash, stale string, data args) {
	switch have {
	case want:
	case "":
		c.Report(pos, nohash, "lint.CR307.nohash.hint", data)
	default:
		c.Report(pos, stale, "lint.CR307.stale.hint", data)
	}
}
