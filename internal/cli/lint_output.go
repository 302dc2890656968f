package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/lint/output"
	"github.com/crisis-cli/crisis/internal/ui"
)

// lintTarget is one report to write: a format and a file ("" for standard
// output).
type lintTarget struct {
	format output.Format
	file   string
}

// lintFormats is lint's repeatable --format FORMAT[=FILE]. Each value is
// checked as it is parsed, with the same names, help and error as every
// other command's --format.
type lintFormats struct {
	name    formatFlag
	targets []lintTarget
}

func newLintFormats() *lintFormats {
	return &lintFormats{name: formatFlag{allowed: output.Formats()}}
}

func (f *lintFormats) Type() string { return "FORMAT[=FILE]" }

func (f *lintFormats) String() string {
	var s []string
	for _, t := range f.targets {
		s = append(s, strings.TrimSuffix(string(t.format)+"="+t.file, "="))
	}
	return strings.Join(s, ",")
}

func (f *lintFormats) Set(spec string) error {
	name, file, withFile := strings.Cut(spec, "=")
	if err := f.name.Set(name); err != nil {
		return err
	}
	if withFile && file == "" {
		return lang.Errorf("cli.lint.format-no-file", map[string]any{"Spec": spec, "Format": name})
	}
	if file == "-" {
		file = ""
	}
	if file == "" && f.toStdout() {
		return errStdoutTwice
	}
	for _, t := range f.targets {
		if file != "" && t.file == file {
			return lang.Errorf("cli.lint.format-same-file", map[string]any{"First": t.format, "Second": spec, "File": file})
		}
	}
	f.targets = append(f.targets, lintTarget{format: output.Format(name), file: file})
	return nil
}

func (f *lintFormats) toStdout() bool {
	for _, t := range f.targets {
		if t.file == "" {
			return true
		}
	}
	return false
}

var errStdoutTwice = lang.Errorf("cli.lint.stdout-twice", nil)

// lintTargets combines --format with --output, and picks the default
// format when none was given: text, or GitHub annotations under Actions.
func lintTargets(o lintOptions) ([]lintTarget, error) {
	targets := o.formats.targets
	if len(targets) == 0 {
		f := output.Text
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			f = output.GitHub
		}
		targets = []lintTarget{{format: f}}
	}
	if o.output != "" {
		if len(targets) > 1 || targets[0].file != "" {
			return nil, usageError("cli.lint.output-single", nil)
		}
		targets = []lintTarget{{format: targets[0].format, file: o.output}}
	}
	return targets, nil
}

// writeReports writes each report, files atomically. When every report
// goes to a file, the text report goes to standard error as well: a CI
// log must say what failed, not only show a failed step.
func (a *App) writeReports(targets []lintTarget, r output.Report) error {
	stdout := false
	for _, t := range targets {
		opt := output.Options{}
		if t.file == "" {
			stdout = true
			opt = diagOptions(a.Theme())
		}
		err := writeOut(a, t.file, func(w io.Writer) error { return output.Write(w, t.format, r, opt) })
		if err != nil {
			return fmt.Errorf("--format %s: %w", t.format, err)
		}
	}
	if !stdout {
		return output.Write(a.IO.Err, output.Text, r, diagOptions(ui.NewErrTheme(a.IO)))
	}
	return nil
}

// diagOptions styles findings with a theme, so findings printed by lint
// and by any other command look the same: colour only when the theme's
// stream is a terminal and NO_COLOR is not set.
func diagOptions(th *ui.Theme) output.Options {
	style := func(k output.Kind, s string) string {
		switch k {
		case output.KindFile, output.KindSummary:
			return th.Bold.Render(s)
		case output.KindError, output.KindCaret:
			return th.Error.Render(s)
		case output.KindWarning:
			return th.Warn.Render(s)
		case output.KindInfo, output.KindRule, output.KindHint, output.KindGutter:
			return th.Muted.Render(s)
		}
		return s
	}
	return output.Options{Color: th.Color, Style: style}
}

// writeDiagnostics prints a manual's problems on standard error, as lint
// prints findings, at most limit of them.
func (a *App) writeDiagnostics(list diag.List, limit int) {
	_ = output.WriteFindings(a.IO.Err, list, limit, lang.For(a.Lang), diagOptions(ui.NewErrTheme(a.IO)))
}
