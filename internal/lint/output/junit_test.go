package output

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

// TestJUnitParses reads the XML back: counts must match the test cases and
// every classname+name pair must be unique, or GitLab drops findings.
func TestJUnitParses(t *testing.T) {
	r := sampleReport()
	// Three findings of one rule at one position, and control characters
	// XML 1.0 cannot carry.
	dup := diag.Diagnostic{Pos: diag.Pos{File: "templates/es.yaml", Line: 1, Col: 1}, Rule: "CL103", Severity: diag.Error, Message: "bell\x07 <&> ]]>"}
	r.Findings = append(r.Findings, dup, dup, dup)
	r.Findings.Sort()
	var doc junitSuites
	if err := xml.Unmarshal([]byte(writeString(t, JUnit, r)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 1 || doc.Suites[0].Name != junitSuite {
		t.Fatalf("suites = %+v, want one named %q", doc.Suites, junitSuite)
	}
	suite := doc.Suites[0]
	seen := map[string]bool{}
	failures := 0
	for _, c := range suite.Cases {
		key := c.Classname + " | " + c.Name
		if seen[key] {
			t.Errorf("test case %q appears twice", key)
		}
		seen[key] = true
		if c.Failure != nil {
			failures++
		}
	}
	// 6 + 3 findings, and one clean file.
	if suite.Tests != 10 || len(suite.Cases) != 10 || suite.Failures != failures || failures != 7 {
		t.Errorf("tests=%d cases=%d failures=%d (counted %d), want 10 tests, 7 failures", suite.Tests, len(suite.Cases), suite.Failures, failures)
	}
	for _, name := range []string{"CL103 @1:1", "CL103 @1:1 #2", "CL103 @1:1 #3", "CL102 @20:19 #2", "clean"} {
		if !hasCase(suite, name) {
			t.Errorf("no test case named %q", name)
		}
	}
}

func hasCase(s junitSuiteEl, name string) bool {
	for _, c := range s.Cases {
		if c.Name == name {
			return true
		}
	}
	return false
}

// TestJUnitSeverities: errors and warnings fail; infos are skipped cases,
// so GitLab and Jenkins show their text (a passing case's is shown by
// neither). Every case says where, what and which severity.
func TestJUnitSeverities(t *testing.T) {
	tests := []struct {
		sev         diag.Severity
		wantFailure bool
	}{
		{diag.Error, true},
		{diag.Warning, true},
		{diag.Info, false},
	}
	for _, tt := range tests {
		t.Run(tt.sev.String(), func(t *testing.T) {
			r := Report{Findings: diag.List{{Pos: diag.Pos{File: "a.yaml", Line: 2, Col: 3}, Rule: "X", Severity: tt.sev, Message: "m"}}}
			c := r.junitCases("a.yaml", r.Findings)[0]
			el := c.Failure
			if !tt.wantFailure {
				el = c.Skipped
			}
			if el == nil || (c.Failure != nil) != tt.wantFailure || (c.Skipped != nil) == tt.wantFailure {
				t.Fatalf("failure %+v, skipped %+v", c.Failure, c.Skipped)
			}
			if el.Type != tt.sev.String() || el.Message != "m" {
				t.Errorf("type %q, message %q", el.Type, el.Message)
			}
			if want := "a.yaml:2:3: " + tt.sev.String() + ": m"; !strings.HasPrefix(el.Body, want) {
				t.Errorf("body %q does not start with %q", el.Body, want)
			}
		})
	}
}

func ExampleWrite_junitNames() {
	d := diag.Diagnostic{Pos: diag.Pos{File: "p.yaml", Line: 3, Col: 7}, Rule: "CR004", Severity: diag.Error, Message: "duplicate id"}
	r := Report{Findings: diag.List{d, d}}
	for _, c := range r.junitCases("p.yaml", r.Findings) {
		fmt.Println(c.Classname, "|", c.Name)
	}
	// Output:
	// p.yaml | CR004 @3:7
	// p.yaml | CR004 @3:7 #2
}
