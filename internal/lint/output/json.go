package output

import (
	"encoding/json"
	"io"
)

// jsonFinding is the flat shape scripts read. Every key is always present
// (0 and "" when unknown) so `jq .findings[].end_line` never meets a
// missing key; the field order is the key order.
type jsonFinding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Hint      string `json:"hint"`
}

// jsonVersion is the version of the JSON report's shape, documented by
// docs/schema/lint-output.schema.json. It grows when a key is removed or
// changes meaning; new keys keep it.
const jsonVersion = 1

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  summary       `json:"summary"`
}

// writeJSON prints the report as one indented JSON document.
func writeJSON(w io.Writer, r Report) error {
	out := jsonReport{Version: jsonVersion, Findings: make([]jsonFinding, 0, len(r.Findings)), Summary: r.summary()}
	for _, d := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			File: r.filePath(d.Pos.File), Line: d.Pos.Line, Column: d.Pos.Col,
			EndLine: d.End.Line, EndColumn: d.End.Col,
			Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message, Hint: d.Hint,
		})
	}
	return encodeJSON(w, out)
}

// encodeJSON indents by two spaces and leaves <, > and & alone: messages
// quote YAML, and \u003c helps nobody reading a report.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
