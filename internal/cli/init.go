package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/scaffold"
)

type initFlags struct {
	organisation, timezone                     string
	audiences, channels                        []string
	spokesperson, approver, spDeputy, apDeputy string
	small, noInput                             bool
}

func newInitCmd(app *App) *cobra.Command {
	var f initFlags
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "cli.init.short",
		Long:  "cli.init.long",
		Example: `  crisis init
  crisis init handbook --no-input --organisation "Panadería Lola" --timezone Europe/Madrid \
    --locale es,en --small --channels whatsapp,instagram,email,phone \
    --spokesperson "Lola Jiménez, +34 600 100 200, lola@panaderialola.example"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return app.runInit(cmd, dir, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.organisation, "organisation", "", "cli.flag.organisation")
	fl.StringVar(&f.timezone, "timezone", "", "cli.flag.timezone")
	fl.StringSliceVar(&f.audiences, "audiences", nil, "cli.flag.audiences")
	fl.StringSliceVar(&f.channels, "channels", nil, "cli.flag.channels")
	fl.StringVar(&f.spokesperson, "spokesperson", "", "cli.flag.spokesperson")
	fl.StringVar(&f.approver, "approver", "", "cli.flag.approver")
	fl.StringVar(&f.spDeputy, "spokesperson-deputy", "", "cli.flag.spokesperson-deputy")
	fl.StringVar(&f.apDeputy, "approver-deputy", "", "cli.flag.approver-deputy")
	fl.BoolVar(&f.small, "small", false, "cli.flag.small")
	fl.BoolVar(&f.noInput, "no-input", false, "cli.flag.no-input")
	_ = cmd.RegisterFlagCompletionFunc("channels", cobra.FixedCompletions(scaffold.ChannelIDs(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("audiences", cobra.FixedCompletions(scaffold.AudienceIDs(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *App) runInit(cmd *cobra.Command, dir string, f initFlags) error {
	o, err := initOptions(cmd, f, a.Now())
	if err != nil {
		return err
	}
	if a.IO.InTTY && a.IO.OutTTY && !f.noInput {
		in := newLineInput(cmd.Context(), a.IO.In, a.IO.Out, "standard input", false)
		if o, err = scaffold.Ask(in, a.IO.Out, o); errors.Is(err, io.EOF) {
			return lang.Errorf("cli.init.input-ended", nil)
		} else if err != nil {
			return err
		}
	}
	if err := o.Validate(); err != nil {
		return &ExitError{Code: ExitUsage, Err: err} // answers to change
	}
	files, err := scaffold.Init(dir, o)
	if err != nil {
		return err // a failed operation: a file already there, a folder not writable
	}
	fmt.Fprintln(a.IO.Out, a.T("cli.init.wrote", map[string]any{"Organisation": o.Organisation, "Dir": dir}))
	if o.TimezoneFrom != "" {
		// Nobody named the zone: say which one every deadline will use.
		fmt.Fprintf(a.IO.Out, "  time zone %s, from %s (another: --timezone)\n", o.Timezone, o.TimezoneFrom)
	}
	for _, file := range files {
		if !strings.HasPrefix(file.Path, scaffold.SchemaDir) {
			fmt.Fprintf(a.IO.Out, "  %s\n", filepath.Join(dir, filepath.FromSlash(file.Path)))
		}
	}
	fmt.Fprintf(a.IO.Out, "  %s/ (%s)\n", filepath.Join(dir, filepath.FromSlash(scaffold.SchemaDir)), a.T("cli.init.schemas", nil))
	m := ""
	if dir != "." {
		m = " -m " + dir
	}
	fmt.Fprintf(a.IO.Out, "%s\n  crisis lint%s\n  crisis drill%s %s\n", a.T("cli.init.next", nil), m, m, strings.TrimSuffix(filepath.Base(files[1].Path), ".yaml"))
	return nil
}

// initOptions reads the flags into the questionnaire's answers.
func initOptions(cmd *cobra.Command, f initFlags, now time.Time) (scaffold.Options, error) {
	o := scaffold.Options{
		Organisation: f.organisation, Timezone: f.timezone,
		Audiences: f.audiences, Channels: f.channels, Small: f.small, Today: now,
	}
	if o.Timezone == "" {
		o.Timezone, o.TimezoneFrom = scaffold.SystemZone()
	}
	// --locale is the global flag: the first is the default locale.
	locales, _ := cmd.Flags().GetStringSlice("locale")
	o.Locale = "en"
	if len(locales) > 0 {
		o.Locale, o.Others = locales[0], locales[1:]
	}
	for _, p := range []struct {
		flag string
		to   *scaffold.Person
	}{{f.spokesperson, &o.Spokesperson}, {f.approver, &o.Approver}, {f.spDeputy, &o.SpokespersonDeputy}, {f.apDeputy, &o.ApproverDeputy}} {
		var err error
		if *p.to, err = scaffold.ParsePerson(p.flag); err != nil {
			return o, &ExitError{Code: ExitUsage, Err: err}
		}
	}
	return o, nil
}
