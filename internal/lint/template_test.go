package lint

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/message"
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
			"CR404", "templates/en.yaml:17:40", "cannot be rendered (values as fb-down declares them): .update_minutes is a count, a number, not text: write {{.update_minutes}} without a function"},
		// The datetime functions take a datetime variable: lint renders
		// every form, with the longest values (update_minutes 30), and
		// says which function was given what.
		{"date of a count", `in {{.update_minutes}} minutes.`, `in {{date .update_minutes}} minutes.`,
			"CR404", "templates/en.yaml:17:40", `cannot be rendered (values as fb-down declares them): date takes a variable of type datetime, not "30"`},
		{"window of a text", `in {{.update_minutes}} minutes.`, `in {{window .platform .platform}} minutes.`,
			"CR404", "templates/en.yaml:17:40", `cannot be rendered (values as fb-down declares them): window takes a variable of type datetime, not "Facebookxx"`},
		{"window misspelt", `in {{.update_minutes}} minutes.`, `in {{windows .platform .platform}} minutes.`,
			"CR401", "templates/en.yaml:17:40", `function "windows" is not available in messages: did you mean "window"?`},
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

// TestRenderEveryAnnouncer: a text is rendered with the values of every
// playbook that sends it; one whose values make it fail is reported once,
// by CR404, naming that playbook, with a hint about what failed.
func TestRenderEveryAnnouncer(t *testing.T) {
	files := build(t, edit{fEN, `other: "{{.platform}} works again."`, `other: "{{upper .platform}} works again."`})
	// A second playbook where platform is a count: upper cannot take it.
	files["playbooks/zz-down.yaml"] = strings.Replace(strings.Replace(basePlaybook,
		"title: Facebook is down", "title: Zed is down", 1),
		"    example: Facebook\n    max_length: 10", "    type: count\n    example: \"3\"", 1)
	res := lintFiles(t, files, nil, Config{})
	var got []diag.Diagnostic
	for _, d := range res.Findings {
		if strings.Contains(d.Message, "all-clear.default") && (d.Rule == "CR404" || d.Rule == "CR501") {
			got = append(got, d)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one CR404 finding about all-clear.default, got %v", got)
	}
	d := got[0]
	want := "message all-clear.default, form other, cannot be rendered (values as zz-down declares them)"
	if d.Rule != "CR404" || d.Pos.String() != "templates/en.yaml:12:13" || !strings.Contains(d.Message, want) ||
		!strings.Contains(d.Message, ".platform is a count, a number, not text: write {{.platform}} without a function") {
		t.Errorf("got %s %s %q, want CR404 at templates/en.yaml:12:13 %q", d.Rule, d.Pos, d.Message, want)
	}
	if !strings.Contains(d.Hint, "print the count as it is") {
		t.Errorf("hint %q", d.Hint)
	}
}

// TestRenderHint: the hint names what made the text fail, not always the
// type mismatch.
func TestRenderHint(t *testing.T) {
	_, countAsText := message.Execute(`{{upper .n}}`, "en", map[string]any{"n": 3})
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("x: %w", message.ErrTooLong), "shorten the text"},
		{countAsText, "print the count as it is"},
		{errors.New(`template: m:1:2: executing "m" at <title .n>: error calling title: boom`), "make the text render with the values"},
	}
	for _, tt := range tests {
		if got := english().T(renderHint(tt.err), nil); !strings.HasPrefix(got, tt.want) {
			t.Errorf("renderHint(%v) = %q, want %q...", tt.err, got, tt.want)
		}
	}
}

// TestRenderUnlistedLocale: a message file in a locale the manual does not
// list is still rendered, with the built-in values (dates, clock times,
// update_minutes) of that locale, not the variables' names.
func TestRenderUnlistedLocale(t *testing.T) {
	files := build(t)
	files["templates/de.yaml"] = strings.Replace(files[fEN], "in {{.update_minutes}} minutes.", "in {{upper .update_minutes}} minutes.", 1)
	res := lintFiles(t, files, nil, Config{})
	i := slices.IndexFunc(res.Findings, func(d diag.Diagnostic) bool { return d.Rule == "CR404" })
	if i < 0 {
		t.Fatalf("no CR404 finding: %v", res.Findings)
	}
	if d := res.Findings[i]; d.Pos.String() != "templates/de.yaml:17:40" || !strings.Contains(d.Message, ".update_minutes is a count, a number, not text: write {{.update_minutes}} without a function") {
		t.Errorf("got %s %q, want CR404 at templates/de.yaml:17:40, wrong type", d.Pos, d.Message)
	}
}

// TestDatetimeMisuseTranslated: a datetime function given another value is
// reported in the interface language, the function's words included.
func TestDatetimeMisuseTranslated(t *testing.T) {
	res := lintFiles(t, build(t, edit{fEN, `in {{.update_minutes}} minutes.`, `in {{date .update_minutes}} minutes.`}), nil, Config{})
	i := slices.IndexFunc(res.Findings, func(d diag.Diagnostic) bool { return d.Rule == "CR404" })
	if i < 0 {
		t.Fatalf("no CR404 finding: %v", res.Findings)
	}
	msg, _ := res.Findings[i].Shown(lang.For(language.Spanish))
	if want := `: date solo admite una variable de tipo fecha y hora (datetime), no "30"`; !strings.HasSuffix(msg, want) {
		t.Errorf("Spanish: %q, want it to end with %q", msg, want)
	}
}
