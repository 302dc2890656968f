package cli

import (
	"fmt"

	"github.com/spf13/cobra"

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
		Use:   "playbook ID --like OTHER",
		Short: "Add a playbook, starting from one the manual has",
		Long: `Write playbooks/ID.yaml as a copy of playbooks/OTHER.yaml, with a note on what to
change: its title, detection, what is down, the steps and the messages it
announces. It never overwrites a playbook.`,
		Example: `  crisis new playbook telegram-down --like whatsapp-down`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			root, err := app.lintRoot("")
			if err != nil {
				return err
			}
			if like == "" {
				return usageErrorf("give the playbook to start from: crisis new playbook %s --like OTHER (crisis list shows them)", args[0])
			}
			rel, err := scaffold.NewPlaybook(root, args[0], like)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(app.IO.Out, "wrote %s, a copy of %s: edit it, then crisis lint\n", rel, like)
			return err
		},
	}
	playbook.Flags().StringVar(&like, "like", "", "the playbook to copy")
	_ = playbook.RegisterFlagCompletionFunc("like", app.completePlaybooks)
	cmd.AddCommand(playbook)
	return cmd
}
