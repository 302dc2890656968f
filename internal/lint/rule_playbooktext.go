package lint

import (
	"fmt"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR306", Title: "A playbook text is missing in a supported locale", Severity: diag.Warning, Scope: ScopePlaybook,
		Rationale: "An operator reads a playbook in their own language when the manual has it, and otherwise in the manual's default locale. Once a manual translates its playbooks (playbooks/ID.LOCALE.yaml), every playbook must be translated into every supported locale, text by text: a step left out shows up in another language in the middle of a run, and an inject left out in the middle of a drill. A manual that translates no playbook at all is written in one language on purpose and is not flagged.",
		Bad:       "# fb-down.pl.yaml: the step all-clear is not translated\nsteps:\n  holding:\n    hash: sha1-...\n    title: Komunikat wstępny\n",
		Good:      "# fb-down.pl.yaml\nsteps:\n  holding:\n    hash: sha1-...\n    title: Komunikat wstępny\n  all-clear:\n    hash: sha1-...\n    title: Koniec awarii\n",
	}, checkPlaybookTexts)
	register(Meta{
		ID: "CR307", Title: "A playbook translation is stale: its source text changed since it was translated", Severity: diag.Warning, Scope: ScopePlaybook,
		Rationale: "Each group of a playbook translation (the title and detection, a step, an inject) carries hash: the SHA-1 of the source texts it was made from, in the same sha1- form as messages (see docs/format.md). When the source changes and the translation does not, operators of that locale follow the old instructions: a withdrawn step, a phone number no longer in use. A group without a hash cannot be checked at all.",
		Bad:       "# fb-down.pl.yaml, after the step's en title changed\nsteps:\n  holding:\n    hash: sha1-6ab6c9e1eae1a36cc8843e8a5bd2e7d7d2f6a1ff\n    title: Komunikat wstępny\n",
		Good:      "# fb-down.pl.yaml, re-translated, with the hash of the new en texts\nsteps:\n  holding:\n    hash: sha1-<hash crisis lint shows>\n    title: Pierwszy komunikat\n",
	}, checkPlaybookStale)
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
			c.Report(orTop(p.At["title"], p.File), fmt.Sprintf("translate it in %s/%s.%s.yaml; until then %s operators read it in %s", manual.PlaybooksDir, p.ID, loc, loc, m.Locales.Default),
				"playbook %s has no %s translation", p.ID, loc)
			continue
		}
		until := "; until then " + loc + " operators read it in " + m.Locales.Default
		missing := func(pos diag.Pos, what string) {
			c.Report(pos, "translate it in "+t.File+until, "%s has no %s text in %s", what, loc, t.File)
		}
		if t.Title == "" {
			missing(p.At["title"], "the title of "+p.ID)
		}
		if t.Detection == "" && p.Detection != "" {
			missing(p.At["detection"], "the detection of "+p.ID)
		}
		for _, group := range [][]manual.Step{p.Steps, p.FollowUp} {
			for _, s := range group {
				st := t.Steps[s.ID]
				switch {
				case st == nil:
					missing(s.Pos, "step "+s.ID)
					continue
				case st.Title == "":
					missing(s.At["title"], "the title of step "+s.ID)
				}
				if st.Instructions == "" && s.Instructions != "" {
					missing(s.At["instructions"], "the instructions of step "+s.ID)
				}
				if len(st.Checklist) != len(s.Checklist) {
					pos := s.At["checklist"]
					if pos.IsZero() { // the source has none, the translation has some
						pos = st.Pos
					}
					c.Report(pos, "translate every item, in the same order, in "+t.File+until,
						"the checklist of step %s has %s, its %s text in %s %d", s.ID, items(len(s.Checklist)), loc, t.File, len(st.Checklist))
				}
			}
		}
		for i, in := range p.Drill.Injects {
			what := fmt.Sprintf("the drill inject at %s", manual.FormatDuration(in.At))
			switch {
			case i >= len(t.Injects):
				missing(in.Pos, what)
			case t.Injects[i].Event == "" || t.Injects[i].Expect == "":
				missing(in.Pos, "the event or expected response of "+what)
			}
		}
	}
}

// items counts checklist items in words.
func items(n int) string {
	if n == 1 {
		return "1 item"
	}
	return fmt.Sprintf("%d items", n)
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
		check := func(pos diag.Pos, what, have, want string) {
			switch have {
			case want:
			case "":
				c.Report(pos, "check it against the "+m.Locales.Default+" text in "+p.File+", then add hash: "+want,
					"the translation of %s (%s) has no hash: whether it is up to date is unknown", what, t.Locale)
			default:
				c.Report(pos, "the "+m.Locales.Default+" text in "+p.File+" changed; update the translation, then set hash: "+want,
					"the translation of %s (%s) is stale: its source text changed", what, t.Locale)
			}
		}
		if t.Title != "" || t.Detection != "" {
			pos := t.At["hash"]
			for _, k := range []string{"title", "detection"} {
				if pos.IsZero() {
					pos = t.At[k]
				}
			}
			check(pos, "the title and detection of "+p.ID, t.Hash, p.HeaderHash())
		}
		for _, group := range [][]manual.Step{p.Steps, p.FollowUp} {
			for _, s := range group {
				if st := t.Steps[s.ID]; st != nil {
					check(st.Pos, "step "+s.ID, st.Hash, s.TextHash())
				}
			}
		}
		for i, in := range p.Drill.Injects {
			if i < len(t.Injects) {
				check(t.Injects[i].Pos, "the drill inject at "+manual.FormatDuration(in.At), t.Injects[i].Hash, in.TextHash())
			}
		}
	}
}
