package output

import (
	"cmp"
	"io"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/crisis-cli/crisis/internal/diag"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// maxSARIFResults is GitHub code scanning's limit per run; uploads with
	// more are rejected whole, so we keep the most severe ones.
	maxSARIFResults = 25000
	// srcRoot is the base GitHub resolves relative URIs against: the
	// repository checkout.
	srcRoot = "%SRCROOT%"
	// sarifFingerprintKey names our own fingerprint. GitHub computes
	// primaryLocationLineHash itself on upload and warns when a tool's
	// differs (github/codeql-action src/fingerprints.ts), so that key is
	// left to it; a versioned key of our own lets the hash change later.
	sarifFingerprintKey = "crisisFingerprint/v1"
)

// The SARIF subset crisis writes. Optional members are pointers or
// omitempty, so absent facts are absent rather than zero.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		ColumnKind  string            `json:"columnKind"`
		// Language is that of the messages and rule texts (SARIF §3.14.7);
		// given in every language, so the structure never changes.
		Language  string          `json:"language"`
		Artifacts []sarifArtifact `json:"artifacts,omitempty"`
		Results   []sarifResult   `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name,omitempty"`
		ShortDescription     *sarifText    `json:"shortDescription,omitempty"`
		FullDescription      *sarifText    `json:"fullDescription,omitempty"`
		Help                 *sarifText    `json:"help,omitempty"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifArtifact struct {
		Location sarifArtifactLocation `json:"location"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

// writeSARIF prints one SARIF log with one run. limit caps the results
// (a parameter so tests need not build 25,000 findings).
func writeSARIF(w io.Writer, r Report, limit int) error {
	rules, index := r.sarifRules(r.localizer().T("lint.output.see", nil))
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: r.Tool.InfoURI, Rules: rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "unicodeCodePoints",
		Language:    r.localizer().Tag.String(),
		Results:     []sarifResult{},
	}
	for _, f := range r.files() {
		run.Artifacts = append(run.Artifacts, sarifArtifact{Location: r.artifactLocation(f)})
	}
	prints := r.fingerprints()
	keep := keepMostSevere(r.Findings, limit)
	for i, d := range r.Findings {
		if keep[i] {
			run.Results = append(run.Results, r.sarifResult(d, index[d.Rule], prints[i]))
		}
	}
	if dropped := len(r.Findings) - len(run.Results); dropped > 0 {
		run.Invocations[0].ToolExecutionNotifications = []sarifNotification{{Level: "warning", Message: sarifText{
			r.localizer().N("lint.output.leftout", dropped, map[string]any{"Total": len(r.Findings), "Max": limit})}}}
	}
	return encodeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRules lists every registered rule, then any rule a finding names
// that the registry lacks, so each result's ruleIndex points at its rule.
func (r Report) sarifRules(see string) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	add := func(rule Rule) {
		if _, ok := index[rule.ID]; !ok {
			index[rule.ID] = len(rules)
			rules = append(rules, sarifRuleOf(rule, see))
		}
	}
	for _, rule := range r.Rules {
		add(rule)
	}
	for _, d := range r.Findings {
		rule := r.rule(d.Rule)
		if _, known := index[d.Rule]; !known {
			// Unregistered (a loader rule): its first finding's severity is
			// the best guess at a default, better than claiming it is off.
			rule.Default = d.Severity
		}
		add(rule)
	}
	if rules == nil {
		rules = []sarifRule{}
	}
	return rules, index
}

// sarifRuleOf describes a rule; see is the word before its help link.
func sarifRuleOf(rule Rule, see string) sarifRule {
	s := sarifRule{
		ID: rule.ID, Name: pascalCase(cmp.Or(rule.Name, rule.Title)), HelpURI: rule.HelpURI,
		ShortDescription:     &sarifText{cmp.Or(rule.Title, rule.ID)},
		DefaultConfiguration: sarifRuleConf{Level: sarifLevel(rule.Default)},
	}
	if rule.Rationale != "" {
		s.FullDescription = &sarifText{rule.Rationale}
		help := rule.Rationale
		if rule.HelpURI != "" {
			help += "\n\n" + see + " " + rule.HelpURI
		}
		s.Help = &sarifText{help}
	}
	return s
}

// sarifLevel maps a severity; "none" is SARIF's word for a rule that is off.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	case diag.Info:
		return "note"
	}
	return "none"
}

func (r Report) sarifResult(d diag.Diagnostic, ruleIndex int, fp fingerprint) sarifResult {
	res := sarifResult{
		RuleID: d.Rule, RuleIndex: ruleIndex, Level: sarifLevel(d.Severity),
		Message:             sarifText{r.withHint(d)},
		PartialFingerprints: map[string]string{sarifFingerprintKey: fp.full()},
	}
	if d.Pos.File != "" {
		res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: r.artifactLocation(d.Pos.File), Region: sarifRegionOf(d),
		}}}
	}
	return res
}

// sarifRegionOf is nil for a finding about a whole file: a region needs a
// start line.
func sarifRegionOf(d diag.Diagnostic) *sarifRegion {
	if d.Pos.Line == 0 {
		return nil
	}
	reg := &sarifRegion{StartLine: d.Pos.Line, StartColumn: d.Pos.Col}
	if d.End.Line >= d.Pos.Line {
		reg.EndLine, reg.EndColumn = d.End.Line, d.End.Col
	}
	return reg
}

// artifactLocation is a URI relative to the repository checkout, or a
// file:// URI when the manual was named by an absolute path. URIs are
// percent-encoded: manual file names may hold spaces and accents.
func (r Report) artifactLocation(file string) sarifArtifactLocation {
	p := r.filePath(file)
	if path.IsAbs(p) || (len(p) > 2 && p[1] == ':' && unicode.IsLetter(rune(p[0]))) {
		u := url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(p, "/")}
		return sarifArtifactLocation{URI: u.String()}
	}
	u := url.URL{Path: p}
	return sarifArtifactLocation{URI: u.String(), URIBaseID: srcRoot}
}

// keepMostSevere marks which findings fit in limit, preferring errors,
// then warnings, then infos, so a cap never hides an error behind notes.
func keepMostSevere(list diag.List, limit int) []bool {
	keep := make([]bool, len(list))
	for _, sev := range []diag.Severity{diag.Error, diag.Warning, diag.Info, 0} {
		for i, d := range list {
			if limit == 0 {
				return keep
			}
			if !keep[i] && (d.Severity == sev || sev == 0) {
				keep[i] = true
				limit--
			}
		}
	}
	return keep
}

// pascalCase turns a title into the identifier-like name SARIF suggests
// ("Message too long" -> "MessageTooLong").
func pascalCase(title string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		first := []rune(word)
		b.WriteString(strings.ToUpper(string(first[0])) + string(first[1:]))
	}
	return b.String()
}
