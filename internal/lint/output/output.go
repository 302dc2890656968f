package output

import (
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/sanitize"
)

// Rule is what outputs need to know about a lint rule besides its id: SARIF
// lists every rule with its descriptions, the other formats use the title
// and help link. It is filled from the lint rule registry.
type Rule struct {
	ID        string
	Name      string // the English title: SARIF's rule name, the same in every language
	Title     string // short, sentence case, no final period, in the report's language
	Rationale string // why the rule exists, in the report's language
	HelpURI   string
	Default   diag.Severity // severity before any configuration; 0 means off
}

// Tool names the program that produced a report.
type Tool struct {
	Name    string
	Version string
	InfoURI string
}

// Report is everything one lint run found.
type Report struct {
	// Findings are already sorted (diag.List.Sort) and their severities are
	// final: outputs never reorder or re-judge them.
	Findings diag.List
	// Rules is every rule that could have reported, not only those that did:
	// SARIF consumers show rule help for clean runs too.
	Rules []Rule
	// Files is every file checked, relative to Root, so formats that count
	// passing files (text summary, JUnit) see the clean ones.
	Files []string
	Tool  Tool
	// Root is the manual folder as a slash path relative to the directory
	// CI resolves paths against (the repository root); "" or "." when the
	// manual is the repository. Diagnostic files are relative to the manual,
	// so every format prefixes them with Root. An absolute Root gives
	// absolute paths (and file:// URIs in SARIF).
	Root string
	// Source returns the text of a line of a file (file as in the
	// diagnostics, relative to Root), or "" when it is not known. It is
	// optional: fingerprints use the line text when they can, so they stay
	// stable when the line moves, and fall back to the (English) message.
	Source func(file string, line int) string
	// Lang is the language a person reads the report in; nil is English.
	// See lang.go for what it changes.
	Lang *lang.Localizer
}

// Format names an output format.
type Format string

// The output formats.
const (
	Text    Format = "text"
	Compact Format = "compact"
	JSON    Format = "json"
	GitHub  Format = "github"
	SARIF   Format = "sarif"
	JUnit   Format = "junit"
	GitLab  Format = "gitlab"
)

// writers maps each format to its writer; the order of formats below is the
// order help text lists them in.
var writers = map[Format]func(io.Writer, Report, Options) error{
	Text:    writeText,
	Compact: func(w io.Writer, r Report, _ Options) error { return writeCompact(w, r) },
	JSON:    func(w io.Writer, r Report, _ Options) error { return writeJSON(w, r) },
	GitHub:  func(w io.Writer, r Report, _ Options) error { return writeGitHub(w, r) },
	SARIF:   func(w io.Writer, r Report, _ Options) error { return writeSARIF(w, r, maxSARIFResults) },
	JUnit:   func(w io.Writer, r Report, _ Options) error { return writeJUnit(w, r) },
	GitLab:  func(w io.Writer, r Report, _ Options) error { return writeGitLab(w, r) },
}

// Formats lists the format names, for flag help and completion.
func Formats() []string {
	return []string{string(Text), string(Compact), string(JSON), string(GitHub), string(SARIF), string(JUnit), string(GitLab)}
}

// Write renders r in format f to w. Only the text format uses opt.
func Write(w io.Writer, f Format, r Report, opt Options) error {
	write, ok := writers[f]
	if !ok {
		return fmt.Errorf("unknown output format %q (want one of %s)", f, strings.Join(Formats(), ", "))
	}
	r.Findings = printable(r.Findings)
	return write(w, r, opt)
}

// printable returns the findings with every control character of their
// texts made visible: a message may quote the manual, and terminals and CI
// log viewers obey escape sequences. Every format gets the same text.
func printable(list diag.List) diag.List {
	out := make(diag.List, len(list))
	for i, d := range list {
		d.Message, d.Hint, d.Pos.File, d.End.File = sanitize.Text(d.Message), sanitize.Text(d.Hint), sanitize.Text(d.Pos.File), sanitize.Text(d.End.File)
		out[i] = d
	}
	return out
}

// filePath is the path of a diagnostic's file as CI and terminals resolve
// it: relative to the repository, not to the manual.
func (r Report) filePath(file string) string {
	if file == "" {
		return ""
	}
	if r.Root == "" || r.Root == "." {
		return file
	}
	return path.Join(strings.ReplaceAll(r.Root, `\`, "/"), file)
}

// rule returns the metadata of a rule id, or just the id when the registry
// does not know it (loader rules reported before the registry existed).
func (r Report) rule(id string) Rule {
	if i := slices.IndexFunc(r.Rules, func(x Rule) bool { return x.ID == id }); i >= 0 {
		return r.Rules[i]
	}
	return Rule{ID: id}
}

// files returns every file checked or named by a finding, sorted, so a
// report stays consistent even when Files misses one.
func (r Report) files() []string {
	files := slices.Clone(r.Files)
	for _, d := range r.Findings {
		if d.Pos.File != "" {
			files = append(files, d.Pos.File)
		}
	}
	slices.Sort(files)
	return slices.Compact(files)
}

// summary counts findings by severity.
type summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Files    int `json:"files"`
}

func (r Report) summary() summary {
	s := summary{Files: len(r.files())}
	for _, d := range r.Findings {
		switch d.Severity {
		case diag.Error:
			s.Errors++
		case diag.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	return s
}

// summaryLine is the one-line summary that ends a text report, in the
// report's language.
func (r Report) summaryLine(s summary) string {
	l := r.localizer()
	files := l.N("lint.output.files", s.Files, nil)
	if s.Errors+s.Warnings+s.Infos == 0 {
		return l.T("lint.output.clean", map[string]any{"Files": files})
	}
	return l.T("lint.output.summary", map[string]any{"Errors": l.N("lint.output.errors", s.Errors, nil),
		"Warnings": l.N("lint.output.warnings", s.Warnings, nil), "Infos": l.N("lint.output.infos", s.Infos, nil), "Files": files})
}

// withHint is the message followed by its hint on a new line, for formats
// that have a single text field.
func (r Report) withHint(d diag.Diagnostic) string {
	msg, hint := r.shown(d)
	if hint == "" {
		return msg
	}
	return msg + "\n" + r.hintLabel() + ": " + hint
}
