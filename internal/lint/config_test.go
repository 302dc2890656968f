package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name    string
		rules   map[string]string
		want    map[string]diag.Severity
		wantErr string
	}{
		{"off and severities", map[string]string{"cr101": "off", "CR104": "error", "CR203": "false"},
			map[string]diag.Severity{"CR101": 0, "CR104": diag.Error, "CR203": 0}, ""},
		{"unknown rule", map[string]string{"CR10": "off"}, nil, `unknown rule "CR10"; did you mean "CR101"`},
		{"bad severity", map[string]string{"CR101": "loud"}, nil, `unknown severity "loud"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ParseConfig(tt.rules)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for id, sev := range tt.want {
				if got, ok := cfg.Rules[id]; !ok || got != sev {
					t.Errorf("%s = %v, want %v", id, got, sev)
				}
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
