// Package cli is crisis's command layer: cobra commands that parse flags,
// read configuration through viper, and call the library packages. Only this
// package imports cobra and viper; commands stay thin.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crisis-cli/crisis/internal/term"
	"github.com/crisis-cli/crisis/internal/ui"
)

// App is what every command shares: streams, configuration, the clock and
// the manual, loaded at most once.
type App struct {
	IO     *term.IO
	Config *viper.Viper
	Now    func() time.Time
	Getwd  func() (string, error)

	theme  *ui.Theme
	loaded *loadedManual
}

// Theme returns the styles for standard output.
func (a *App) Theme() *ui.Theme {
	if a.theme == nil {
		a.theme = ui.NewTheme(a.IO)
	}
	return a.theme
}

// Main runs crisis with the process's arguments and streams and returns the
// exit code. It is the only place errors become exit codes.
func Main() int {
	// crisis is a short-lived process whose heap stays small (a manual of
	// 1,000 playbooks peaks under 100 MB): collecting less often trades a
	// little memory for a third less time on large manuals.
	debug.SetGCPercent(400)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := &App{IO: term.System(), Config: viper.New(), Now: time.Now, Getwd: os.Getwd}
	return Run(ctx, app, os.Args[1:])
}

// Run executes one command line against app and returns the exit code.
func Run(ctx context.Context, app *App, args []string) int {
	root := NewRootCmd(app)
	root.SetArgs(args)
	root.SetIn(app.IO.In)
	root.SetOut(app.IO.Out)
	root.SetErr(app.IO.Err)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		fmt.Fprintln(app.IO.Err, "crisis: interrupted")
		return ExitInterrupted
	}
	var ee *ExitError
	if errors.As(err, &ee) && ee.Err == nil {
		return ee.Code
	}
	fmt.Fprintf(app.IO.Err, "crisis: %v\n", err)
	if !errors.As(err, &ee) && isUsageError(err) {
		fmt.Fprintln(app.IO.Err, "Run 'crisis --help' for usage.")
		return ExitUsage
	}
	return exitCode(err)
}

// isUsageError recognises cobra's own argument and flag errors, which it
// returns as plain errors.
func isUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "crisis",
		Short: "Your crisis-communication manual, as code",
		Long: `crisis keeps an organisation's approved crisis manual as YAML playbooks in git and
helps people act by it: it validates the manual, walks the comms lead through a
runbook during an outage, renders announcements that fit each channel, and runs
drills for new staff.

The manual is --manual DIR, else the current folder or the nearest parent that
holds playbooks/manual.yaml; with none, the built-in example manual is used.`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		DisableAutoGenTag: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return app.configure(cmd) },
	}
	root.SetUsageTemplate(root.UsageTemplate() + "\n" + exitStatusHelp + "\n")
	f := root.PersistentFlags()
	f.StringP("manual", "m", "", "manual folder (default: this folder or the nearest parent holding playbooks/manual.yaml)")
	f.StringSliceP("locale", "l", nil, "locale(s) for messages, e.g. es, pl, pt-BR; repeat or separate with commas (default: the manual's)")
	f.Bool("no-color", false, "plain output without colour (also NO_COLOR)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErrorf("%v", err) })
	root.AddCommand(
		newVersionCmd(app),
		newListCmd(app),
		newShowCmd(app),
		newMeasureCmd(app),
		newRenderCmd(app),
		newRunCmd(app),
		newDrillCmd(app),
		newRunsCmd(app),
		newReportCmd(app),
		newLintCmd(app),
	)
	root.InitDefaultCompletionCmd()
	return root
}

// configure binds flags, CRISIS_* variables and the config file, in that
// order of precedence, before any command runs.
func (a *App) configure(cmd *cobra.Command) error {
	v := a.Config
	if err := v.BindPFlags(cmd.Flags()); err != nil {
		return err
	}
	v.SetEnvPrefix("CRISIS")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	v.SetConfigType("yaml")
	for _, file := range a.configFiles() {
		if _, err := os.Stat(file); err != nil {
			continue
		}
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %v", file, err)}
		}
		break
	}
	a.IO.NoColor = a.IO.NoColor || v.GetBool("no-color")
	return nil
}

// configFiles lists where configuration may live, first match wins:
// .crisis.yaml at the manual's root, then the user's config folder.
func (a *App) configFiles() []string {
	var files []string
	if root, ok, _ := a.findManual(); ok {
		files = append(files, filepath.Join(root, ".crisis.yaml"))
	}
	if dir := os.Getenv("XDG_CONFIG_HOME"); dir != "" {
		files = append(files, filepath.Join(dir, "crisis", "config.yaml"))
	} else if home, err := os.UserHomeDir(); err == nil {
		files = append(files, filepath.Join(home, ".config", "crisis", "config.yaml"))
	}
	return files
}

// termWidth is the width to wrap prose at: the terminal's, or 0 (never wrap)
// when output goes to a pipe or a file.
func (a *App) termWidth() int {
	if !a.IO.OutTTY {
		return 0
	}
	return a.IO.Width
}
