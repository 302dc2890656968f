package output

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		name, in, data, property string
	}{
		{"plain", "unknown key", "unknown key", "unknown key"},
		{"percent first", "100%0A", "100%250A", "100%250A"},
		{"newlines", "a\r\nb\nc", "a%0D%0Ab%0Ac", "a%0D%0Ab%0Ac"},
		{"colon and comma", "a: b, c", "a: b, c", "a%3A b%2C c"},
		{"double colon", "x::error::y", "x::error::y", "x%3A%3Aerror%3A%3Ay"},
		{"non-ASCII", "«Atención», ü", "«Atención», ü", "«Atención»%2C ü"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dataEscaper.Replace(tt.in); got != tt.data {
				t.Errorf("data %q = %q, want %q", tt.in, got, tt.data)
			}
			if got := propertyEscaper.Replace(tt.in); got != tt.property {
				t.Errorf("property %q = %q, want %q", tt.in, got, tt.property)
			}
		})
	}
}

func TestGitHubAnnotationPositions(t *testing.T) {
	at := func(line, col, endLine, endCol int) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: "a, b.yaml", Line: line, Col: col}, End: diag.Pos{Line: endLine, Col: endCol},
			Rule: "CR001", Severity: diag.Error, Message: "m"}
	}
	tests := []struct {
		name string
		d    diag.Diagnostic
		want string
	}{
		{"point", at(3, 4, 0, 0), "::error file=m/a%2C b.yaml,line=3,col=4,title=CR001::m"},
		{"one line range", at(3, 4, 3, 9), "::error file=m/a%2C b.yaml,line=3,endLine=3,col=4,endColumn=9,title=CR001::m"},
		{"multi-line range drops columns", at(3, 4, 5, 2), "::error file=m/a%2C b.yaml,line=3,endLine=5,title=CR001::m"},
		{"whole file", at(0, 0, 0, 0), "::error file=m/a%2C b.yaml,title=CR001::m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Report{Root: "m"}).annotation("error", tt.d); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestGitHubCaps writes 30 findings: 12 errors, 12 warnings and 6 infos.
// GitHub would drop the 11th and 12th error and warning annotations, so
// those four must be log lines, and the summary must count them.
func TestGitHubCaps(t *testing.T) {
	var r Report
	for i := range 30 {
		sev := []diag.Severity{diag.Error, diag.Warning, diag.Info}[min(i/12, 2)]
		r.Findings = append(r.Findings, diag.Diagnostic{Pos: diag.Pos{File: "p.yaml", Line: i + 1, Col: 1},
			Rule: "CR001", Severity: sev, Message: fmt.Sprintf("finding %d\n::error::injected", i+1)})
	}
	out := writeString(t, GitHub, r)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	count := map[string]int{}
	for _, l := range lines {
		for _, p := range []string{"::error ", "::warning ", "::notice ", "p.yaml:"} {
			if strings.HasPrefix(l, p) {
				count[p]++
			}
		}
	}
	want := map[string]int{"::error ": 10, "::warning ": 10, "::notice ": 6, "p.yaml:": 4}
	for p, n := range want {
		if count[p] != n {
			t.Errorf("%d lines start with %q, want %d\n%s", count[p], p, n, out)
		}
	}
	if len(lines) != 31 {
		t.Errorf("%d lines, want 30 findings and a summary", len(lines))
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "; 4 not annotated") {
		t.Errorf("summary = %q, want the 4 findings not annotated", last)
	}
	if want := `p.yaml:11:1: error: finding 11; %3A%3Aerror%3A%3Ainjected [CR001]`; lines[10] != want {
		t.Errorf("log line = %q, want %q (one line, no command)", lines[10], want)
	}
}

// TestGitHubLogLinesRunNoCommand puts workflow commands in a manual's text,
// past the caps where findings become plain log lines. The Actions runner
// runs a line starting with "::" (after spaces) as a command, and "##[" anywhere in
// a line as an old-style one (actions/runner ActionCommand.TryParse and
// TryParseV2): no plain line may carry either.
func TestGitHubLogLinesRunNoCommand(t *testing.T) {
	texts := []string{"##[warning]fake", "x ##[error]y", ":::stop-commands:::", "###[group]", "::add-mask::secret", "a\n::error::b", "a\r##[error]b"}
	var r Report
	for i := range 2 * maxStepAnnotations {
		for _, text := range texts {
			r.Findings = append(r.Findings, diag.Diagnostic{Pos: diag.Pos{File: "::p.yaml", Line: i + 1, Col: 1},
				Rule: "CR001", Severity: diag.Error, Message: text, Hint: text})
		}
	}
	plain := 0
	for _, l := range strings.Split(writeString(t, GitHub, r), "\n") {
		if strings.HasPrefix(l, "::error ") {
			continue // an annotation we meant
		}
		plain++
		if strings.HasPrefix(strings.TrimSpace(l), "::") || strings.Contains(l, "##[") {
			t.Errorf("plain log line would run as a workflow command: %q", l)
		}
	}
	if plain < len(r.Findings)-maxStepAnnotations {
		t.Errorf("%d plain lines, want at least %d", plain, len(r.Findings)-maxStepAnnotations)
	}
	want := `%3A%3Ap.yaml:20:1: error: x %23%23[error]y [CR001] (hint: x %23%23[error]y)`
	if !strings.Contains(writeString(t, GitHub, r), want+"\n") {
		t.Errorf("no log line %q", want)
	}
}

func TestGitHubNoticeCap(t *testing.T) {
	var r Report
	for i := range 30 {
		r.Findings = append(r.Findings, diag.Diagnostic{Pos: diag.Pos{File: "p.yaml", Line: i + 1}, Rule: "CR001", Severity: diag.Info, Message: "m"})
	}
	out := writeString(t, GitHub, r)
	if n := strings.Count(out, "::notice "); n != maxStepAnnotations {
		t.Errorf("%d notices annotated, want %d", n, maxStepAnnotations)
	}
	if !strings.Contains(out, "; 20 not annotated") {
		t.Errorf("summary does not count 20 hidden notices:\n%s", out)
	}
}
