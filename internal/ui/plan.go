package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/plan"
)

// Severity styles a scenario's severity word as the manual writes it.
func Severity(th *Theme, sev string) string { return severity(th, sev, sev) }

// SeverityIn styles a scenario's severity, named in l's language when the
// catalogue has a word for it (the manual's own value otherwise).
func SeverityIn(th *Theme, l *lang.Localizer, sev string) string {
	word := sev
	if id := "show.severity." + sev; l.Has(id) {
		word = l.T(id, nil)
	}
	return severity(th, sev, word)
}

func severity(th *Theme, sev, word string) string {
	switch sev {
	case "critical", "high":
		return th.Error.Render(word)
	case "medium":
		return th.Warn.Render(word)
	}
	return th.Muted.Render(word)
}

// WritePlan prints a playbook at a glance, in the order a comms lead needs
// it: what happened, who leads, where to speak, then what to do; its
// headings and labels in l's language.
func WritePlan(w io.Writer, th *Theme, l *lang.Localizer, pl plan.Plan, width int) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s  %s  %s\n", th.Title.Render(pl.Title), th.Muted.Render(pl.ID), SeverityIn(th, l, pl.Severity))
	if d := strings.TrimSpace(pl.Detection); d != "" {
		if width > 0 {
			d = Reflow(d)
		}
		fmt.Fprintf(b, "%s\n", th.Muted.Render(d))
	}
	writeDown(b, th, l, pl.Down)
	writeLeads(b, th, l, pl.Leads)
	writeFallbacks(b, th, l, pl.Fallbacks)
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render(l.T("show.steps", nil)))
	writeSteps(b, th, l, pl.Steps)
	writeUpdates(b, th, l, pl.Cadences)
	if len(pl.FollowUp) > 0 {
		fmt.Fprintf(b, "\n%s %s\n", th.Heading.Render(l.T("show.follow-up", nil)), th.Muted.Render(l.T("show.follow-up-note", nil)))
		writeSteps(b, th, l, pl.FollowUp)
	}
	_, err := io.WriteString(w, th.Clean(Wrap(b.String(), width)))
	return err
}

func writeDown(b *strings.Builder, th *Theme, l *lang.Localizer, down []plan.Down) {
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render(l.T("show.down", nil)))
	if len(down) == 0 {
		fmt.Fprintf(b, "  %s\n", l.T("show.down-none", nil))
	}
	for _, d := range down {
		fmt.Fprintf(b, "  %s %s %s\n", th.Error.Render("✗"), d.Channel, th.Muted.Render("("+d.Name+"; "+d.Domain+")"))
	}
}

// writeLeads prints who is in charge, each with the contacts that work now.
func writeLeads(b *strings.Builder, th *Theme, l *lang.Localizer, leads []plan.Lead) {
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render(l.T("show.in-charge", nil)))
	for _, lead := range leads {
		fmt.Fprintf(b, "  %s %s\n", th.Bold.Render(roleLabel(lead.Role, lead.Title)+":"), personLine(th, l, lead.Person))
		for i, d := range lead.Deputies {
			fmt.Fprintf(b, "    %s %s\n", l.T("show.deputy", map[string]any{"N": i + 1}), personLine(th, l, d))
		}
	}
}

func personLine(th *Theme, l *lang.Localizer, p plan.Person) string {
	var up, down []string
	for _, c := range p.Contacts {
		if c.Up {
			up = append(up, Keep(via(l, c.Via)+" "+c.Value)) // dialled or typed whole
		} else {
			down = append(down, via(l, c.Via))
		}
	}
	s := p.Name
	if len(up) > 0 {
		s += " - " + strings.Join(up, ", ")
	} else {
		s += " - " + th.Error.Render(l.T("show.no-contact", nil))
	}
	if len(down) > 0 {
		s += th.Muted.Render(" (" + l.T("show.contacts-down", map[string]any{"Via": strings.Join(down, ", ")}) + ")")
	}
	return s
}

// writeFallbacks prints the channels per audience, best first.
func writeFallbacks(b *strings.Builder, th *Theme, l *lang.Localizer, fbs []plan.Fallback) {
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render(l.T("show.fallbacks", nil)))
	for _, f := range fbs {
		var names []string
		for i, c := range f.Channels {
			// A channel's rank, name and mark stay on one row: "5." at the
			// end of one row and its channel at the start of the next
			// reads as two entries.
			n := fmt.Sprintf("%d. %s", i+1, c.ID)
			if !c.Up {
				n += " " + th.Error.Render("("+l.T("show.channel-down", nil)+")")
			}
			names = append(names, Keep(n))
		}
		fmt.Fprintf(b, "  %-10s %s\n", f.Audience+":", strings.Join(names, "  "))
	}
}

func writeSteps(b *strings.Builder, th *Theme, l *lang.Localizer, steps []plan.Step) {
	for i, s := range steps {
		mark := ""
		switch s.Kind {
		case "holding":
			mark = th.Warn.Render(" [" + l.T("show.kind.holding", nil) + "]")
		case "all-clear":
			mark = th.OK.Render(" [" + l.T("show.kind.all-clear", nil) + "]")
		case "decision":
			mark = th.Warn.Render(" " + l.T("decision.mark", nil))
		}
		owner := s.Owner
		if s.OwnerName != "" {
			owner += " - " + s.OwnerName
		}
		fmt.Fprintf(b, "  %2d. %s %s%s\n", i+1, th.Accent.Render("T+"+s.DeadlineS), s.Title, mark)
		fmt.Fprintf(b, "      %s %s\n", th.Muted.Render(l.T("show.owner", nil)), owner)
		for _, a := range s.Announce {
			fmt.Fprintf(b, "      %s %s\n", th.Muted.Render(l.T("show.announce", nil)), l.T("show.announce-line",
				map[string]any{"Message": a.Message, "Audiences": strings.Join(a.Audiences, ", "), "Channels": strings.Join(a.Channels, ", ")}))
		}
		writeOptions(b, th, l, s)
	}
}
