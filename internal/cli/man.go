package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newManCmd(app *App) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "man",
		Short: "Write the manual pages (crisis.1, crisis-lint.1 ...) into a folder",
		Long: `Write one manual page per command, generated from the same command tree as
--help, into --out (created if missing). Install them where man finds them:
  crisis man --out /usr/local/share/man/man1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			header := &doc.GenManHeader{Section: "1", Source: "crisis " + readBuildInfo().Version, Manual: "crisis manual"}
			if err := doc.GenManTree(root, header, out); err != nil {
				return err
			}
			_, err := fmt.Fprintf(app.IO.Out, "wrote the manual pages into %s\n", out)
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "man", "folder to write the pages into")
	return cmd
}
