package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
			if err := addExitStatus(out); err != nil {
				return err
			}
			_, err := fmt.Fprintf(app.IO.Out, "wrote the manual pages into %s\n", out)
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "man", "folder to write the pages into")
	return cmd
}

// addExitStatus adds the EXIT STATUS section --help prints to every page
// in dir, before SEE ALSO as man-pages(7) orders them: cobra/doc has no
// option for extra sections.
func addExitStatus(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "crisis*.1"))
	if err != nil {
		return err
	}
	section := manExitStatus()
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			return err
		}
		text := string(b)
		if i := strings.Index(text, ".SH SEE ALSO"); i >= 0 {
			text = text[:i] + section + text[i:]
		} else {
			text += section
		}
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// manExitStatus is exitStatusHelp in roff: one tagged paragraph per code.
func manExitStatus() string {
	var b strings.Builder
	b.WriteString(".SH EXIT STATUS\n")
	lines := strings.Split(exitStatusHelp, "\n")[1:]
	for _, l := range lines {
		code, text, _ := strings.Cut(strings.TrimSpace(l), " ")
		fmt.Fprintf(&b, ".TP\n\\fB%s\\fP\n%s\n", code, strings.TrimSpace(text))
	}
	b.WriteString("\n")
	return b.String()
}
