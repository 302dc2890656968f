package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/report"
	"github.com/crisis-cli/crisis/internal/runbook"
	"github.com/crisis-cli/crisis/internal/suggest"
	"github.com/crisis-cli/crisis/internal/ui"
)

type runOptions struct {
	fresh   bool
	vars    []string
	answers string
	yes     bool
	resume  bool
	drill   bool
	speed   float64
}

func newRunCmd(app *App) *cobra.Command {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run PLAYBOOK | run --resume [PLAYBOOK|RUN-ID]",
		Short: "Walk through a playbook during a real outage, step by step, journaled",
		Long: `Run a playbook: the start screen says what is down, who is in charge and how to
reach them, and which channels to use; then each step in order, with its owner,
its deadline (clock time and countdown), its checklist and its announcements
rendered ready to paste (and written to the run's folder).

Every action is appended to a journal and synced to disk before the screen moves
on. After Ctrl-C, a closed terminal or a crash, crisis run --resume continues
exactly where the run stopped.

Without a terminal, --answers FILE (the same commands you would type, one per
line; "-" reads standard input) or --yes (approve, mark sent and complete every
step) is required.

The runs folder is --runs-dir, CRISIS_RUNS_DIR, runs-dir in the config, or
$XDG_STATE_HOME/crisis/runs.`,
		Example: `  crisis run facebook-down
  crisis run facebook-down --var platform=Facebook --locale es,pt
  crisis run --resume
  crisis run facebook-down --yes --var platform=Facebook`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: app.completePlaybooks,
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.runRun(cmd, args, o)
		},
	}
	addRunFlags(cmd, &o)
	return cmd
}

func addRunFlags(cmd *cobra.Command, o *runOptions) {
	f := cmd.Flags()
	f.StringArrayVar(&o.vars, "var", nil, "a variable's value, name=value; repeatable")
	f.StringVar(&o.answers, "answers", "", "read the operator's commands from FILE (\"-\": standard input)")
	f.BoolVarP(&o.yes, "yes", "y", false, "approve, mark sent and complete every step without asking")
	f.BoolVar(&o.resume, "resume", false, "resume an unfinished run (of PLAYBOOK, or RUN-ID)")
	f.BoolVar(&o.fresh, "new", false, "start a new run even though an earlier one of the playbook is unfinished")
	f.String("runs-dir", "", "folder of run journals (default $XDG_STATE_HOME/crisis/runs)")
}

// runsDir resolves the runs folder: flag, CRISIS_RUNS_DIR, config, XDG.
func (a *App) runsDir() string {
	if d := a.Config.GetString("runs-dir"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "crisis", "runs")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "crisis-runs")
	}
	return filepath.Join(home, ".local", "state", "crisis", "runs")
}

func (a *App) runRun(cmd *cobra.Command, args []string, o runOptions) error {
	// Everything that can be checked is checked before a run is journaled,
	// so a mistyped command never leaves a run behind.
	if len(args) == 1 && !o.resume {
		if _, _, err := a.requireManual(args[0]); err != nil {
			return err
		}
	}
	if !a.IO.CanPrompt() && o.answers == "" && !o.yes {
		return usageErrorf("%s needs a terminal to ask what to do; without one, use --answers FILE or --yes", cmd.Name())
	}
	vars, err := parseVars(o.vars)
	if err != nil {
		return err
	}
	input, closeInput, err := a.input(cmd, o)
	if err != nil {
		return err
	}
	defer closeInput()
	if err := a.precheck(args, o, vars); err != nil {
		return err
	}
	sess, err := a.openSession(args, o)
	if err != nil {
		return err
	}
	defer sess.Close()
	if sess.StaleLock != "" {
		fmt.Fprintf(a.IO.Err, "crisis: took over a stale lock (%s); that run can be resumed\n", sess.StaleLock)
	}
	view := &ui.RunView{W: a.IO.Out, Th: a.Theme(), Width: a.termWidth()}
	flow := &runbook.Flow{S: sess, In: input, View: view, Auto: o.yes, Strict: o.answers != ""}
	if sess.State.Drill {
		inj := &drill.Injector{S: sess, In: input, View: view, PlanOrder: o.answers != "" || o.yes, Auto: o.yes}
		flow.OnCommand, flow.NextEvent = inj.Deliver, inj.NextAt
	}
	if err := flow.AskVars(vars); err != nil {
		var missing *message.MissingError
		if errors.As(err, &missing) || o.answers != "" {
			return &ExitError{Code: ExitUsage, Err: err}
		}
		return err
	}
	err = flow.Run()
	var script *runbook.ScriptError
	if errors.As(err, &script) {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%w; the run is paused: correct the answers and resume with crisis %s --resume %s",
			err, cmd.Name(), sess.State.RunID)}
	}
	if errors.Is(err, runbook.ErrPaused) {
		fmt.Fprintf(a.IO.Err, "crisis: run %s paused; resume with: crisis %s --resume %s\n", sess.State.RunID, cmd.Name(), sess.State.RunID)
		return nil
	}
	if err != nil && cmd.Context().Err() != nil {
		fmt.Fprintf(a.IO.Err, "crisis: resume with: crisis %s --resume %s\n", cmd.Name(), sess.State.RunID)
	}
	if err == nil && sess.State.Drill {
		return a.finishDrill(sess, view)
	}
	return err
}

