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
		Short: "cli.man.short",
		Long:  "cli.man.long",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			app.localizeHelp(root)
			header := &doc.GenManHeader{Section: "1", Source: "crisis " + readBuildInfo().Version, Manual: app.T("cli.man.title", nil)}
			if err := doc.GenManTree(root, header, out); err != nil {
				return err
			}
			if err := app.finishManPages(out); err != nil {
				return err
			}
			_, err := fmt.Fprintln(app.IO.Out, app.T("cli.man.wrote", map[string]any{"Dir": out}))
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "man", "cli.man.flag.out")
	return cmd
}

// finishManPages adds the EXIT STATUS section --help prints to every page
// in dir, before SEE ALSO as man-pages(7) orders them, and puts the
// section headings cobra/doc writes in English into the interface
// language: cobra/doc has no option for either.
func (a *App) finishManPages(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "crisis*.1"))
	if err != nil {
		return err
	}
	var pairs []string
	for _, h := range manHeadings {
		pairs = append(pairs, ".SH "+h.english+"\n", ".SH "+strings.ToUpper(strings.TrimSuffix(a.T(h.id, nil), ":"))+"\n")
	}
	headings := strings.NewReplacer(pairs...)
	section := manExitStatus(a.T("cli.exit-status", nil))
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
		if err := os.WriteFile(page, []byte(headings.Replace(text)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// manHeadings are the section headings cobra/doc writes.
var manHeadings = []struct{ english, id string }{
	{"NAME", "cli.man.name"},
	{"SYNOPSIS", "cli.man.synopsis"},
	{"DESCRIPTION", "cli.man.description"},
	{"OPTIONS", "cli.usage.flags"},
	{"OPTIONS INHERITED FROM PARENT COMMANDS", "cli.usage.global-flags"},
	{"EXAMPLE", "cli.usage.examples"},
	{"SEE ALSO", "cli.man.see-also"},
}

// manExitStatus is the EXIT STATUS text of --help (a heading, then one
// line per code) in roff: one tagged paragraph per code.
func manExitStatus(help string) string {
	var b strings.Builder
	heading, codes, _ := strings.Cut(help, "\n")
	b.WriteString(".SH " + heading + "\n")
	for _, l := range strings.Split(codes, "\n") {
		code, text, _ := strings.Cut(strings.TrimSpace(l), " ")
		fmt.Fprintf(&b, ".TP\n\\fB%s\\fP\n%s\n", code, strings.TrimSpace(text))
	}
	b.WriteString("\n")
	return b.String()
}
