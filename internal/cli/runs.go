package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/report"
	"github.com/crisis-cli/crisis/internal/runbook"
)

func newRunsCmd(app *App) *cobra.Command {
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "runs",
		Short: "cli.runs.short",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			list, err := runbook.List(app.runsDir())
			if err != nil {
				return err
			}
			return app.write(format, "", writers{"json": asJSON(list), "text": func(w io.Writer) error { return writeRuns(app, w, list) }})
		},
	}
	cmd.Flags().String("runs-dir", "", "cli.flag.runs-dir")
	format = addFormatFlag(cmd, "text", "json")
	cmd.AddCommand(newAbandonCmd(app))
	return cmd
}

func newAbandonCmd(app *App) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:     "abandon RUN-ID --reason TEXT",
		Short:   "cli.runs.abandon.short",
		Long:    "cli.runs.abandon.long",
		Example: `  crisis runs abandon 20261126-093004-facebook-down --reason "false alarm: our Wi-Fi, not Facebook"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if reason == "" {
				return usageError("session.abandon.reason", nil)
			}
			run, err := runbook.Find(app.runsDir(), args[0], false)
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			m, err := app.runManual(run, "")
			if err != nil {
				return err
			}
			err = runbook.Abandon(run, reason, app.Now, m.Location)
			var locked *journal.LockedError
			if errors.As(err, &locked) {
				where := ""
				if locked.Known {
					where = fmt.Sprintf(" (pid %d, %s)", locked.Holder.PID, locked.Holder.Host)
				}
				return &ExitError{Code: ExitFindings, Err: lang.Errorf("session.abandon.live", map[string]any{"Run": run.ID, "Where": where})}
			}
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			fmt.Fprintln(app.IO.Err, app.T("session.abandon.done", map[string]any{"Run": run.ID}))
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "cli.flag.reason")
	cmd.Flags().String("runs-dir", "", "cli.flag.runs-dir")
	return cmd
}

func writeRuns(app *App, w io.Writer, list []runbook.Summary) error {
	if len(list) == 0 {
		fmt.Fprintln(app.IO.Err, app.T("session.runs.none", map[string]any{"Dir": app.runsDir()}))
		return nil
	}
	th := app.Theme()
	loc, zone := app.runsZone()
	return writeTable(th, w, func(tw io.Writer) {
		t := app.T
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t("session.runs.col.run", nil), t("session.runs.col.kind", nil), t("session.runs.col.status", nil),
			t("session.runs.col.started", map[string]any{"Zone": zone}), t("session.runs.col.playbook", nil))
		for _, s := range list {
			kind := t("session.runs.kind.real", nil)
			if s.Drill {
				kind = th.Drill.Render(t("session.runs.kind.drill", nil))
			}
			status := s.Status
			if id := "session.runs.status." + s.Status; app.tr().Has(id) {
				status = t(id, nil)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", th.Accent.Render(s.ID), kind, status, s.StartedAt.In(loc).Format("2006-01-02 15:04"), s.Playbook)
		}
	})
}

// runsZone is the time zone runs are listed in: the manual's, as on the
// run screens and in reports, named once in the heading; the machine's
// when no manual is here (the built-in example's zone would be a guess).
func (a *App) runsZone() (*time.Location, string) {
	if _, ok, _ := a.findManual(); !ok {
		return time.Local, time.Now().Format("MST")
	}
	if m, _, err := a.Manual(); err == nil && m.Location != nil {
		return m.Location, m.TimeZone
	}
	return time.Local, time.Now().In(time.Local).Format("MST")
}

func newReportCmd(app *App) *cobra.Command {
	var format *formatFlag
	var out string
	cmd := &cobra.Command{
		Use:   "report RUN-ID",
		Short: "cli.report.short",
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
				return usageError("session.report.none", map[string]any{"Dir": app.runsDir()})
			}
			return usageError("session.report.name", map[string]any{"Runs": strings.Join(ids, ", ")})
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			run, err := runbook.Find(app.runsDir(), args[0], true)
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			r, err := app.buildReport(run, format.value != "json")
			if err != nil {
				return err
			}
			return app.write(format, out, writers{
				"json":     func(w io.Writer) error { return report.JSON(w, r) },
				"html":     func(w io.Writer) error { return report.HTML(w, r, app.tr()) },
				"markdown": func(w io.Writer) error { return report.Markdown(w, r, app.tr()) },
			})
		},
	}
	cmd.Flags().String("runs-dir", "", "cli.flag.runs-dir")
	cmd.Flags().StringVarP(&out, "output", "o", "", "cli.report.flag.output")
	format = addFormatFlag(cmd, "markdown", "html", "json")
	return cmd
}

// buildReport reads a run's report; for a person (human), with the
// playbook's texts in the operator's language, else as the playbook
// writes them, the same on every machine.
func (a *App) buildReport(run *runbook.Run, human bool) (*report.Report, error) {
	m, err := a.runManual(run, "")
	if err != nil {
		return nil, err
	}
	st, events, dmg := run.State, run.Events, run.Journal.Damage
	p := m.Playbook(st.Playbook)
	if p == nil {
		fmt.Fprintln(a.IO.Err, a.T("session.report.no-playbook", map[string]any{"Playbook": st.Playbook}))
	} else if human {
		p = a.localize(m, p)
	}
	if human {
		m = a.humanManual(m)
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
