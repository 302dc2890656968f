package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/diag"
)

// junitSuite is the one test suite a lint run becomes.
const junitSuite = "crisis lint"

type (
	junitSuites struct {
		XMLName xml.Name       `xml:"testsuites"`
		Suites  []junitSuiteEl `xml:"testsuite"`
	}
	junitSuiteEl struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Classname string        `xml:"classname,attr"`
		Name      string        `xml:"name,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		Skipped   *junitFailure `xml:"skipped,omitempty"`
	}
	// junitFailure is a <failure> or <skipped>: a message, a type and the
	// text a CI test view shows when the case is opened.
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Body    string `xml:",chardata"`
	}
)

// writeJUnit prints one test suite with a test case per file and finding:
// errors and warnings fail (type says which), infos are skipped cases with
// the finding as text (a passing case's output is shown by neither GitLab
// nor Jenkins), and a file without findings is one passing "clean" case,
// so test reports count the files that passed too. The shape is the one
// Jenkins xUnit's junit-10.xsd accepts: test cases carry no file attribute
// (classname is the file).
func writeJUnit(w io.Writer, r Report) error {
	suite := junitSuiteEl{Name: junitSuite}
	byFile := map[string]diag.List{}
	for _, d := range r.Findings {
		byFile[d.Pos.File] = append(byFile[d.Pos.File], d)
	}
	files := r.files()
	if _, ok := byFile[""]; ok {
		files = append([]string{""}, files...)
	}
	for _, f := range files {
		suite.Cases = append(suite.Cases, r.junitCases(f, byFile[f])...)
	}
	for _, c := range suite.Cases {
		switch {
		case c.Failure != nil:
			suite.Failures++
		case c.Skipped != nil:
			suite.Skipped++
		}
	}
	suite.Tests = len(suite.Cases)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(junitSuites{Suites: []junitSuiteEl{suite}}); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitCases turns one file's findings into test cases whose names are
// unique within the file: GitLab keeps only the first of two test cases
// with the same classname and name, so the second finding of a rule at one
// position is named "RULE @LINE:COL #2".
func (r Report) junitCases(file string, list diag.List) []junitCase {
	class := r.filePath(file)
	if class == "" {
		class = noFile
	}
	if len(list) == 0 {
		return []junitCase{{Classname: class, Name: "clean"}}
	}
	seen := map[string]int{}
	cases := make([]junitCase, 0, len(list))
	for _, d := range list {
		name := d.Rule + " @" + linecol(d.Pos)
		seen[name]++
		if n := seen[name]; n > 1 {
			name += fmt.Sprintf(" #%d", n)
		}
		c := junitCase{Classname: class, Name: name}
		msg, _ := r.shown(d)
		f := &junitFailure{Message: msg, Type: d.Severity.String(), Body: r.junitBody(class, d)}
		if d.Severity >= diag.Warning {
			c.Failure = f
		} else {
			c.Skipped = f
		}
		cases = append(cases, c)
	}
	return cases
}

// junitBody is what a CI test view shows when the case is opened: where,
// what, how to fix it and where the rule is explained.
func (r Report) junitBody(class string, d diag.Diagnostic) string {
	pos := d.Pos
	pos.File = class
	msg, hint := r.shown(d)
	lines := []string{fmt.Sprintf("%s: %s: %s", pos, d.Severity, msg)}
	if hint != "" {
		lines = append(lines, r.hintLabel()+": "+hint)
	}
	rule := r.rule(d.Rule)
	l := r.localizer()
	lines = append(lines, l.T("lint.output.rule", nil)+": "+ruleTitle(rule))
	if rule.HelpURI != "" {
		lines = append(lines, l.T("lint.output.help", nil)+": "+rule.HelpURI)
	}
	return strings.Join(lines, "\n")
}

// linecol is "line:col", "line" or "-" for a finding about a whole file.
func linecol(p diag.Pos) string {
	switch {
	case p.Line == 0:
		return "-"
	case p.Col == 0:
		return fmt.Sprint(p.Line)
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}
