package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/suggest"
	"github.com/crisis-cli/crisis/internal/ui"
)

func newMeasureCmd(app *App) *cobra.Command {
	var kind string
	var format *formatFlag
	cmd := &cobra.Command{
		Use:   "measure --channel KIND [--] TEXT|-",
		Short: "Measure a text in a channel's own unit and say whether it fits",
		Long: `Measure a text the way the channel counts it: SMS in GSM-7 septets or UTF-16
units with segments, X with twitter-text weighting, Telegram in UTF-16 units,
Bluesky in graphemes and bytes, Signal and push in bytes, and so on.

TEXT "-" reads standard input and drops one trailing newline.

KIND is a channel kind, or the id of one of the manual's channels, which then
brings its own limit (sms-staff: one segment, say).

Channel kinds: ` + strings.Join(channel.Kinds(), ", "),
		Example: `  crisis measure --channel sms -- "Tienda cerrada hoy. Próxima apertura: 10:00"
  echo "Facebook está caído" | crisis measure --channel x --format json -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			prof, ok := channel.Lookup(kind)
			if !ok {
				prof, ok = app.manualChannel(kind)
			}
			if !ok {
				if hint := suggest.Hint(kind, channel.Kinds()); hint != "" {
					return usageErrorf("unknown channel %q; %s", kind, hint)
				}
				return usageErrorf("unknown channel %q; channels: %s", kind, strings.Join(channel.Kinds(), ", "))
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
				_, err := fmt.Fprint(w, ui.MeasureText(app.Theme(), m))
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
	cmd.Flags().StringVarP(&kind, "channel", "c", "", "channel kind: sms, x, telegram, email-subject ...")
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