// finishDrill grades the drill, shows the score and records it as the
// playbook's last rehearsal.
func (a *App) finishDrill(sess *runbook.Session, view *ui.RunView) error {
	score := report.Grade(sess.Playbook, sess.State)
	view.Score(sess, score)
	// The record carries wall time: lint compares it with the calendar,
	// while the journal of a fast drill runs on drill time.
	return drill.Save(a.runsDir(), drill.Record{Playbook: sess.Playbook.ID, RunID: sess.State.RunID,
		FinishedAt: a.Now().UTC(), Score: score.Overall})
}

// precheck refuses, before anything is journaled, a new run that --yes
// could not finish (a required variable without --var), a value longer than
// its declaration allows, and a second run of a playbook whose earlier run
// was never finished (resume it, or say --new).
func (a *App) precheck(args []string, o runOptions, vars map[string]string) error {
	if o.resume || len(args) != 1 {
		return nil
	}
	m, p, err := a.requireManual(args[0])
	if err != nil {
		return err
	}
	if err := checkVars(m, p, vars); err != nil {
		return err
	}
	needed, err := runbook.NeededVars(m, p)
	if err != nil {
		return err
	}
	missing := &message.MissingError{}
	for _, v := range needed {
		if _, ok := vars[v.Name]; !ok && o.yes {
			missing.Missing = append(missing.Missing, message.Missing{Name: v.Name, Description: v.Description, Example: v.Example})
		}
	}
	if len(missing.Missing) > 0 {
		return &ExitError{Code: ExitUsage, Err: missing}
	}
	if o.fresh {
		return nil
	}
	open, err := unfinished(a.runsDir(), p.ID, o.drill)
	if err != nil || len(open) == 0 {
		return err
	}
	verb := "run"
	if o.drill {
		verb = "drill"
	}
	return usageErrorf("%s has an unfinished %s, %s (%s): resume it with crisis %s --resume %s, or start another with --new",
		p.ID, verb, open[0].ID, open[0].Status, verb, open[0].ID)
}

// checkVars refuses --var values for variables the playbook does not
// declare (with a suggestion) and values longer than declared: the texts
// were checked for that length.
func checkVars(m *manual.Manual, p *manual.Playbook, vars map[string]string) error {
	for name, val := range vars {
		v := m.Variable(p, name)
		if v == nil && !manual.IsBuiltinVariable(name) {
			var names []string
			for _, x := range slices.Concat(m.Variables, p.Variables) {
				names = append(names, x.Name)
			}
			hint := suggest.Hint(name, names)
			if hint == "" {
				hint = "its variables: " + strings.Join(names, ", ")
			}
			return usageErrorf("--var %s: %s declares no such variable; %s", name, p.ID, hint)
		}
		if v != nil && v.MaxLength > 0 && len([]rune(val)) > v.MaxLength {
			return usageErrorf("--var %s: %d characters, but at most %d are declared (the texts were checked for that length)",
				name, len([]rune(val)), v.MaxLength)
		}
	}
	return nil
}

func (a *App) input(cmd *cobra.Command, o runOptions) (runbook.Input, func(), error) {
	var r io.Reader = a.IO.In
	closer := func() {}
	if o.answers != "" && o.answers != "-" {
		f, err := os.Open(o.answers)
		if err != nil {
			return nil, nil, usageErrorf("--answers: %v", err)
		}
		r, closer = f, func() { f.Close() }
	}
	in := newLineInput(cmd.Context(), r, a.IO.Out, o.answers != "")
	if o.answers != "" {
		return scriptedInput{in}, closer, nil
	}
	return in, closer, nil
}

// openSession starts a new run or resumes one.
func (a *App) openSession(args []string, o runOptions) (*runbook.Session, error) {
	target := ""
	if len(args) > 0 {
		target = args[0]
	}
	if !o.resume && target == "" {
		return nil, usageErrorf("name the playbook to run (crisis list shows them), or use --resume")
	}
	runs := a.runsDir()
	if o.resume {
		if dir, ok := a.resumeTarget(runs, target, o.drill); ok {
			return a.resumeSession(dir, o)
		}
		if target == "" || !isPlaybookID(target) {
			return nil, a.noResumable(runs, target, o.drill)
		}
	}
	m, p, err := a.requireManual(target)
	if err != nil {
		return nil, err
	}
	if o.resume {
		return nil, a.noResumable(runs, p.ID, o.drill)
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	sess, err := runbook.Start(runbook.Options{RunsDir: runs, Manual: m, Playbook: p, Catalog: cat,
		Drill: o.drill, Speed: o.speed, Locales: a.runLocales(m), Now: a.clockFor(o.drill, o.speed, time.Time{})})
	var locked *journal.LockedError
	if errors.As(err, &locked) {
		return nil, &ExitError{Code: ExitFindings, Err: err}
	}
	return sess, err
}

// clockFor is the run's clock: the wall clock, or for a drill one running
// speed times faster from virtual (the journal's last event on resume).
func (a *App) clockFor(isDrill bool, speed float64, virtual time.Time) func() time.Time {
	if !isDrill {
		return a.Now
	}
	return drill.NewClock(a.Now, speed, virtual).Now
}

func isPlaybookID(s string) bool { return s != "" && filepath.Base(s) == s }

func (a *App) runLocales(m *manual.Manual) []string {
	if l := a.locales(); len(l) > 0 {
		return l
	}
	return m.Locales.Supported
}
