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
		Short: "Add a file to the manual",
		Args:  cobra.NoArgs,
	}
	var like string
	playbook := &cobra.Command{
		Use:   "playbook ID [--like OTHER]",
		Short: "Add a playbook: one crisis can write, or a copy of one the manual has",
		Long: `Add playbooks/ID.yaml to the manual.

With --like OTHER it is a copy of playbooks/OTHER.yaml, with a note on what to
change: its title, detection, what is down, the steps and the messages it
announces.

Without --like, ID is one of the playbooks crisis init writes:
  ` + strings.Join(scaffold.ScenarioIDs(), ", ") + `
It is written from the manual's own channels, audiences, roles and languages,
with its messages added to each file in templates/ (for a channel added to
manual.yaml after init, say).

Nothing is overwritten: a playbook or message of the same id is refused.`,
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
				rel, err := scaffold.NewPlaybook(root, args[0], like, m.Locales.Default)
				if err != nil {
					return newPlaybookError(err)
				}
				_, err = fmt.Fprintf(app.IO.Out, "wrote %s, a copy of %s: edit it, then crisis lint\n", rel, like)
				return err
			}
			written, err := scaffold.ScenarioPlaybook(root, m, args[0])
			for _, f := range written {
				// The playbook is new; the message files get its messages.
				if strings.HasPrefix(f, "templates/") {
					fmt.Fprintf(app.IO.Out, "added messages to %s\n", f)
				} else {
					fmt.Fprintf(app.IO.Out, "wrote %s\n", f)
				}
			}
			return newPlaybookError(err)
		},
	}
	playbook.Flags().StringVar(&like, "like", "", "the playbook to copy")
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
