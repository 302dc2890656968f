package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/plan"
	"github.com/crisis-cli/crisis/internal/ui"
)

func newShowCmd(app *App) *cobra.Command {
	var format *formatFlag
	cmd := &cobra.Command{
		Use:               "show PLAYBOOK",
		Short:             "cli.show.short",
		Args:              app.onePlaybook,
		ValidArgsFunction: app.completePlaybooks,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, p, err := app.requireManual(args[0])
			if err != nil {
				return err
			}
			// JSON carries the texts as the playbook writes them, the
			// same whatever the interface language; text is for a person.
			if format.value != "json" {
				p, m = app.localize(m, p), app.humanManual(m)
			}
			pl := plan.Build(m, p)
			return app.write(format, "", writers{"json": asJSON(pl), "text": func(w io.Writer) error {
				return ui.WritePlan(w, app.Theme(), app.tr(), pl, app.termWidth())
			}})
		},
	}
	format = addFormatFlag(cmd, "text", "json")
	return cmd
}

// completePlaybooks offers the manual's playbook ids to shell completion.
func (a *App) completePlaybooks(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	m, _, err := a.Manual()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var ids []string
	for _, p := range m.Playbooks {
		lp, _, _ := m.Localize(p, a.Lang) // in silence: the shell shows no stderr
		ids = append(ids, p.ID+"\t"+lp.Title)
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

// onePlaybook requires exactly one argument, and without it names the
// playbooks to choose from.
func (a *App) onePlaybook(_ *cobra.Command, args []string) error {
	if len(args) == 1 {
		return nil
	}
	if len(args) > 1 {
		return usageError("cli.error.one-playbook", map[string]any{"Count": len(args)})
	}
	m, _, err := a.Manual()
	if err != nil {
		return err
	}
	var ids []string
	for _, p := range m.Playbooks {
		ids = append(ids, p.ID)
	}
	return usageError("cli.error.name-playbook", map[string]any{"Playbooks": strings.Join(ids, ", ")})
}
