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
		Use:   "schema [manual|playbook|messages]",
		Short: "Write the JSON Schemas editors check the manual's files with",
		Long: `Write the JSON Schemas of manual.yaml, the playbooks and the message files, which
editors using yaml-language-server (VS Code's YAML extension, Neovim, Helix, Zed)
read through the modeline on each file's first line:
  # yaml-language-server: $schema=../.crisis/schema/playbook.schema.json

With no argument the three files go to --out, by default the manual's own
.crisis/schema/ (where crisis init put them): run it after upgrading crisis.
With a name, that one schema is printed.`,
		Example: `  crisis schema
  crisis schema --out schemas
  crisis schema playbook > playbook.schema.json`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"manual", "playbook", "messages"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				data, err := scaffold.Schema(args[0])
				if err != nil {
					return usageErrorf("%v", err)
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
					return usageErrorf("no manual here or in a parent folder: give the folder to write to, --out DIR")
				}
				out = filepath.Join(app.displayRoot(root), filepath.FromSlash(scaffold.SchemaDir))
			}
			written, err := scaffold.WriteSchemas(out)
			for _, p := range written {
				fmt.Fprintf(app.IO.Out, "wrote %s\n", p)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "folder to write the schemas into (default: the manual's "+scaffold.SchemaDir+")")
	return cmd
}
