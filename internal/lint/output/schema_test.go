package output

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crisis-cli/crisis/internal/diag"
)

// compile compiles a JSON Schema file, as draft 2020-12 unless it names
// its own draft.
func compile(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	sch, err := c.Compile(file)
	if err != nil {
		t.Fatalf("compile %s: %v", file, err)
	}
	return sch
}

// validate checks a document against a schema.
func validate(sch *jsonschema.Schema, doc string) error {
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// TestJSONSchema checks the JSON report against its published schema,
// docs/schema/lint-output.schema.json, and that the schema can say no.
func TestJSONSchema(t *testing.T) {
	sch := compile(t, filepath.Join("..", "..", "..", "docs", "schema", "lint-output.schema.json"))
	r := sampleReport()
	r.Findings = append(r.Findings, diag.Diagnostic{Rule: "CR009", Severity: diag.Info, Message: "about the whole manual"})
	for name, rep := range map[string]Report{"sample": r, "clean": cleanReport()} {
		if err := validate(sch, writeString(t, JSON, rep)); err != nil {
			t.Errorf("%s report does not validate: %v", name, err)
		}
	}
	for name, doc := range map[string]string{
		"no version":   `{"findings": [], "summary": {"errors": 0, "warnings": 0, "infos": 0, "files": 0}}`,
		"version 2":    `{"version": 2, "findings": [], "summary": {"errors": 0, "warnings": 0, "infos": 0, "files": 0}}`,
		"bad severity": `{"version": 1, "findings": [{"file": "a", "line": 1, "column": 1, "end_line": 0, "end_column": 0, "rule": "CR001", "severity": "fatal", "message": "m", "hint": ""}], "summary": {"errors": 0, "warnings": 0, "infos": 0, "files": 0}}`,
		"missing hint": `{"version": 1, "findings": [{"file": "a", "line": 1, "column": 1, "end_line": 0, "end_column": 0, "rule": "CR001", "severity": "error", "message": "m"}], "summary": {"errors": 1, "warnings": 0, "infos": 0, "files": 1}}`,
	} {
		if validate(sch, doc) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
