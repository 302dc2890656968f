package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

// TestTemplateFindingPositions: a refused or failing template is reported
// at its action, file:line:col in the YAML file, however the text is
// written; where the text has no single place in the file (escapes,
// folding), at the text with the line and column inside it.
func TestTemplateFindingPositions(t *testing.T) {
	tests := []struct {
		name, old, new string
		rule, at, msg  string
	}{
		{"plain", `    other: "{{.platform}} works again."`, `    other: works {{template "x"}}`,
			"CR401", "templates/en.yaml:12:18", `{{template "x"}} is not available`},
		{"single-quoted", `    other: "{{.platform}} works again."`, `    other: 'ok {{.platform.name}}'`,
			"CR401", "templates/en.yaml:12:16", "a variable has no fields"},
		{"literal block", `    other: "{{.platform}} works again."`, "    other: |\n      {{.platform}} works again.\n        Ñu {{range 1000000000}}x{{end}}",
			"CR401", "templates/en.yaml:14:12", "{{range}} is not available"},
		{"escapes", `    other: "{{.platform}} works again."`, `    other: "\u00d1u\n{{printf \"%09999999d\" 1}}"`,
			"CR401", "templates/en.yaml:12:12", `line 2, column 1 of the text: function "printf" is not available`},
		{"execution", `in {{.update_minutes}} minutes.`, `in {{lower .update_minutes}} minutes.`,
			"CR404", "templates/en.yaml:17:40", "wrong type for value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := lintFiles(t, build(t, edit{fEN, tt.old, tt.new}), nil, Config{})
			i := slices.IndexFunc(res.Findings, func(d diag.Diagnostic) bool { return d.Rule == tt.rule })
			if i < 0 {
				t.Fatalf("no %s finding: %v", tt.rule, res.Findings)
			}
			d := res.Findings[i]
			if d.Pos.String() != tt.at || !strings.Contains(d.Message, tt.msg) {
				t.Errorf("got %s %q, want %s %q", d.Pos, d.Message, tt.at, tt.msg)
			}
		})
	}
}
