package lint

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

func TestReadConfig(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		want    map[string]diag.Severity
		wantErr string
	}{
		{"off and severities", "locale: [pl]\nlint:\n  rules:\n    cr101: off\n    CR104: error\n    CR203: false\n",
			map[string]diag.Severity{"CR101": 0, "CR104": diag.Error, "CR203": 0}, ""},
		{"no lint section", "locale: [pl]\nruns-dir: runs\n", map[string]diag.Severity{}, ""},
		{"empty file", "", map[string]diag.Severity{}, ""},
		{"unknown rule", "lint:\n  rules:\n    CR101: off\n    CR10: off\n",
			nil, `.crisis.yaml:4:5: lint.rules: unknown rule "CR10"; did you mean "CR101"`},
		{"bad severity", "lint: {rules: {CR101: loud}}\n",
			nil, `.crisis.yaml:1:23: lint.rules.CR101: unknown severity "loud"; use error, warning, info or off`},
		{"severity not a word", "lint:\n  rules:\n    CR101: [off]\n",
			nil, `.crisis.yaml:3:12: lint.rules.CR101: unknown severity`},
		{"rules as a list", "lint:\n  rules: [CR101]\n",
			nil, `.crisis.yaml:2:10: lint.rules must map rule ids to severities`},
		{"lint as a word", "lint: off\n", nil, `.crisis.yaml:1:7: lint must be a mapping`},
		{"twice", "lint:\n  rules:\n    CR101: off\n    cr101: error\n", nil, `.crisis.yaml:4:5: lint.rules: CR101 is given twice`},
		{"not a mapping", "- lint\n", nil, `.crisis.yaml:1:1: the configuration must be key: value lines`},
		// yaml.v3 gives the line where the unclosed list opens.
		{"invalid YAML", "locale: [pl\nlint: {}\n", nil, `.crisis.yaml:1:1: invalid YAML: did not find expected ',' or ']'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ReadConfig(".crisis.yaml", []byte(tt.file))
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(cfg.Rules, tt.want) {
				t.Errorf("rules = %v, want %v", cfg.Rules, tt.want)
			}
		})
	}
}

func TestConfigApplied(t *testing.T) {
	bad := build(t, edit{fPlaybook, "customers: [status-page]", "customers: [status-page, whatsapp]"})
	off := lintFiles(t, bad, nil, Config{Rules: map[string]diag.Severity{"CR101": 0}})
	if slices.ContainsFunc(off.Findings, func(d diag.Diagnostic) bool { return d.Rule == "CR101" }) {
		t.Errorf("CR101 off still reported: %v", off.Findings)
	}
	warn := lintFiles(t, bad, nil, Config{Rules: map[string]diag.Severity{"CR101": diag.Warning}})
	if i := slices.IndexFunc(warn.Findings, func(d diag.Diagnostic) bool { return d.Rule == "CR101" }); i < 0 || warn.Findings[i].Severity != diag.Warning {
		t.Errorf("CR101 as warning: %v", warn.Findings)
	}
	// A loader rule can be lowered too.
	typo := build(t, edit{fPlaybook, "customers: [status-page]", "customers: [status-pgae]"})
	low := lintFiles(t, typo, nil, Config{Rules: map[string]diag.Severity{"CR005": diag.Info}})
	if i := slices.IndexFunc(low.Findings, func(d diag.Diagnostic) bool { return d.Rule == "CR005" }); i < 0 || low.Findings[i].Severity != diag.Info {
		t.Errorf("CR005 as info: %v", low.Findings)
	}
}

// TestSuppressionOfDisabledRule: a suppression of a rule that is turned
// off is not reported as suppressing nothing.
func TestSuppressionOfDisabledRule(t *testing.T) {
	files := build(t, edit{fPlaybook, "  staff: [sms-staff]", "  staff: [sms-staff] # crisis:ignore CR101 -- kept for later"})
	res := lintFiles(t, files, nil, Config{Rules: map[string]diag.Severity{"CR101": 0}})
	if len(res.Findings) != 0 {
		t.Errorf("findings: %v", res.Findings)
	}
}

// TestSuppressionParse covers the comment forms.
func TestSuppressionParse(t *testing.T) {
	src := "a: 1 # crisis:ignore CR101, CR102 -- two at once\n" +
		"url: http://x.example/#crisis:ignore\n" +
		"  #crisis:ignore cr103\n"
	sups := scanSuppressions("f.yaml", []byte(src))
	if len(sups) != 2 {
		t.Fatalf("got %d suppressions, want 2", len(sups))
	}
	if !slices.Equal(sups[0].ids, []string{"CR101", "CR102"}) || sups[0].reason != "two at once" || sups[0].pos.Col != 6 {
		t.Errorf("first: %+v", sups[0])
	}
	if !slices.Equal(sups[1].ids, []string{"CR103"}) || sups[1].reason != "" || sups[1].pos.Line != 3 {
		t.Errorf("second: %+v", sups[1])
	}
}
