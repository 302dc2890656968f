package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/lint/output"
)

// lintTarget is one report to write: a format and a file ("" for standard
// output).
type lintTarget struct {
	format output.Format
	file   string
}

// lintTargets reads --format FORMAT[=FILE] (repeatable) and --output.
func lintTargets(o lintOptions) ([]lintTarget, error) {
	var targets []lintTarget
	for _, spec := range o.formats {
		name, file, _ := strings.Cut(spec, "=")
		if !slices.Contains(output.Formats(), name) {
			return nil, usageErrorf("unknown --format %q; use %s", name, joinOr(output.Formats()))
		}
		if file == "-" {
			file = ""
		}
		targets = append(targets, lintTarget{format: output.Format(name), file: file})
	}
	if len(targets) == 0 {
		f := output.Text
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			f = output.GitHub
		}
		targets = []lintTarget{{format: f}}
	}
	if o.output != "" {
		if len(targets) > 1 || targets[0].file != "" {
			return nil, usageErrorf("--output goes with a single --format; write several as --format FORMAT=FILE")
		}
		targets[0].file = o.output
	}
	stdout := 0
	for _, t := range targets {
		if t.file == "" {
			stdout++
		}
	}
	if stdout > 1 {
		return nil, &ExitError{Code: ExitUsage, Err: errStdoutTwice}
	}
	return targets, nil
}

func (a *App) writeReports(targets []lintTarget, r output.Report) error {
	for _, t := range targets {
		if t.file == "" {
			opt := output.Options{Color: a.IO.Color()}
			if err := output.Write(a.IO.Out, t.format, r, opt); err != nil {
				return err
			}
			continue
		}
		if err := writeReportFile(t, r); err != nil {
			return err
		}
	}
	return nil
}

func writeReportFile(t lintTarget, r output.Report) error {
	f, err := os.Create(t.file)
	if err != nil {
		return fmt.Errorf("--format %s: %w", t.format, err)
	}
	if err := output.Write(f, t.format, r, output.Options{}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
