package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/scaffold"
)

func newSchemaCmd(app *App) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "schema [manual|playbook|translation|messages]",
		Short: "cli.schema.short",
		Long:  "cli.schema.long",
		Example: `  crisis schema
  crisis schema --out schemas
  crisis schema playbook > playbook.schema.json`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"manual", "playbook", "translation", "messages"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				data, err := scaffold.Schema(args[0])
				if err != nil {
					return &ExitError{Code: ExitUsage, Err: err}
				}
				_, err = app.IO.Out.Write(data)
				return err
			}
			if out == "" {
				root, ok, err := app.findManual()
				if err != nil {
					return &ExitError{Code: ExitManual, Err: err}
				}
				if !ok {
					return usageError("cli.schema.no-manual", nil)
				}
				out = filepath.Join(app.displayRoot(root), filepath.FromSlash(scaffold.SchemaDir))
			}
			written, err := scaffold.WriteSchemas(out)
			for _, p := range written {
				fmt.Fprintln(app.IO.Out, app.T("cli.wrote", map[string]any{"File": p}))
			}
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "cli.schema.flag.out")
	return cmd
}
