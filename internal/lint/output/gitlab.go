package output

import (
	"cmp"
	"io"

	"github.com/crisis-cli/crisis/internal/diag"
)

// gitlabIssue is one entry of a GitLab Code Quality report (a subset of the
// Code Climate issue format: the fields GitLab reads).
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// writeGitLab prints the Code Quality JSON array; "[]" when the manual is
// clean, because GitLab treats a missing or empty file as a failed job
// artifact, not as no issues.
func writeGitLab(w io.Writer, r Report) error {
	issues := make([]gitlabIssue, 0, len(r.Findings))
	prints := r.fingerprints()
	for i, d := range r.Findings {
		issues = append(issues, gitlabIssue{
			Description: r.gitlabDescription(d),
			CheckName:   d.Rule,
			Fingerprint: prints[i].full(),
			Severity:    gitlabSeverity(d.Severity),
			Location:    gitlabLocation{Path: r.gitlabPath(d.Pos.File), Lines: gitlabLines{Begin: max(d.Pos.Line, 1)}},
		})
	}
	return encodeJSON(w, issues)
}

// gitlabSeverity maps onto GitLab's five levels: an error blocks a crisis
// manual from being usable, so it is critical; a warning is major; an info
// stays info. minor and blocker are not used.
func gitlabSeverity(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "critical"
	case diag.Warning:
		return "major"
	}
	return "info"
}

// gitlabDescription is one line in the merge request widget, so the hint
// goes in parentheses rather than on a line of its own.
func (r Report) gitlabDescription(d diag.Diagnostic) string {
	msg, hint := r.shown(d)
	if hint == "" {
		return msg
	}
	return msg + " (" + r.hintLabel() + ": " + hint + ")"
}

// gitlabPath is the file relative to the repository; GitLab requires a
// path, so a finding about the manual as a whole points at its folder.
func (r Report) gitlabPath(file string) string {
	return cmp.Or(r.filePath(file), r.Root, ".")
}
