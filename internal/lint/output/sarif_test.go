package output

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

// TestSARIFStructure parses the output back and checks what GitHub code
// scanning requires or needs to be useful, beyond what the schema checks
// (TestSARIFOfficialSchema).
func TestSARIFStructure(t *testing.T) {
	r := sampleReport()
	var log sarifLog
	if err := json.Unmarshal([]byte(writeString(t, SARIF, r)), &log); err != nil {
		t.Fatal(err)
	}
	if log.Schema != sarifSchema || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("$schema %q, version %q, %d runs", log.Schema, log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" || run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("driver name %q, columnKind %q", run.Tool.Driver.Name, run.ColumnKind)
	}
	checkSARIFRules(t, run.Tool.Driver.Rules, r.Rules)
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results, want %d", len(run.Results), len(r.Findings))
	}
	prints := map[string]bool{}
	for i, res := range run.Results {
		checkSARIFResult(t, res, run.Tool.Driver.Rules, r.Findings[i])
		fp := res.Location().ArtifactLocation.URI + " " + res.PartialFingerprints["crisisFingerprint/v1"]
		if prints[fp] {
			t.Errorf("result %d: fingerprint %s used twice", i, fp)
		}
		prints[fp] = true
	}
}

// Location is the first location of a result, for tests.
func (res sarifResult) Location() sarifPhysicalLocation {
	if len(res.Locations) == 0 {
		return sarifPhysicalLocation{}
	}
	return res.Locations[0].PhysicalLocation
}

func checkSARIFRules(t *testing.T, rules []sarifRule, registered []Rule) {
	t.Helper()
	for i, reg := range registered {
		if rules[i].ID != reg.ID {
			t.Errorf("rule %d is %q, want registered %q first, in order", i, rules[i].ID, reg.ID)
		}
	}
	ids := map[string]bool{}
	for _, rule := range rules {
		if rule.ID == "" || ids[rule.ID] || rule.ShortDescription == nil || rule.ShortDescription.Text == "" {
			t.Errorf("rule %+v: needs a unique id and a short description", rule)
		}
		ids[rule.ID] = true
		if !slices.Contains([]string{"error", "warning", "note", "none"}, rule.DefaultConfiguration.Level) {
			t.Errorf("rule %s: default level %q", rule.ID, rule.DefaultConfiguration.Level)
		}
	}
}

func checkSARIFResult(t *testing.T, res sarifResult, rules []sarifRule, d diag.Diagnostic) {
	t.Helper()
	if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID || res.RuleID != d.Rule {
		t.Errorf("result %s: ruleIndex %d does not point at its rule", res.RuleID, res.RuleIndex)
	}
	if !slices.Contains([]string{"error", "warning", "note"}, res.Level) || res.Message.Text == "" {
		t.Errorf("result %s: level %q, message %q", res.RuleID, res.Level, res.Message.Text)
	}
	loc := res.Location()
	if loc.ArtifactLocation.URI == "" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || loc.ArtifactLocation.URIBaseID != srcRoot {
		t.Errorf("result %s: artifact location %+v, want a relative URI on %s", res.RuleID, loc.ArtifactLocation, srcRoot)
	}
	if reg := loc.Region; reg == nil || reg.StartLine != d.Pos.Line || reg.StartColumn != d.Pos.Col || reg.EndLine != d.End.Line || reg.EndColumn != d.End.Col {
		t.Errorf("result %s: region %+v, want %v-%v", res.RuleID, loc.Region, d.Pos, d.End)
	}
	// Our own key only: GitHub computes primaryLocationLineHash itself and
	// warns when a tool's differs.
	if len(res.PartialFingerprints) != 1 || res.PartialFingerprints["crisisFingerprint/v1"] == "" {
		t.Errorf("result %s: partialFingerprints %v, want crisisFingerprint/v1 alone", res.RuleID, res.PartialFingerprints)
	}
}

// TestSARIFCap keeps the most severe findings when there are too many and
// says so in a run-level notification.
func TestSARIFCap(t *testing.T) {
	r := sampleReport() // 3 errors, 1 warning, 2 infos, infos before one error
	var buf bytes.Buffer
	if err := writeSARIF(&buf, r, 4); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var levels []string
	for _, res := range run.Results {
		levels = append(levels, res.Level)
	}
	if want := []string{"error", "error", "error", "warning"}; !slices.Equal(levels, want) {
		t.Errorf("levels kept = %v, want %v", levels, want)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 1 || !strings.HasPrefix(notes[0].Message.Text, "2 of 6 findings left out") {
		t.Errorf("notifications = %+v, want one saying 2 of 6 were left out", notes)
	}
}

func TestArtifactLocation(t *testing.T) {
	tests := []struct {
		root, file string
		want       sarifArtifactLocation
	}{
		{"", "playbooks/a.yaml", sarifArtifactLocation{"playbooks/a.yaml", srcRoot}},
		{".", "playbooks/a.yaml", sarifArtifactLocation{"playbooks/a.yaml", srcRoot}},
		{"ops/crisis/", "playbooks/a.yaml", sarifArtifactLocation{"ops/crisis/playbooks/a.yaml", srcRoot}},
		{`ops\crisis`, "playbooks/a.yaml", sarifArtifactLocation{"ops/crisis/playbooks/a.yaml", srcRoot}},
		{"manual", "templates/español #1.yaml", sarifArtifactLocation{"manual/templates/espa%C3%B1ol%20%231.yaml", srcRoot}},
		{"/srv/manual", "playbooks/a.yaml", sarifArtifactLocation{"file:///srv/manual/playbooks/a.yaml", ""}},
		{`C:\manual`, "playbooks/a.yaml", sarifArtifactLocation{"file:///C:/manual/playbooks/a.yaml", ""}},
	}
	for _, tt := range tests {
		if got := (Report{Root: tt.root}).artifactLocation(tt.file); got != tt.want {
			t.Errorf("root %q, file %q: %+v, want %+v", tt.root, tt.file, got, tt.want)
		}
	}
}

func TestPascalCase(t *testing.T) {
	for in, want := range map[string]string{"SMS too long": "SMSTooLong", "Placeholders: declared, filled": "PlaceholdersDeclaredFilled", "": "", "ñandú ok": "ÑandúOk"} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
}
