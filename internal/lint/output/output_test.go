package output

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/goldentest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// source is the text of the manual files the sample findings point at.
var source = map[string][]string{
	"playbooks/data-leak.yaml": {
		"id: data-leak", "title: Fuga de datos", "steps:", "  - escalaton: ciso",
		"", "", "", "", "", "", "",
		"    sms: Estimado cliente, sus datos {{.Name}} …",
		"", "", "", "", "", "", "",
		"    placeholders: [Name, Name]",
	},
	"playbooks/manual.yaml": {"organisation: Ejemplo S.A.", "version: 2"},
	"templates/es.yaml": {
		"locale: es", "", "", "", "", "", "greeting: «Atención al cliente» está disponible 24/7",
	},
}

func sourceLine(file string, line int) string {
	lines := source[file]
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// sampleReport is one realistic run: three files with findings and one
// clean, non-ASCII messages, a message with %, comma, colon and a newline,
// and two findings of one rule at one position.
func sampleReport() Report {
	findings := diag.List{
		{Pos: diag.Pos{File: "templates/es.yaml", Line: 7, Col: 11}, End: diag.Pos{File: "templates/es.yaml", Line: 7, Col: 30},
			Rule: "CL103", Severity: diag.Warning, Message: "«Atención al cliente» está en mayúsculas y minúsculas mezcladas", Hint: "escriba «atención al cliente»"},
		{Pos: diag.Pos{File: "playbooks/data-leak.yaml", Line: 12, Col: 10}, End: diag.Pos{File: "playbooks/data-leak.yaml", Line: 12, Col: 52},
			Rule: "CL101", Severity: diag.Error, Message: "sms text: 172 of 160 characters, 108% of one segment\nit will be sent as 2 segments", Hint: "shorten it, or move details to the e-mail"},
		{Pos: diag.Pos{File: "playbooks/data-leak.yaml", Line: 4, Col: 5}, Rule: "CR002", Severity: diag.Error,
			Message: `unknown key "escalaton"`, Hint: `did you mean "escalation"?`},
		{Pos: diag.Pos{File: "playbooks/data-leak.yaml", Line: 20, Col: 19}, Rule: "CL102", Severity: diag.Info, Message: "placeholder Name is listed twice"},
		{Pos: diag.Pos{File: "playbooks/data-leak.yaml", Line: 20, Col: 19}, Rule: "CL102", Severity: diag.Info, Message: "placeholder Name is never filled"},
		{Pos: diag.Pos{File: "playbooks/manual.yaml", Line: 2, Col: 10}, Rule: "CR008", Severity: diag.Error,
			Message: "format version 2 is not read by this build (it reads 1)", Hint: "upgrade crisis"},
	}
	findings.Sort()
	return Report{
		Findings: findings,
		Rules: []Rule{
			{ID: "CR002", Title: "Unknown key", Rationale: "A misspelt key is silently ignored, so a step would lose its escalation.", HelpURI: "https://crisis.example/rules/CR002", Default: diag.Error},
			{ID: "CL101", Title: "SMS too long", Rationale: "Long texts split into segments that arrive out of order on some phones.", HelpURI: "https://crisis.example/rules/CL101", Default: diag.Error},
			{ID: "CL102", Title: "Placeholders: declared, filled", Default: diag.Info},
			{ID: "CL103", Title: "Consistent wording", Rationale: "Customers read the same words in every channel.", Default: diag.Warning},
			{ID: "CL104", Title: "Unused template", Rationale: "A template nobody sends drifts out of date.", Default: diag.Warning},
		},
		Files:  []string{"playbooks/data-leak.yaml", "playbooks/email-down.yaml", "playbooks/manual.yaml", "templates/es.yaml"},
		Tool:   Tool{Name: "crisis", Version: "1.2.3", InfoURI: "https://github.com/crisis-cli/crisis"},
		Root:   "crisis",
		Source: sourceLine,
	}
}

func cleanReport() Report {
	r := sampleReport()
	r.Findings = nil
	return r
}

func TestGolden(t *testing.T) {
	reports := map[string]Report{"": sampleReport(), "-clean": cleanReport()}
	for _, f := range Formats() {
		for suffix, r := range reports {
			t.Run(f+suffix, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, Format(f), r, Options{}); err != nil {
					t.Fatal(err)
				}
				goldentest.Check(t, filepath.Join("testdata", f+suffix+".golden"), buf.Bytes(), *update)
			})
		}
	}
}

// TestTextStyled checks styling reaches every part and never the padding.
func TestTextStyled(t *testing.T) {
	style := func(k Kind, s string) string { return "<" + string(k) + ">" + s + "</" + string(k) + ">" }
	var buf bytes.Buffer
	if err := Write(&buf, Text, sampleReport(), Options{Color: true, Style: style}); err != nil {
		t.Fatal(err)
	}
	goldentest.Check(t, filepath.Join("testdata", "text-styled.golden"), buf.Bytes(), *update)
}

func TestTextColorOffIgnoresStyle(t *testing.T) {
	var plain, off bytes.Buffer
	style := func(_ Kind, s string) string { return "!" + s }
	_ = Write(&plain, Text, sampleReport(), Options{})
	_ = Write(&off, Text, sampleReport(), Options{Style: style})
	if plain.String() != off.String() {
		t.Errorf("Style applied without Color:\n%s", off.String())
	}
	var ansi bytes.Buffer
	_ = Write(&ansi, Text, sampleReport(), Options{Color: true})
	if !strings.Contains(ansi.String(), ": \x1b[1;31merror\x1b[0m: ") {
		t.Errorf("Color without Style should fall back to ANSI:\n%q", ansi.String())
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "yaml", sampleReport(), Options{})
	if err == nil || !strings.Contains(err.Error(), "text, compact, json, github, sarif, junit, gitlab") {
		t.Errorf("err = %v, want the list of formats", err)
	}
}

