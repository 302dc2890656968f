package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/dispatch"
	"github.com/crisis-cli/crisis/internal/drillrecord"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/lint"
	"github.com/crisis-cli/crisis/internal/lint/output"
	"github.com/crisis-cli/crisis/internal/manual"
)

type lintOptions struct {
	formats   *lintFormats
	output    string
	strict    bool
	explain   string
	listRules bool
	// localDrills reads drill records from the runs folder.
	localDrills bool
	// checkTargets also runs crisis targets check: it needs the secrets.
	checkTargets bool
}

func newLintCmd(app *App) *cobra.Command {
	o := lintOptions{formats: newLintFormats()}
	cmd := &cobra.Command{
		Use:   "lint [DIR]",
		Short: "cli.lint.short",
		Long:  "cli.lint.long",
		Example: `  crisis lint
  crisis lint --strict --format sarif=lint.sarif --format text
  crisis lint --format gitlab --output gl-code-quality-report.json
  crisis lint --explain CR101`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := ""
			if len(args) == 1 {
				dir = args[0]
			}
			o.localDrills = o.localDrills || cmd.Flags().Changed("runs-dir")
			return app.runLint(dir, o)
		},
	}
	f := cmd.Flags()
	f.VarP(o.formats, "format", "f", "cli.lint.flag.format")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(output.Formats(), cobra.ShellCompDirectiveNoFileComp))
	f.StringVarP(&o.output, "output", "o", "", "cli.lint.flag.output")
	f.BoolVar(&o.strict, "strict", false, "cli.flag.strict")
	f.StringVar(&o.explain, "explain", "", "cli.flag.explain")
	f.BoolVar(&o.listRules, "list-rules", false, "cli.flag.list-rules")
	f.String("runs-dir", "", "cli.lint.flag.runs-dir")
	f.BoolVar(&o.localDrills, "local-drills", false, "cli.flag.local-drills")
	f.BoolVar(&o.checkTargets, "check-targets", false, "cli.flag.check-targets")
	_ = cmd.RegisterFlagCompletionFunc("explain", cobra.FixedCompletions(lint.IDs(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *App) runLint(dir string, o lintOptions) error {
	if o.explain != "" || o.listRules {
		what := "--list-rules"
		if o.explain != "" {
			what = "--explain"
		}
		f, err := ruleFormat(o, what)
		if err != nil {
			return err
		}
		if o.explain != "" {
			return explainRule(a.IO.Out, o.explain, f, lang.For(a.Lang))
		}
		return listRules(a.IO.Out, f, lang.For(a.Lang))
	}
	targets, err := lintTargets(o)
	if err != nil {
		return err
	}
	root, err := a.lintRoot(dir)
	if err != nil {
		return err
	}
	cfg, err := a.lintConfig(root, dir != "")
	if err != nil {
		return err
	}
	opt := lint.Options{Now: a.Now, Config: cfg, Runs: a.drillRecords(root, o.localDrills)}
	// An error that stops lint names the folder as the user sees it; the
	// findings name files from the repository, for CI and editors.
	_, res, err := lint.Run(os.DirFS(root), a.displayRoot(root), opt)
	if err != nil {
		return &ExitError{Code: ExitManual, Err: err}
	}
	named := dir
	if named == "" {
		named = a.Config.GetString("manual")
	}
	wd, _ := a.Getwd()
	l := lang.For(a.Lang)
	report := output.Report{Findings: res.Findings, Rules: outputRules(l), Files: res.Files, Root: repoPath(root, named, wd), Lang: l,
		Source: res.Sources.Line, Tool: output.Tool{Name: "crisis", Version: readBuildInfo().Version, InfoURI: lint.RepoURL}}
	if err := a.writeReports(targets, report); err != nil {
		return err
	}
	if o.checkTargets {
		m, _, err := manual.Load(os.DirFS(root), a.displayRoot(root))
		if err != nil {
			return &ExitError{Code: ExitManual, Err: err}
		}
		if failed := checkTargets(context.Background(), a.IO.Err, m, nil, dispatch.Env{}); failed > 0 {
			return &ExitError{Code: ExitFindings, Err: fmt.Errorf("%d delivery target(s) failed their check", failed)}
		}
	}
	return lintExit(res.Findings, o.strict)
}

// lintExit is 1 on errors, or on warnings with --strict.
func lintExit(findings diag.List, strict bool) error {
	for _, d := range findings {
		if d.Severity == diag.Error || (strict && d.Severity == diag.Warning) {
			return errSilent(ExitFindings)
		}
	}
	return nil
}

// lintRoot is DIR when given (it must hold a manual), else the manual
// found as for every command. Lint never falls back to the built-in
// example: a CI job linting the wrong folder must fail.
func (a *App) lintRoot(dir string) (string, error) {
	if dir != "" {
		root, _, err := manual.Find(dir, dir)
		if err != nil {
			return "", &ExitError{Code: ExitManual, Err: err}
		}
		return root, nil
	}
	root, ok, err := a.findManual()
	if err != nil {
		return "", &ExitError{Code: ExitManual, Err: err}
	}
	if !ok {
		return "", &ExitError{Code: ExitManual, Err: &notManualError{lang.Errorf("cli.lint.no-manual", map[string]any{"File": manual.ManualFile})}}
	}
	return root, nil
}

// lintConfig reads lint.rules from the configuration file in use. With
// DIR given, DIR's own .crisis.yaml is the configuration, not the one
// found from the working directory. The file is read again here, by lint,
// so that a mistake in it is reported at its line and column.
func (a *App) lintConfig(root string, explicit bool) (lint.Config, error) {
	file := a.Config.ConfigFileUsed()
	if own := filepath.Join(root, ".crisis.yaml"); explicit {
		file = ""
		if st, err := os.Stat(own); err == nil && !st.IsDir() {
			file = own
		}
	}
	if file == "" {
		return lint.Config{}, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return lint.Config{}, &ExitError{Code: ExitUsage, Err: err}
	}
	cfg, err := lint.ReadConfig(file, data)
	if err != nil {
		return cfg, &ExitError{Code: ExitUsage, Err: err}
	}
	return cfg, nil
}

// repoPath is the manual folder as a slash path relative to the root of
// the git repository holding it (the nearest parent with a .git folder, or
// a .git file in a worktree or submodule). Every lint format names files
// this way: CI systems and editors resolve paths against the repository,
// whatever folder lint was started from. Outside a repository the paths
// must still open from where lint runs: the manual relative to wd, or
// absolute when the manual was named by an absolute path (named), which
// SARIF writes as file URIs.
func repoPath(root, named, wd string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "."
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			if rel, err := filepath.Rel(dir, abs); err == nil {
				return filepath.ToSlash(rel)
			}
			return "."
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if filepath.IsAbs(named) || wd == "" {
		return filepath.ToSlash(abs)
	}
	if rel, err := filepath.Rel(wd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// drillRecords is where the rehearsal rule reads drill records: this
// machine's records of this manual when asked, else the drills/ folder
// committed with the manual (the same layout: <playbook>.json), so that
// lint says the same on a laptop and in CI. nil, without a drills/ folder,
// keeps the rule silent; local records asked for are read even when this
// machine has none (then nothing is rehearsed).
func (a *App) drillRecords(root string, local bool) fs.FS {
	if local {
		return os.DirFS(drillrecord.LocalDir(a.runsDir(), root))
	}
	dir := filepath.Join(root, drillrecord.Dir)
	if !isDir(dir) {
		return nil
	}
	return os.DirFS(dir)
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// outputRules describes every rule in the interface language, as SARIF's
// rules and GitHub's annotation titles show them to a person.
func outputRules(l *lang.Localizer) []output.Rule {
	var out []output.Rule
	for _, r := range lint.Rules() {
		m := r.Meta()
		out = append(out, output.Rule{ID: m.ID, Name: m.Title(nil), Title: m.Title(l), Rationale: m.Rationale(l), HelpURI: lint.HelpURI(m.ID, l), Default: m.Severity})
	}
	return out
}

// ruleFormat is the format of --list-rules and --explain: text or json,
// on standard output. The other formats report findings; a rule list in
// SARIF or a file nobody asked for would be a silent surprise.
func ruleFormat(o lintOptions, what string) (output.Format, error) {
	ts := o.formats.targets
	switch {
	case o.output != "":
		return "", usageError("cli.lint.rules-no-output", map[string]any{"Flag": what})
	case len(ts) == 0:
		return output.Text, nil
	case len(ts) > 1 || ts[0].file != "" || (ts[0].format != output.Text && ts[0].format != output.JSON):
		return "", usageError("cli.lint.rules-format", map[string]any{"Flag": what})
	}
	return ts[0].format, nil
}

// ruleJSON is a rule in --list-rules and --explain --format json; the
// keys are part of the interface scripts read, and so are the texts: they
// are English in every interface language, as lint's JSON findings are.
type ruleJSON struct {
	ID        string `json:"id"`
	Severity  string `json:"severity"`
	Title     string `json:"title"`
	Rationale string `json:"rationale"`
	Bad       string `json:"bad"`
	Good      string `json:"good"`
	HelpURI   string `json:"help_uri"`
}

func toRuleJSON(m lint.Meta) ruleJSON {
	return ruleJSON{ID: m.ID, Severity: m.Severity.String(), Title: m.Title(nil), Rationale: m.Rationale(nil), Bad: m.Bad(nil), Good: m.Good(nil), HelpURI: lint.HelpURI(m.ID, nil)}
}

// explainRule prints a rule's title, severity, rationale and examples, in
// l's language unless as JSON.
func explainRule(w io.Writer, id string, f output.Format, l *lang.Localizer) error {
	r := lint.Lookup(strings.ToUpper(id))
	if r == nil {
		if hint := didYouMean(strings.ToUpper(id), lint.IDs()); hint != nil {
			return usageError("cli.lint.unknown-rule-hint", map[string]any{"Rule": id, "Hint": hint})
		}
		return usageError("cli.lint.unknown-rule", map[string]any{"Rule": id})
	}
	if f == output.JSON {
		return writeJSON(w, toRuleJSON(r.Meta()))
	}
	_, err := io.WriteString(w, lint.Explain(r.Meta(), l))
	return err
}

func listRules(w io.Writer, f output.Format, l *lang.Localizer) error {
	if f == output.JSON {
		var out []ruleJSON
		for _, r := range lint.Rules() {
			out = append(out, toRuleJSON(r.Meta()))
		}
		return writeJSON(w, out)
	}
	for _, r := range lint.Rules() {
		m := r.Meta()
		if _, err := fmt.Fprintf(w, "%s  %-7s  %s\n", m.ID, m.Severity, m.Title(l)); err != nil {
			return err
		}
	}
	return nil
}

// notManualError is lint's "no manual here": its words in the interface
// language, and still manual.ErrNotManual to errors.Is.
type notManualError struct{ msg *lang.Error }

func (e *notManualError) Error() string   { return e.msg.Error() }
func (e *notManualError) Unwrap() []error { return []error{e.msg, manual.ErrNotManual} }
