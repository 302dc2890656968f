package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/ui"
)

// playbookSummary is one line of `crisis list`.
type playbookSummary struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Severity     string   `json:"severity"`
	Down         []string `json:"down"`
	DownChannels []string `json:"down_channels"`
	DownDomains  []string `json:"down_domains"`
	File         string   `json:"file"`
}

func summarize(p *manual.Playbook) playbookSummary {
	s := playbookSummary{ID: p.ID, Title: p.Title, Severity: p.Severity, File: p.File,
		Down: []string{}, DownChannels: []string{}, DownDomains: []string{}}
	for _, d := range p.Down.Domains {
		s.DownDomains = append(s.DownDomains, d.ID)
		s.Down = append(s.Down, d.ID)
	}
	for _, c := range p.Down.Channels {
		s.DownChannels = append(s.DownChannels, c.ID)
		s.Down = append(s.Down, c.ID)
	}
	return s
}

// downNames is what a playbook's summary says is down as a person reads
// it: each channel by its name in m (the manual in the operator's
// language) where the manual names it, each failure domain by its id.
func downNames(m *manual.Manual, s playbookSummary) []string {
	out := slices.Clone(s.Down)
	for i, id := range out {
		if c := m.Channel(id); c != nil && c.Name != "" && slices.Contains(s.DownChannels, id) {
			out[i] = c.Name
		}
	}
	return out
}

func newListCmd(app *App) *cobra.Command {
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "list",
		Short: "cli.list.short",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, diags, err := app.Manual()
			if err != nil {
				return err
			}
			var rows []playbookSummary
			hm := app.humanManual(m)
			for _, p := range m.Playbooks {
				if format.value == "json" { // JSON: the same on every machine
					rows = append(rows, summarize(p))
					continue
				}
				s := summarize(app.localize(m, p))
				s.Down = downNames(hm, s)
				rows = append(rows, s)
			}
			if err := app.write(format, "", writers{"json": asJSON(rows), "text": func(w io.Writer) error { return writeList(app, w, rows) }}); err != nil {
				return err
			}
			if diags.HasErrors() {
				var errs diag.List
				for _, d := range diags {
					if d.Severity == diag.Error {
						errs = append(errs, d)
					}
				}
				app.writeDiagnostics(errs, 20)
				fmt.Fprintln(app.IO.Err, "crisis: "+app.T("list.manual-errors", nil))
				return errSilent(ExitManual)
			}
			return nil
		},
	}
	format = addFormatFlag(cmd, "text", "json")
	return cmd
}

func writeList(app *App, w io.Writer, rows []playbookSummary) error {
	th := app.Theme()
	return writeTable(th, w, func(tw io.Writer) {
		var cols []string
		for _, c := range []string{"id", "severity", "down", "title"} {
			cols = append(cols, th.Heading.Render(app.T("list.col."+c, nil)))
		}
		fmt.Fprintln(tw, strings.Join(cols, "\t"))
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", th.Accent.Render(r.ID), ui.SeverityIn(th, app.tr(), r.Severity), strings.Join(r.Down, ", "), r.Title)
		}
	})
}
