package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/plan"
)

// Severity styles a scenario's severity word.
func Severity(th *Theme, sev string) string {
	switch sev {
	case "critical", "high":
		return th.Error.Render(sev)
	case "medium":
		return th.Warn.Render(sev)
	}
	return th.Muted.Render(sev)
}

// WritePlan prints a playbook at a glance, in the order a comms lead needs
// it: what happened, who leads, where to speak, then what to do.
func WritePlan(w io.Writer, th *Theme, pl plan.Plan, width int) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s  %s  %s\n", th.Title.Render(pl.Title), th.Muted.Render(pl.ID), Severity(th, pl.Severity))
	if pl.Detection != "" {
		fmt.Fprintf(b, "%s\n", th.Muted.Render(strings.TrimSpace(pl.Detection)))
	}
	writeDown(b, th, pl.Down)
	WriteLeads(b, th, pl.Leads)
	WriteFallbacks(b, th, pl.Fallbacks)
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render("STEPS"))
	writeSteps(b, th, pl.Steps)
	if u := pl.Updates; u != nil {
		fmt.Fprintf(b, "\n%s every %s: %s on %s\n", th.Heading.Render("UPDATES"), u.Every, u.Message, strings.Join(u.Channels, ", "))
	}
	if len(pl.FollowUp) > 0 {
		fmt.Fprintf(b, "\n%s %s\n", th.Heading.Render("FOLLOW-UP"), th.Muted.Render("(deadlines from the all-clear)"))
		writeSteps(b, th, pl.FollowUp)
	}
	_, err := io.WriteString(w, th.Clean(Wrap(b.String(), width)))
	return err
}

func writeDown(b *strings.Builder, th *Theme, down []plan.Down) {
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render("DOWN"))
	if len(down) == 0 {
		fmt.Fprintln(b, "  (no channel of the manual)")
	}
	for _, d := range down {
		fmt.Fprintf(b, "  %s %s %s\n", th.Error.Render("✗"), d.Channel, th.Muted.Render("("+d.Name+"; "+d.Domain+")"))
	}
}

// WriteLeads prints who is in charge, each with the contacts that work now.
func WriteLeads(b *strings.Builder, th *Theme, leads []plan.Lead) {
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render("IN CHARGE"))
	for _, l := range leads {
		fmt.Fprintf(b, "  %s %s\n", th.Bold.Render(l.Role+":"), personLine(th, l.Person))
		for i, d := range l.Deputies {
			fmt.Fprintf(b, "    deputy %d: %s\n", i+1, personLine(th, d))
		}
	}
}

func personLine(th *Theme, p plan.Person) string {
	var up, down []string
	for _, c := range p.Contacts {
		if c.Up {
			up = append(up, Keep(c.Via+" "+c.Value)) // dialled or typed whole
		} else {
			down = append(down, c.Via)
		}
	}
	s := p.Name
	if len(up) > 0 {
		s += " - " + strings.Join(up, ", ")
	} else {
		s += " - " + th.Error.Render("no working contact")
	}
	if len(down) > 0 {
		s += th.Muted.Render(" (down: " + strings.Join(down, ", ") + ")")
	}
	return s
}

// WriteFallbacks prints the channels per audience, best first.
func WriteFallbacks(b *strings.Builder, th *Theme, fbs []plan.Fallback) {
	fmt.Fprintf(b, "\n%s\n", th.Heading.Render("FALLBACKS"))
	for _, f := range fbs {
		var names []string
		for i, c := range f.Channels {
			n := fmt.Sprintf("%d. %s", i+1, c.ID)
			if !c.Up {
				n += " " + th.Error.Render("(DOWN)")
			}
			names = append(names, n)
		}
		fmt.Fprintf(b, "  %-10s %s\n", f.Audience+":", strings.Join(names, "  "))
	}
}

func writeSteps(b *strings.Builder, th *Theme, steps []plan.Step) {
	for i, s := range steps {
		mark := ""
		switch s.Kind {
		case "holding":
			mark = th.Warn.Render(" [holding]")
		case "all-clear":
			mark = th.OK.Render(" [all-clear]")
		}
		owner := s.Owner
		if s.OwnerName != "" {
			owner += " - " + s.OwnerName
		}
		fmt.Fprintf(b, "  %2d. %s %s%s\n", i+1, th.Accent.Render("T+"+s.DeadlineS), s.Title, mark)
		fmt.Fprintf(b, "      %s %s\n", th.Muted.Render("owner:"), owner)
		for _, a := range s.Announce {
			fmt.Fprintf(b, "      %s %s to %s on %s\n", th.Muted.Render("announce:"), a.Message,
				strings.Join(a.Audiences, ", "), strings.Join(a.Channels, ", "))
		}
	}
}
