package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/scaffold"
)

func newNewCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "new",
		Short: "cli.new.short",
		Args:  cobra.NoArgs,
	}
	var like string
	playbook := &cobra.Command{
		Use:   "playbook ID [--like OTHER]",
		Short: "cli.new.playbook.short",
		Long:  "cli.new.playbook.long",
		Example: `  crisis new playbook x-down
  crisis new playbook telegram-down --like whatsapp-down`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			root, err := app.lintRoot("")
			if err != nil {
				return err
			}
			m, _, err := manual.Load(os.DirFS(root), root)
			if err != nil {
				return &ExitError{Code: ExitManual, Err: err}
			}
			if like != "" {
				written, err := scaffold.NewPlaybook(root, args[0], like, m.Locales.Default)
				if err != nil {
					return newPlaybookError(err)
				}
				for _, rel := range written[1:] {
					fmt.Fprintln(app.IO.Out, app.T("playbook.wrote-translation-copy", map[string]any{"File": rel, "Like": like}))
				}
				_, err = fmt.Fprintln(app.IO.Out, app.T("cli.new.wrote-copy", map[string]any{"File": written[0], "Like": like}))
				return err
			}
			written, err := scaffold.ScenarioPlaybook(root, m, args[0])
			for _, f := range written {
				// The playbook is new; the message files get its messages.
				if strings.HasPrefix(f, "templates/") {
					fmt.Fprintln(app.IO.Out, app.T("cli.new.added-messages", map[string]any{"File": f}))
				} else {
					fmt.Fprintln(app.IO.Out, app.T("cli.wrote", map[string]any{"File": f}))
				}
			}
			return newPlaybookError(err)
		},
	}
	playbook.Flags().StringVar(&like, "like", "", "cli.flag.like")
	_ = playbook.RegisterFlagCompletionFunc("like", app.completePlaybooks)
	cmd.AddCommand(playbook)
	return cmd
}

// newPlaybookError is a usage error (exit 2) for a mistake in the command
// line: an id that is no id, an unknown --like.
func newPlaybookError(err error) error {
	var usage *scaffold.UsageError
	if errors.As(err, &usage) {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	return err
}