func writeString(t *testing.T, f Format, r Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, r, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestCaret puts the caret under the column as a terminal shows the line:
// tabs kept, wide characters counted twice, combining marks not at all.
func TestCaret(t *testing.T) {
	at := func(col, endLine, endCol int) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{Line: 3, Col: col}, End: diag.Pos{Line: endLine, Col: endCol}}
	}
	tests := []struct {
		name, line string
		d          diag.Diagnostic
		pad, caret string
	}{
		{"first column", "key: v", at(1, 0, 0), "", "^"},
		{"ascii", "  - escalaton: ciso", at(5, 0, 0), "    ", "^"},
		{"range on the line", "  - escalaton: ciso", at(5, 3, 14), "    ", "^^^^^^^^^"},
		{"range on another line", "  - escalaton: ciso", at(5, 4, 2), "    ", "^"},
		{"range past the end", "ab", at(2, 3, 40), " ", "^"},
		{"column past the end", "ab", at(9, 0, 0), "  ", "^"},
		{"tab", "\tsms: x", at(2, 0, 0), "\t", "^"},
		{"wide", "名前: 値", at(5, 0, 0), "      ", "^"},
		{"wide range", "名前: 値です", at(5, 3, 8), "      ", "^^^^^^"},
		{"combining", "cafe\u0301: x", at(8, 0, 0), "      ", "^"},
		// Shown as \x1b and \a: the caret goes under the escaped line.
		{"control before", "x: 1 # \x1b]0;t\a y", at(15, 0, 0), strings.Repeat(" ", 18), "^"},
		{"control in the range", "a\x1bb c", at(1, 3, 4), "", "^^^^^^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if pad, c := caret(tt.line, tt.d); pad != tt.pad || c != tt.caret {
				t.Errorf("caret(%q) = %q, %q; want %q, %q", tt.line, pad, c, tt.pad, tt.caret)
			}
		})
	}
}

// TestTextFirstLines: every finding's first line is
// path:line:col: severity: message [RULE], the shape compilers print and
// problem matchers and quickfix lists read, with the path from the
// repository root.
func TestTextFirstLines(t *testing.T) {
	out := writeString(t, Text, sampleReport())
	want := []string{
		`crisis/playbooks/data-leak.yaml:4:5: error: unknown key "escalaton" [CR002]`,
		`crisis/playbooks/data-leak.yaml:12:10: error: sms text: 172 of 160 characters, 108% of one segment [CL101]`,
		`crisis/playbooks/data-leak.yaml:20:19: info: placeholder Name is listed twice [CL102]`,
		`crisis/playbooks/data-leak.yaml:20:19: info: placeholder Name is never filled [CL102]`,
		`crisis/playbooks/manual.yaml:2:10: error: format version 2 is not read by this build (it reads 1) [CR008]`,
		`crisis/templates/es.yaml:7:11: warning: «Atención al cliente» está en mayúsculas y minúsculas mezcladas [CL103]`,
	}
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "crisis/") {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("first lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, snippet := range []string{
		"  4 |   - escalaton: ciso\n    |     ^\n    hint: did you mean \"escalation\"?\n",
		"[CL101]\n    it will be sent as 2 segments\n  12 |",
	} {
		if !strings.Contains(out, snippet) {
			t.Errorf("text lacks %q", snippet)
		}
	}
}

// TestTextSourceLineSanitized: the source line under a finding is the
// manual's own bytes; an escape sequence in a comment is shown, not obeyed.
func TestTextSourceLineSanitized(t *testing.T) {
	r := cleanReport()
	r.Source = func(string, int) string { return "severity: lowish # \x1b]0;PWN\a\x1b[2J" }
	r.Findings = diag.List{{Pos: diag.Pos{File: "playbooks/x.yaml", Line: 5, Col: 11}, Rule: "CR003", Severity: diag.Error, Message: "bad"}}
	out := writeString(t, Text, r)
	if strings.ContainsAny(out, "\x1b\a") {
		t.Errorf("raw control characters in:\n%q", out)
	}
	want := "  5 | severity: lowish # \\x1b]0;PWN\\a\\x1b[2J\n    |           ^\n"
	if !strings.Contains(out, want) {
		t.Errorf("text lacks %q:\n%s", want, out)
	}
}

// TestTextColumnsCountBytes: the first line of a text finding counts its
// column in bytes, as go vet and vim do, while the caret stays under the
// key as the eye sees it.
func TestTextColumnsCountBytes(t *testing.T) {
	const line = "- {nota: 'Açores ção', x: 1, bogus: 1}"
	r := Report{Root: "crisis", Findings: diag.List{{Pos: diag.Pos{File: "playbooks/a.yaml", Line: 2, Col: 30},
		Rule: "CR002", Severity: diag.Error, Message: `unknown key "bogus"`}},
		Source: func(string, int) string { return line }}
	out := writeString(t, Text, r)
	if !strings.Contains(out, "crisis/playbooks/a.yaml:2:33: error: unknown key \"bogus\" [CR002]\n") {
		t.Errorf("first line does not give byte column 33:\n%s", out)
	}
	if !strings.Contains(out, "  2 | "+line+"\n    | "+strings.Repeat(" ", 29)+"^\n") {
		t.Errorf("the caret is not under bogus:\n%s", out)
	}
}
