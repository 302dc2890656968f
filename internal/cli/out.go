package cli

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/fsutil"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/ui"
)

// formatFlag is every command's --format: one of a fixed list of names,
// checked when the flag is parsed, so a typo is a usage error before any
// work is done, and the help, the error and shell completion all list the
// same names.
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) String() string { return f.value }
func (f *formatFlag) Type() string   { return "format" }

func (f *formatFlag) Set(s string) error {
	if !slices.Contains(f.allowed, s) {
		return lang.Errorf("cli.error.format", map[string]any{"Value": s, "Formats": lang.OrList(f.allowed)})
	}
	f.value = s
	return nil
}

// addFormatFlag adds --format to cmd; the first format is the default.
func addFormatFlag(cmd *cobra.Command, formats ...string) *formatFlag {
	f := &formatFlag{value: formats[0], allowed: formats}
	cmd.Flags().Var(f, "format", "cli.flag.format")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return f
}

// writers are a command's ways of printing its result, one per format name.
type writers map[string]func(io.Writer) error

// write prints the result in the format chosen with --format, to standard
// output or, with path set, to a file replaced atomically. Every command
// prints through here.
func (a *App) write(f *formatFlag, path string, by writers) error {
	w, ok := by[f.value]
	if !ok {
		// The flag only accepts listed names: a command lacks a writer.
		return fmt.Errorf("--format %s has no writer here (allowed: %s)", f.value, joinOr(f.allowed))
	}
	return writeOut(a, path, w)
}

// writeOut writes to standard output, or to a file that is replaced only
// once the whole content was written and synced (a failed run never leaves
// half a report behind).
func writeOut(app *App, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(app.IO.Out)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return fsutil.WriteFile(path, b.Bytes(), 0o644)
}

// writeTable prints the rows rows writes, tab-separated, as aligned
// columns (see ui.Table). Cells hold manual texts (titles, ids): everything
// written is cleaned here, before the columns are measured, keeping only
// th's own styles, so a title cannot clear the screen or retitle the window.
func writeTable(th *ui.Theme, w io.Writer, rows func(io.Writer)) error {
	var b strings.Builder
	rows(&b)
	_, err := io.WriteString(w, ui.Table(th.Clean(b.String())))
	return err
}

// asJSON is the json writer of a value.
func asJSON(v any) func(io.Writer) error {
	return func(w io.Writer) error { return writeJSON(w, v) }
}

// writeJSON is every command's --format json: indented, with <, > and &
// left as they are (announcement texts contain them), and an empty list as
// [] rather than null, so scripts can always iterate.
func writeJSON(w io.Writer, v any) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice {
		return writeJSONList(w, rv)
	}
	return newJSONEncoder(w, "").Encode(v)
}

func joinOr(s []string) string {
	out := ""
	for i, x := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			out += " or "
		default:
			out += ", "
		}
		out += x
	}
	return out
}
