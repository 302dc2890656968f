package lint

import (
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

func init() {
	register(Meta{ID: "CR503", Severity: diag.Warning, Scope: ScopePlaybook}, checkDrillFit)
}

// checkDrillFit reports a text that fits its channel but no longer does
// once marked as a drill exercise: the mark counts in the channel's unit,
// and a non-GSM letter in it ([ĆWICZENIA]) turns a whole SMS into UCS-2. A
// drill would fail where the real incident would not, and trainees learn
// to trim texts that are right. Texts that do not fit at all are CR501's.
// A warning, not an error: the real incident's text fits and can be sent;
// it is the rehearsal that breaks (--strict makes it fail CI).
func checkDrillFit(c *Context) {
	eachFit(c, func(ref manual.Ref, name string, ch *manual.Channel, loc string, r *fitResult) {
		if r.ok && r.fits && !r.drillFits {
			c.Report(ref.Pos, "lint.CR503", "lint.CR503.hint",
				args{"Message": name, "Channel": ch.ID, "Kind": ch.Kind, "Locale": loc, "Mark": c.Manual.DrillMarkFor(loc, ch.Kind, ch.ID), "Problem": r.drillProblem})
		}
	})
	checkRegionalDrillFit(c)
}

// checkRegionalDrillFit measures the texts markets take from a regional
// catalogue (templates/es-PE.yaml) with the drill mark in front: eachFit
// measures each locale's own texts, which those markets do not read.
// Nothing is rendered again in a manual without regional catalogues.
func checkRegionalDrillFit(c *Context) {
	m, p := c.Manual, c.Playbook
	if !slices.ContainsFunc(m.Templates, m.IsRegional) {
		return
	}
	anns, ok := marketRenders(c)
	if !ok {
		return
	}
	for a := range announcements(p) {
		for _, ref := range a.ann.Channels {
			ch := m.Channel(ref.ID)
			if ch == nil || m.IsDown(p, ch.ID) {
				continue
			}
			prof, err := render.Profile(ch)
			if err != nil {
				continue
			}
			for _, r := range anns {
				if r.Region == "" || !r.Fits || r.Step != a.step || r.Message != a.ann.Message.ID || r.Channel != ch.ID {
					continue
				}
				res := message.Result{Text: r.Text, Subject: r.Subject, Header: r.Header, Footer: r.Footer}
				mark := m.DrillMarkFor(r.Locale, ch.Kind, ch.ID)
				res.MarkDrill(mark)
				if fits, problem := measure(prof, res); !fits {
					c.Report(ref.Pos, "lint.CR503", "lint.CR503.hint", args{"Message": r.Message, "Channel": ch.ID, "Kind": ch.Kind, "Locale": r.Locale,
						"Mark": mark, "Problem": problem + ", as read in " + strings.Join(r.Markets, ", ")})
				}
			}
		}
	}
}
