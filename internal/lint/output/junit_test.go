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

func TestJUnitSeverities(t *testing.T) {
	tests := []struct {
		sev        diag.Severity
		wantType   string
		wantOutput bool
	}{
		{diag.Error, "error", false},
		{diag.Warning, "warning", false},
		{diag.Info, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.sev.String(), func(t *testing.T) {
			r := Report{Findings: diag.List{{Pos: diag.Pos{File: "a.yaml", Line: 2, Col: 3}, Rule: "X", Severity: tt.sev, Message: "m"}}}
			cases := r.junitCases("a.yaml", r.Findings)
			c := cases[0]
			gotType := ""
			if c.Failure != nil {
				gotType = c.Failure.Type
			}
			if gotType != tt.wantType || (c.SystemOut != "") != tt.wantOutput {
				t.Errorf("failure type %q, system-out %q", gotType, c.SystemOut)
			}
			if want := "a.yaml:2:3: " + tt.sev.String() + ": m"; !strings.HasPrefix(c.Failure.bodyOr(c.SystemOut), want) {
				t.Errorf("body does not start with %q", want)
			}
		})
	}
}

func (f *junitFailure) bodyOr(s string) string {
	if f == nil {
		return s
	}
	return f.Body
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
