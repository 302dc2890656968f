package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/ui"
)

func newMeasureCmd(app *App) *cobra.Command {
	var kind string
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "measure --channel KIND [--] TEXT|-",
		Short: "cli.measure.short",
		Long:  "cli.measure.long",
		Example: `  crisis measure --channel sms -- "Tienda cerrada hoy. Próxima apertura: 10:00"
  echo "Facebook está caído" | crisis measure --channel x --format json -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			prof, ok := channel.Lookup(kind)
			if !ok {
				prof, ok = app.manualChannel(kind)
			}
			if !ok {
				if hint := didYouMean(kind, channel.Kinds()); hint != nil {
					return usageError("cli.error.unknown-channel-hint", map[string]any{"Name": kind, "Hint": hint})
				}
				return usageError("cli.error.unknown-channel", map[string]any{"Name": kind, "Channels": strings.Join(channel.Kinds(), ", ")})
			}
			text := args[0]
			if text == "-" {
				b, err := io.ReadAll(app.IO.In)
				if err != nil {
					return err
				}
				text = strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
			}
			m := prof.Measure(text)
			err := app.write(format, "", writers{"json": asJSON(m), "text": func(w io.Writer) error {
				_, err := fmt.Fprint(w, ui.MeasureText(app.Theme(), app.tr(), m))
				return err
			}})
			if err != nil {
				return err
			}
			if !m.Fits {
				return errSilent(ExitFindings)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&kind, "channel", "c", "", "cli.measure.flag.channel")
	_ = cmd.MarkFlagRequired("channel")
	_ = cmd.RegisterFlagCompletionFunc("channel", cobra.FixedCompletions(channel.Kinds(), cobra.ShellCompDirectiveNoFileComp))
	format = addFormatFlag(cmd, "text", "json")
	return cmd
}

// manualChannel finds a channel of the manual by id, with the manual's
// overrides of its kind's limits.
func (a *App) manualChannel(id string) (channel.Profile, bool) {
	m, _, err := a.Manual()
	if err != nil {
		return channel.Profile{}, false
	}
	c := m.Channel(id)
	if c == nil {
		return channel.Profile{}, false
	}
	prof, err := render.Profile(c)
	return prof, err == nil
}
