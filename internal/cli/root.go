// Package cli is crisis's command layer: cobra commands that parse flags,
// read configuration through viper, and call the library packages. Only this
// package imports cobra and viper; commands stay thin.
package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/sanitize"
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
	// Lang is the interface language, decided before the command tree is
	// built (help texts are written in it); see internal/lang.
	Lang language.Tag
	// Region is the interface language as the user named it, with its
	// region (en-GB from en_GB.UTF-8): times of day are written as the
	// region writes them. Lang when they named none.
	Region language.Tag

	l        *lang.Localizer // see tr
	helpDone bool            // see localizeHelp
	theme    *ui.Theme
	loaded   *loadedManual
	// saidLang: the operator was told that a playbook is not in their
	// language (see localize), once, not once per playbook listed.
	saidLang bool
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
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := &App{IO: term.System(), Config: viper.New(), Now: time.Now, Getwd: os.Getwd}
	return Run(ctx, app, os.Args[1:])
}

// Run executes one command line against app and returns the exit code.
func Run(ctx context.Context, app *App, args []string) int {
	t, region, _, err := lang.ChooseRegional(cmp.Or(lang.FlagValue(args), os.Getenv("CRISIS_LANG")), os.Getenv, app.configLang)
	app.Lang, app.Region = t, region
	if err != nil {
		fmt.Fprintf(app.IO.Err, "crisis: %s\n", sanitize.Text(err.Error()))
		return ExitUsage
	}
	return execute(ctx, app, NewRootCmd(app), args)
}

// execute runs root and says why it failed, if it did, on standard error.
func execute(ctx context.Context, app *App, root *cobra.Command, args []string) int {
	root.SetArgs(args)
	root.SetIn(app.IO.In)
	root.SetOut(app.IO.Out)
	root.SetErr(app.IO.Err)
	err := root.ExecuteContext(ctx)
	if err != nil && ctx.Err() != nil {
		err = context.Canceled // whatever the command made of the interruption
	}
	code := exitCode(err)
	var ee *ExitError
	switch {
	case code == ExitInterrupted:
		fmt.Fprintln(app.IO.Err, "crisis: "+app.T("cli.interrupted", nil))
	case errors.As(err, &ee) && ee.Err == nil:
		// The command already said why.
	case err != nil:
		// Errors quote arguments, paths and manual texts: shown, not obeyed.
		fmt.Fprintf(app.IO.Err, "crisis: %s\n", sanitize.Text(app.errorText(err)))
		if ee != nil && ee.help {
			fmt.Fprintln(app.IO.Err, app.T("cli.hint.help", nil))
		}
	}
	return code
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:               "crisis",
		Short:             "cli.root.short",
		Long:              "cli.root.long",
		SilenceUsage:      true,
		SilenceErrors:     true,
		DisableAutoGenTag: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			// Checked here, before cobra does, so a missing flag is a
			// usage error like any other mistake in the command line.
			if err := cmd.ValidateRequiredFlags(); err != nil {
				return commandLineError(err)
			}
			if err := cmd.ValidateFlagGroups(); err != nil {
				return commandLineError(err)
			}
			if cmd.Name() == cobra.ShellCompRequestCmd {
				app.localizeHelp(cmd.Root()) // completion shows descriptions
			}
			return app.configure(cmd)
		},
		// Runnable, with its own argument check, so an unknown command is
		// a typed usage error rather than cobra's plain one.
		Args: unknownCommand,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	root.SetHelpFunc(app.help)
	root.SetUsageFunc(app.usage)
	f := root.PersistentFlags()
	f.StringP("manual", "m", "", "cli.flag.manual")
	f.StringSliceP("locale", "l", nil, "cli.flag.locale")
	f.String("lang", "", "cli.flag.lang")
	f.Bool("no-color", false, "cli.flag.no-color")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return commandLineError(err) })
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
		newInitCmd(app),
		newNewCmd(app),
		newSchemaCmd(app),
		newManCmd(app),
		newStatusCmd(app),
		newTargetsCmd(app),
	)
	root.InitDefaultCompletionCmd()
	typeArgErrors(root)
	return root
}

// typeArgErrors makes every command's argument check return a usage error:
// cobra's own checks (cobra.MaximumNArgs, ...) return plain errors.
func typeArgErrors(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			if err := check(c, args); err != nil {
				return commandLineError(err)
			}
			return nil
		}
	}
	for _, sub := range cmd.Commands() {
		typeArgErrors(sub)
	}
}

// unknownCommand is the root's argument check: any argument is a command
// that does not exist.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	data := map[string]any{"Arg": args[0], "Command": cmd.CommandPath()}
	id := "cli.error.unknown-command"
	if hint := didYouMean(args[0], names); hint != nil {
		id, data["Hint"] = "cli.error.unknown-command-hint", hint
	}
	return commandLineError(lang.Errorf(id, data))
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

// configLang reads lang from the first configuration file, for when neither
// --lang nor the environment chose the interface language. It runs before
// flags are parsed, so it looks for the manual from the working folder.
func (a *App) configLang() string {
	for _, file := range a.configFiles() {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		var c struct {
			Lang string `yaml:"lang"`
		}
		_ = yaml.Unmarshal(data, &c) // a broken file is reported when the command reads it
		return c.Lang
	}
	return ""
}
