package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

// GitHub shows at most this many annotations of each level per step, and
// at most maxJobAnnotations per job; workflow commands beyond them are
// dropped without a word, so we print those findings as plain log lines
// instead. Source: actions/toolkit docs/problem-matchers.md ("10 warning
// annotations, 10 error annotations, and 10 notice annotations per step,
// 50 annotations per job"). One step's 3x10 never reaches 50; the job cap
// is kept so a change to the step caps cannot exceed it. What earlier steps
// of the job used cannot be known from here.
const (
	maxStepAnnotations = 10
	maxJobAnnotations  = 50
)

var (
	// dataEscaper escapes a workflow command's message.
	dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	// propertyEscaper escapes a property value, where : and , end the value.
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	// commandEscaper defuses workflow commands in a plain log line: the
	// runner runs "::command::" at a line's start and "##[command]" anywhere
	// in it, so a manual's text must carry neither. Both are encoded whole,
	// so no "::" or "##[" is left by overlapping matches (":::" or "###[").
	commandEscaper = strings.NewReplacer("::", "%3A%3A", "##[", "%23%23[")
)

// writeGitHub prints one workflow command per finding while GitHub will
// show it, plain log lines after that, and a summary that says how many
// findings were not annotated.
func writeGitHub(w io.Writer, r Report) error {
	var b strings.Builder
	shown := map[string]int{}
	total, hidden := 0, 0
	for _, d := range r.Findings {
		level := githubLevel(d.Severity)
		if shown[level] < maxStepAnnotations && total < maxJobAnnotations {
			shown[level]++
			total++
			b.WriteString(r.annotation(level, d) + "\n")
			continue
		}
		hidden++
		b.WriteString(r.logLine(d) + "\n")
	}
	b.WriteString(r.githubSummary(hidden) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func githubLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "notice"
}

// annotation is the ::level file=..,line=..::message workflow command.
func (r Report) annotation(level string, d diag.Diagnostic) string {
	var props []string
	add := func(k, v string) { props = append(props, k+"="+propertyEscaper.Replace(v)) }
	if f := r.filePath(d.Pos.File); f != "" {
		add("file", f)
	}
	if d.Pos.Line > 0 {
		add("line", fmt.Sprint(d.Pos.Line))
		endLine := max(d.End.Line, d.Pos.Line)
		if d.End.Line > 0 {
			add("endLine", fmt.Sprint(endLine))
		}
		// Columns only make sense on one line; GitHub ignores them otherwise.
		if endLine == d.Pos.Line && d.Pos.Col > 0 {
			add("col", fmt.Sprint(d.Pos.Col))
			if d.End.Line == d.Pos.Line && d.End.Col > 0 {
				add("endColumn", fmt.Sprint(d.End.Col))
			}
		}
	}
	add("title", ruleTitle(r.rule(d.Rule)))
	return "::" + level + " " + strings.Join(props, ",") + "::" + dataEscaper.Replace(r.withHint(d))
}

// ruleTitle is "Title (ID)", or the id alone for a rule without a title.
func ruleTitle(rule Rule) string {
	if rule.Title == "" {
		return rule.ID
	}
	return rule.Title + " (" + rule.ID + ")"
}

// logLine is a finding GitHub will not annotate: the compact line, with
// anything the runner would take for a workflow command escaped.
func (r Report) logLine(d diag.Diagnostic) string {
	return commandEscaper.Replace(r.compactLine(d))
}

// githubSummary ends the log with the counts and, when GitHub's limits
// hid some findings, where to find them.
func (r Report) githubSummary(hidden int) string {
	line := "crisis lint: " + r.summaryLine(r.summary())
	if hidden > 0 {
		line += "; " + r.localizer().N("lint.output.hidden", hidden, map[string]any{"Max": maxStepAnnotations})
	}
	return line
}
