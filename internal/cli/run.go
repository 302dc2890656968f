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
	"github.com/crisis-cli/crisis/internal/drillrecord"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
	"github.com/crisis-cli/crisis/internal/term"
	"github.com/crisis-cli/crisis/internal/ui"
)

type runOptions struct {
	fresh   bool
	vars    []string
	answers string
	yes     bool
	resume  bool
	reopen  string // a run closed by its all-clear, to reopen
	// currentManual resumes or reopens with the manual as it is now
	// rather than the one the run used.
	currentManual bool
	drill         bool
	speed         float64
}

func newRunCmd(app *App) *cobra.Command {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run PLAYBOOK | run --resume [PLAYBOOK|RUN-ID]",
		Short: "cli.run.short",
		Long:  "cli.run.long",
		Example: `  crisis run facebook-down
  crisis run facebook-down --var platform=Facebook --locale es,pt
  crisis run --resume
  crisis run --reopen 20261126-093004-facebook-down
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
	f.StringArrayVar(&o.vars, "var", nil, "cli.flag.var")
	f.StringVar(&o.answers, "answers", "", "cli.flag.answers")
	f.BoolVarP(&o.yes, "yes", "y", false, "cli.flag.yes")
	f.BoolVar(&o.resume, "resume", false, "cli.flag.resume")
	f.BoolVar(&o.fresh, "new", false, "cli.flag.new")
	f.BoolVar(&o.currentManual, "current-manual", false, "cli.flag.current-manual")
	if cmd.Name() == "run" {
		f.StringVar(&o.reopen, "reopen", "", "cli.flag.reopen")
	}
	f.String("runs-dir", "", "cli.flag.runs-dir")
	f.Bool("no-notify", false, "cli.flag.no-notify")
}

// notify says whether a run at a terminal rings when something falls due:
// yes unless --no-notify or notify: false in the config.
func (a *App) notify() bool {
	if a.Config.GetBool("no-notify") {
		return false
	}
	return !a.Config.IsSet("notify") || a.Config.GetBool("notify")
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
	// The manual is loaded and checked once, first: a mistyped playbook is
	// the first thing to hear about.
	var p *manual.Playbook
	if o.reopen != "" && (o.resume || len(args) > 0) {
		return usageError("run.reopen-alone", nil)
	}
	if o.currentManual && !o.resume && o.reopen == "" {
		return usageError("run.current-manual-alone", nil)
	}
	if len(args) == 1 && !o.resume {
		var err error
		if _, p, err = a.requirePlaybook(args[0]); err != nil {
			return err
		}
	}
	if f := cmd.Flag("locale"); o.resume && f != nil && f.Changed {
		// The run's announcements keep the locales it started with: one run
		// in two sets of languages would confuse whoever reads its folder.
		fmt.Fprintln(a.IO.Err, a.T("run.locale-ignored", nil))
	}
	if !a.IO.CanPrompt() && o.answers == "" && !o.yes {
		return usageError("run.needs-terminal", map[string]any{"Command": cmd.Name()})
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
	view := &ui.RunView{W: a.IO.Out, Th: a.Theme(), Width: a.termWidth(), Live: a.IO.OutTTY, Desktop: term.SystemDesktop(), L: a.tr()}
	asker := runbook.Asker{In: input, View: view, Auto: o.yes, Strict: o.answers != "", L: a.tr()}
	sess, err := a.openSession(args, p, o, vars, asker)
	if err != nil {
		return a.varsError(cmd, err, input)
	}
	defer sess.Close()
	flow := &runbook.Flow{S: sess, In: input, View: view, Auto: o.yes, Strict: o.answers != "",
		Notify: a.notify() && !o.yes && o.answers == "", Dispatch: a.dispatcher(), L: a.tr()}
	if sess.State.Drill {
		inj := &drill.Injector{S: sess, In: input, View: view, PlanOrder: o.answers != "" || o.yes, Auto: o.yes, L: a.tr()}
		flow.OnCommand, flow.NextEvent = inj.Deliver, inj.NextAt
	}
	err = flow.Run()
	var script *runbook.ScriptError
	if errors.As(err, &script) {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%w; %w", err, lang.Errorf("run.script-paused", map[string]any{"Command": cmd.Name(), "Run": sess.State.RunID}))}
	}
	if errors.Is(err, runbook.ErrPaused) {
		fmt.Fprintf(a.IO.Err, "%s\n  crisis %s --resume %s\n", a.T("run.paused", map[string]any{"Run": sess.State.RunID}), cmd.Name(), sess.State.RunID)
		return nil
	}
	if err != nil && cmd.Context().Err() != nil {
		fmt.Fprintf(a.IO.Err, "%s\n  crisis %s --resume %s\n", a.T("run.resume-with", nil), cmd.Name(), sess.State.RunID)
	}
	if err == nil && sess.State.Drill {
		return a.finishDrill(sess, view, o.yes || o.answers != "")
	}
	return err
}

// varsError says where a value went wrong: a value given on the command
// line or missing for --yes is a usage error, and an answers file's line is
// named by file and line.
func (a *App) varsError(cmd *cobra.Command, err error, in runbook.Input) error {
	var script *runbook.ScriptError
	if errors.As(err, &script) {
		if s, ok := in.(scriptedInput); ok {
			err = fmt.Errorf("%s: %w", s.in.where(), err)
		}
		return &ExitError{Code: ExitUsage, Err: err}
	}
	var missing *message.MissingError
	var value *render.ValueError
	if errors.As(err, &missing) || errors.As(err, &value) {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	return err
}

// finishDrill grades the drill, shows the score and records it as the
// playbook's last rehearsal. A drill completed by --yes or --answers is
// recorded as unattended: nobody walked through it.
func (a *App) finishDrill(sess *runbook.Session, view *ui.RunView, unattended bool) error {
	score := drill.Grade(sess.Playbook, sess.State)
	view.Score(sess, score)
	// The record carries wall time: lint compares it with the calendar,
	// while the journal of a fast drill runs on drill time.
	rec := drillrecord.Record{Playbook: sess.Playbook.ID, RunID: sess.State.RunID, FinishedAt: a.Now().UTC(), Score: score.Overall, Unattended: unattended}
	root, ok, _ := a.findManual()
	if !ok {
		return nil
	}
	if err := drillrecord.Save(drillrecord.LocalDir(a.runsDir(), root), rec); err != nil {
		return err
	}
	// A manual that keeps its drills (a drills/ folder beside playbooks/)
	// gets the record too, to commit: lint reads it there, in CI as well.
	if dir := filepath.Join(root, drillrecord.Dir); isDir(dir) {
		return drillrecord.Save(dir, rec)
	}
	return nil
}

// refuseUnfinished handles a new run of a playbook whose earlier run was
// never finished: at a terminal it offers to resume the latest ([Y/n];
// the run to resume is returned, or nil for a new run), otherwise it
// refuses with the command that resumes it. --new starts another anyway.
func (a *App) refuseUnfinished(p *manual.Playbook, o runOptions, asker runbook.Asker) (*runbook.Run, error) {
	if o.fresh {
		return nil, nil
	}
	open, err := unfinished(a.runsDir(), p.ID, o.drill)
	if err != nil || len(open) == 0 {
		return nil, err
	}
	kind := "run"
	if o.drill {
		kind = "drill"
	}
	last := open[0]
	// An unfinished run is paused or interrupted: each has its words
	// (TestMessageFamilies).
	refuse := usageError("run.unfinished."+kind, map[string]any{"Playbook": p.ID, "Run": last.ID, "Status": a.T("run.status-word."+last.Status, nil)})
	if !a.IO.CanPrompt() || o.answers != "" || o.yes {
		return nil, refuse
	}
	// The run id on a line of its own: a prompt that wraps splits it.
	fmt.Fprintf(a.IO.Out, "%s\n  %s\n", a.T("run.offer."+kind+"-"+last.Status, map[string]any{"Playbook": p.ID}), last.ID)
	for {
		line, err := asker.In.ReadLine(a.T("run.offer.ask", nil))
		if errors.Is(err, io.EOF) {
			return nil, refuse
		}
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(line) == "" { // Enter takes the default, resuming
			return last.Run, nil
		}
		if yes, ok := lang.Answer(line); ok {
			if yes {
				return last.Run, nil
			}
			return nil, nil
		}
	}
}

// reopenRun reopens a run closed by its all-clear: the incident is back.
func (a *App) reopenRun(id string, o runOptions, vars map[string]string, asker runbook.Asker) (*runbook.Session, error) {
	if err := runbook.CheckRunID(id); err != nil {
		return nil, usageErrorf("--reopen: %v", err)
	}
	run, err := runbook.Find(a.runsDir(), id, false)
	if err != nil {
		return nil, usageErrorf("--reopen: %v", err)
	}
	switch st := run.State; {
	case st.Abandoned != nil:
		return nil, usageError("run.reopen-abandoned", map[string]any{"Run": run.ID, "Reason": st.Abandoned.Reason})
	case st.AllClear.IsZero():
		return nil, usageError("run.reopen-open", map[string]any{"Run": run.ID})
	}
	return a.resumeSession(run, o, vars, asker)
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
	name := "standard input"
	if o.answers != "" && o.answers != "-" {
		name = o.answers
	}
	in := newLineInput(cmd.Context(), r, a.IO.Out, name, o.answers != "")
	// On a terminal the prompt's countdown is redrawn in place; in a log
	// it stays as printed.
	in.live = a.IO.OutTTY && o.answers == ""
	in.width = a.termWidth()
	if o.answers != "" {
		return scriptedInput{in}, closer, nil
	}
	return in, closer, nil
}

// openSession starts a new run of p or resumes one, with its values
// settled and journaled. Everything that can be checked (an unfinished run,
// every value) is checked before a new run is journaled, so a mistyped
// command never leaves a run behind.
func (a *App) openSession(args []string, p *manual.Playbook, o runOptions, vars map[string]string, asker runbook.Asker) (*runbook.Session, error) {
	target := ""
	if len(args) > 0 {
		target = args[0]
	}
	if o.resume {
		return a.resumeRun(target, o, vars, asker)
	}
	if o.reopen != "" {
		return a.reopenRun(o.reopen, o, vars, asker)
	}
	if target == "" {
		return nil, usageError("run.which-playbook", nil)
	}
	runs := a.runsDir()
	m, _, err := a.Manual()
	if err != nil {
		return nil, err
	}
	if run, err := a.refuseUnfinished(p, o, asker); run != nil || err != nil {
		if err != nil {
			return nil, err
		}
		return a.resumeSession(run, o, vars, asker)
	}
	locales, err := a.runLocales(m)
	if err != nil {
		return nil, err
	}
	vals, err := runbook.Vars(m, p, nil, vars, asker)
	if err != nil {
		return nil, err
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		return nil, &ExitError{Code: ExitManual, Err: err}
	}
	a.warnFallbacks(m, cat, locales)
	sess, err := runbook.Start(runbook.Options{RunsDir: runs, Manual: a.humanManual(m), Playbook: p, Catalog: cat,
		Drill: o.drill, Speed: o.speed, Locales: locales, Now: a.clockFor(o.drill, o.speed, time.Time{})})
	var locked *journal.LockedError
	if errors.As(err, &locked) && o.drill && locked.Known && !locked.Holder.Drill {
		return nil, &ExitError{Code: ExitFindings, Err: errRealIncident(locked.Holder.RunID)}
	}
	if errors.As(err, &locked) {
		return nil, &ExitError{Code: ExitFindings, Err: err}
	}
	if err != nil {
		return nil, err
	}
	if err := a.settle(sess, m, vals); err != nil {
		return nil, err
	}
	return sess, nil
}

// settle makes a session, started or resumed, show the playbook in the
// user's language and hold the run's variable values; a session it cannot
// settle is closed, releasing the run's lock.
func (a *App) settle(sess *runbook.Session, m *manual.Manual, vals map[string]string) error {
	sess.Localize = func(p *manual.Playbook) *manual.Playbook { return a.localize(m, p) }
	if err := sess.SetVars(vals); err != nil {
		sess.Close()
		return err
	}
	return nil
}

// resumeRun resumes the run named by target (a run id or a unique prefix,
// or the one unfinished run of a playbook, or of any when target is empty)
// and settles its values: --var corrects them.
func (a *App) resumeRun(target string, o runOptions, vars map[string]string, asker runbook.Asker) (*runbook.Session, error) {
	runs := a.runsDir()
	if target != "" {
		if err := runbook.CheckRunID(target); err != nil {
			return nil, usageErrorf("--resume: %v", err)
		}
	}
	run, ok, err := a.resumeTarget(runs, target, o.drill)
	if err != nil {
		return nil, err
	}
	if !ok {
		if target != "" && isPlaybookID(target) {
			// A playbook without a resumable run: say so after checking
			// that the playbook exists.
			_, p, err := a.requireManual(target)
			if err != nil {
				return nil, err
			}
			target = p.ID
		}
		return nil, a.noResumable(runs, target, o.drill)
	}
	return a.resumeSession(run, o, vars, asker)
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

// runLocales are the run's locales: --locale, else the manual's. A locale
// the manual has no texts for is warned about, as render does: its
// announcements are the default locale's texts.
func (a *App) runLocales(m *manual.Manual) ([]string, error) {
	l, err := a.locales(m)
	if err != nil || len(l) == 0 {
		return m.Locales.Supported, err
	}
	return l, nil
}

// warnFallbacks says, before the run starts, which locales the manual has
// no texts for and what is used instead, in render's words: a run must not
// silently send another language under the asked one's name.
func (a *App) warnFallbacks(m *manual.Manual, cat *message.Catalog, locales []string) {
	for _, loc := range locales {
		if m.TemplatesFor(loc) != nil {
			continue
		}
		chain := cat.Chain(loc)
		if i := slices.IndexFunc(chain, func(l string) bool { return m.TemplatesFor(l) != nil }); i >= 0 {
			fmt.Fprintf(a.IO.Err, "crisis: warning: the manual has no %s texts; using %s (tried %s)\n", loc, chain[i], strings.Join(chain, " -> "))
		}
	}
}
