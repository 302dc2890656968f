package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/report"
	"github.com/crisis-cli/crisis/internal/runbook"
)

func newRunsCmd(app *App) *cobra.Command {
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "runs",
		Short: "List runs and drills, live and finished",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			list, err := runbook.List(app.runsDir())
			if err != nil {
				return err
			}
			return app.write(format, "", writers{"json": asJSON(list), "text": func(w io.Writer) error { return writeRuns(app, w, list) }})
		},
	}
	cmd.Flags().String("runs-dir", "", "folder of run journals (default $XDG_STATE_HOME/crisis/runs)")
	format = addFormatFlag(cmd, "text", "json")
	return cmd
}

func writeRuns(app *App, w io.Writer, list []runbook.Summary) error {
	if len(list) == 0 {
		fmt.Fprintf(app.IO.Err, "crisis: no runs in %s\n", app.runsDir())
		return nil
	}
	th := app.Theme()
	return writeTable(th, w, func(tw io.Writer) {
		fmt.Fprintln(tw, "RUN\tKIND\tSTATUS\tSTARTED\tPLAYBOOK")
		for _, s := range list {
			kind := "real"
			if s.Drill {
				kind = th.Drill.Render("drill")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", th.Accent.Render(s.ID), kind, s.Status, s.StartedAt.Local().Format("2006-01-02 15:04 MST"), s.Playbook)
		}
	})
}

func newReportCmd(app *App) *cobra.Command {
	var format *formatFlag
	var out string
	cmd := &cobra.Command{
		Use:   "report RUN-ID",
		Short: "Write the post-incident report of a run: timeline, deadlines, what was sent, deviations, notes",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				return nil
			}
			runs, _ := runbook.List(app.runsDir())
			var ids []string
			for i, r := range runs {
				if i == 5 {
					break
				}
				ids = append(ids, r.ID)
			}
			if len(ids) == 0 {
				return usageErrorf("name a run; there are none yet in %s", app.runsDir())
			}
			return usageErrorf("name a run; the latest: %s (crisis runs lists them all)", strings.Join(ids, ", "))
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			run, err := runbook.Find(app.runsDir(), args[0], true)
			if err != nil {
				return usageErrorf("%v", err)
			}
			r, err := app.buildReport(run)
			if err != nil {
				return err
			}
			return app.write(format, out, writers{
				"json":     func(w io.Writer) error { return report.JSON(w, r) },
				"html":     func(w io.Writer) error { return report.HTML(w, r) },
				"markdown": func(w io.Writer) error { return report.Markdown(w, r) },
			})
		},
	}
	cmd.Flags().String("runs-dir", "", "folder of run journals (default $XDG_STATE_HOME/crisis/runs)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	format = addFormatFlag(cmd, "markdown", "html", "json")
	return cmd
}

func (a *App) buildReport(run *runbook.Run) (*report.Report, error) {
	m, _, err := a.Manual()
	if err != nil {
		return nil, err
	}
	st, events, dmg := run.State, run.Events, run.Journal.Damage
	p := m.Playbook(st.Playbook)
	if p == nil {
		fmt.Fprintf(a.IO.Err, "crisis: warning: the manual has no playbook %q any more; deadlines are not shown\n", st.Playbook)
	}
	r := report.FromState(m, p, st, events, dmg)
	r.ReadTexts(os.DirFS(run.Dir))
	if st.Drill && p != nil {
		st.Bind(p.StepIDs())
		r.Score = drill.Grade(p, st)
		if err := a.recoverDrillRecord(run, p); err != nil {
			return nil, err
		}
	}
	return r, nil
}
