package output

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestGitLabParses(t *testing.T) {
	out := writeString(t, GitLab, sampleReport())
	if out[0] != '[' {
		t.Fatalf("output starts with %q, want a JSON array and no BOM", out[:3])
	}
	var issues []map[string]any
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatal(err)
	}
	prints := map[string]bool{}
	for _, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity", "location"} {
			if is[k] == nil || is[k] == "" {
				t.Errorf("issue %v: no %s", is, k)
			}
		}
		if !slices.Contains([]string{"info", "minor", "major", "critical", "blocker"}, is["severity"].(string)) {
			t.Errorf("severity %v", is["severity"])
		}
		loc := is["location"].(map[string]any)
		if loc["path"] == "" || loc["lines"].(map[string]any)["begin"].(float64) < 1 {
			t.Errorf("location %v", loc)
		}
		fp := is["fingerprint"].(string)
		if prints[fp] {
			t.Errorf("fingerprint %s used twice", fp)
		}
		prints[fp] = true
	}
}

func TestGitLabWholeManual(t *testing.T) {
	r := Report{Root: "ops/crisis"}
	if got := r.gitlabPath(""); got != "ops/crisis" {
		t.Errorf("path = %q, want the manual folder", got)
	}
	if got := (Report{}).gitlabPath(""); got != "." {
		t.Errorf("path = %q, want .", got)
	}
}
