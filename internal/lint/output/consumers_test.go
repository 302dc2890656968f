package output

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// The tests in this file hand each format to what really reads it: the
// official SARIF 2.1.0 schema, Jenkins xUnit's JUnit XSD through xmllint,
// GitLab's Code Quality schema, and vim's quickfix parser. The schemas are
// vendored in testdata/consumers (see SOURCE.md there).

const consumers = "testdata/consumers"

// consumerReport is the sample run and the findings that are hard on
// readers: one about a whole file, one about the manual as a whole, text
// that XML cannot carry as is, workflow commands, three findings of one
// rule at one position, and one shown in the report's language (tag).
func consumerReport(tag language.Tag) Report {
	r := sampleReport()
	r.Lang = lang.For(tag)
	hard := diag.Diagnostic{Pos: diag.Pos{File: "templates/es.yaml", Line: 3, Col: 2}, Rule: "CL103", Severity: diag.Error,
		Message: "bell\x07 <&> ]]> ::error::x ##[warning]y", Hint: "100% sure, really: yes"}
	r.Findings = append(r.Findings,
		diag.Diagnostic{Pos: diag.Pos{File: "playbooks/email-down.yaml"}, Rule: "CL104", Severity: diag.Warning, Message: "template never sent"},
		diag.Diagnostic{Rule: "CR009", Severity: diag.Info, Message: "about the whole manual"},
		hard, hard, hard, translatedFinding())
	r.Findings.Sort()
	return r
}

// needTool finds a consumer's program. Locally a missing one skips the test
// with a word; in CI (.ci/run installs them, CI=true) it fails.
func needTool(t *testing.T, name, debianPackage string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed: .ci/run installs Debian's %s for this test", name, debianPackage)
	}
	t.Skipf("%s is not installed (Debian package %s); skipping the test against it", name, debianPackage)
	return ""
}

// TestSARIFOfficialSchema validates SARIF output against the OASIS schema,
// in every interface language.
func TestSARIFOfficialSchema(t *testing.T) {
	sch := compile(t, filepath.Join(consumers, "sarif-schema-2.1.0.json"))
	docs := map[string]string{}
	for _, tag := range lang.Supported {
		var buf bytes.Buffer
		if err := writeSARIF(&buf, consumerReport(tag), 3); err != nil { // with the "left out" notification
			t.Fatal(err)
		}
		abs := consumerReport(tag)
		abs.Root = "/srv/manual" // file:// URIs
		clean := cleanReport()
		clean.Lang = lang.For(tag)
		for name, doc := range map[string]string{"sample": writeString(t, SARIF, consumerReport(tag)),
			"clean": writeString(t, SARIF, clean), "capped": buf.String(), "absolute": writeString(t, SARIF, abs)} {
			docs[tag.String()+"/"+name] = doc
		}
	}
	for name, doc := range docs {
		if err := validate(sch, doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The schema can say no: a level SARIF does not have.
	bad := strings.Replace(docs["en/sample"], `"level": "error"`, `"level": "fatal"`, 1)
	if validate(sch, bad) == nil {
		t.Error(`the schema accepts "level": "fatal"`)
	}
}

// TestGitLabCodeQualitySchema validates every Code Quality entry against
// GitLab's schema, and the file as GitLab reads it: a JSON array, no BOM;
// in every interface language.
func TestGitLabCodeQualitySchema(t *testing.T) {
	sch := compile(t, filepath.Join(consumers, "gitlab-codeclimate.json"))
	for name, r := range reportsInEveryLanguage() {
		out := writeString(t, GitLab, r)
		if strings.HasPrefix(out, "\uFEFF") {
			t.Errorf("%s: starts with a BOM", name)
		}
		var entries []json.RawMessage
		if err := json.Unmarshal([]byte(out), &entries); err != nil {
			t.Fatalf("%s: not a JSON array: %v", name, err)
		}
		if len(entries) != len(r.Findings) {
			t.Errorf("%s: %d entries for %d findings", name, len(entries), len(r.Findings))
		}
		for i, e := range entries {
			if err := validate(sch, string(e)); err != nil {
				t.Errorf("%s: entry %d: %v", name, i, err)
			}
		}
	}
	if validate(sch, `{"description": "d", "severity": "major", "location": {"path": "a"}}`) == nil {
		t.Error("the schema accepts an entry without a fingerprint")
	}
}

// TestJUnitJenkinsXSD runs xmllint --schema with Jenkins xUnit's
// junit-10.xsd on the JUnit output, in every interface language.
func TestJUnitJenkinsXSD(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	xsd := filepath.Join(consumers, "jenkins-xunit-junit-10.xsd")
	dir := t.TempDir()
	check := func(name, doc string) error {
		file := filepath.Join(dir, name+".xml")
		if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", xsd, file).CombinedOutput()
		if err != nil {
			return &toolError{err, string(out)}
		}
		return nil
	}
	for name, r := range reportsInEveryLanguage() {
		if err := check(strings.ReplaceAll(name, "/", "-"), writeString(t, JUnit, r)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// xmllint can say no: the file attribute on a test case (what crisis
	// wrote before) is not in the schema.
	withFile := `<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase classname="a.yaml" name="clean" file="a.yaml"></testcase></testsuite></testsuites>`
	if check("with-file", withFile) == nil {
		t.Error("xmllint accepts a file attribute on a test case")
	}
}

// TestJUnitShowsEveryFinding: each finding's message appears in an element
// CI test views show (failure or skipped), infos included.
func TestJUnitShowsEveryFinding(t *testing.T) {
	out := writeString(t, JUnit, sampleReport())
	for _, want := range []string{
		`<skipped message="placeholder Name is listed twice" type="info">`,
		`<skipped message="placeholder Name is never filled" type="info">`,
		`<failure message="unknown key &#34;escalaton&#34;" type="error">`,
		`<testsuite name="crisis lint" tests="7" failures="4" errors="0" skipped="2">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JUnit lacks %s", want)
		}
	}
}

// TestCompactVimQuickfix has vim read the compact output with the
// errorformat %f:%l:%c: %m and checks every finding became a valid
// quickfix entry with its file, line, column and text. The expected
// entries are written out by hand.
func TestCompactVimQuickfix(t *testing.T) {
	vim := needTool(t, "vim", "vim")
	// vim-tiny parses errorformat too but cannot script the check: it lacks
	// +eval. Debian's vim has it.
	if v, _ := exec.Command(vim, "--version").Output(); !bytes.Contains(v, []byte("+eval")) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s lacks +eval: .ci/run installs Debian's vim for this test", vim)
		}
		t.Skipf("%s lacks +eval (vim-tiny?); install Debian's vim to run this test", vim)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "lint.txt"), filepath.Join(dir, "qf.json")
	// Accented text before the finding's column: vim's %c is a byte
	// index, so the column must count bytes for vim to land on "bogus".
	const accented = "- {nota: 'Açores ção', x: 1, bogus: 1}"
	if err := os.MkdirAll(filepath.Join(dir, "crisis", "playbooks"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "crisis", "playbooks", "azores.yaml"), []byte("crisis: 1\n"+accented+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := consumerReport(language.English)
	r.Findings = append(r.Findings, diag.Diagnostic{Pos: diag.Pos{File: "playbooks/azores.yaml", Line: 2, Col: 30}, Rule: "CR002", Severity: diag.Error, Message: `unknown key "bogus"`})
	r.Findings.Sort()
	r.Source = func(file string, line int) string {
		if file == "playbooks/azores.yaml" && line == 2 {
			return accented
		}
		return sourceLine(file, line)
	}
	if err := os.WriteFile(in, []byte(writeString(t, Compact, r)), 0o644); err != nil {
		t.Fatal(err)
	}
	// at is the text vim's cursor lands on, for files that exist.
	script := `call writefile(map(getqflist(), {_, e -> json_encode({'valid': e.valid, 'file': bufname(e.bufnr), 'line': e.lnum, 'col': e.col, 'text': e.text, ` +
		`'at': filereadable(bufname(e.bufnr)) ? strpart(readfile(bufname(e.bufnr))[e.lnum-1], e.col-1) : ''})}), '` + out + `')`
	cmd := exec.Command(vim, "-es", "-N", "-u", "NONE", "-i", "NONE", "--noplugin",
		"-c", `set errorformat=%f:%l:%c:\ %m`, "-c", "cgetfile "+in, "-c", script, "-c", "qa!")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("vim: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		Valid      int
		File       string
		Line, Col  int
		TextPrefix string
	}
	want := []entry{
		{1, "(manual)", 1, 1, "info: about the whole manual [CR009]"},
		{1, "crisis/playbooks/azores.yaml", 2, 33, `error: unknown key "bogus" [CR002]`},
		{1, "crisis/playbooks/data-leak.yaml", 4, 5, `error: unknown key "escalaton" [CR002] (hint: did you mean "escalation"?)`},
		{1, "crisis/playbooks/data-leak.yaml", 12, 10, "error: sms text: 172 of 160 characters, 108% of one segment; it will be sent as 2 segments [CL101]"},
		{1, "crisis/playbooks/data-leak.yaml", 20, 19, "info: placeholder Name is listed twice [CL102]"},
		{1, "crisis/playbooks/data-leak.yaml", 20, 19, "info: placeholder Name is never filled [CL102]"},
		{1, "crisis/playbooks/email-down.yaml", 1, 1, "warning: template never sent [CL104]"},
		{1, "crisis/playbooks/manual.yaml", 2, 10, "error: format version 2 is not read by this build (it reads 1) [CR008] (hint: upgrade crisis)"},
		{1, "crisis/playbooks/manual.yaml", 10, 3, "error: the approval expired on 2026-10-10 (22 days ago): approved 2026-09-01, review every 39d [CR602]"},
		// The bell reaches no terminal: every format shows it as \a.
		{1, "crisis/templates/es.yaml", 3, 2, `error: bell\a <&> ]]> ::error::x ##[warning]y [CL103] (hint: 100% sure, really: yes)`},
		{1, "crisis/templates/es.yaml", 3, 2, "error: bell"},
		{1, "crisis/templates/es.yaml", 3, 2, "error: bell"},
		{1, "crisis/templates/es.yaml", 7, 11, "warning: «Atención al cliente» está en mayúsculas y minúsculas mezcladas [CL103]"},
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != len(want) {
		t.Fatalf("vim read %d entries, want %d:\n%s", len(lines), len(want), b)
	}
	for i, l := range lines {
		var got struct {
			Valid int    `json:"valid"`
			File  string `json:"file"`
			Line  int    `json:"line"`
			Col   int    `json:"col"`
			Text  string `json:"text"`
			At    string `json:"at"`
		}
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("entry %d: %v: %s", i, err, l)
		}
		w := want[i]
		if got.Valid != w.Valid || got.File != w.File || got.Line != w.Line || got.Col != w.Col || !strings.HasPrefix(got.Text, w.TextPrefix) {
			t.Errorf("entry %d: %+v\nwant %+v", i, got, w)
		}
		if got.File == "crisis/playbooks/azores.yaml" && !strings.HasPrefix(got.At, "bogus") {
			t.Errorf("vim lands on %q, want the finding's key bogus", got.At)
		}
	}
}

type toolError struct {
	err    error
	output string
}

func (e *toolError) Error() string { return e.err.Error() + ": " + e.output }

// translatedFinding is a finding whose texts are catalogue entries, as
// lint reports them: counted (22 days) and, in Polish, with diacritics.
func translatedFinding() diag.Diagnostic {
	t := &diag.Text{Message: "lint.CR602", Hint: "lint.CR602.hint",
		Data: map[string]any{"Expired": "2026-10-10", "Count": 22, "Approved": "2026-09-01", "Every": "39d"}}
	msg, hint := t.Render(lang.For(language.English))
	return diag.Diagnostic{Pos: diag.Pos{File: "playbooks/manual.yaml", Line: 10, Col: 3}, Rule: "CR602", Severity: diag.Error,
		Message: msg, Hint: hint, Text: t}
}

// reportsInEveryLanguage is the consumer report and the clean one in each
// interface language, named LANG/sample and LANG/clean.
func reportsInEveryLanguage() map[string]Report {
	out := map[string]Report{}
	for _, tag := range lang.Supported {
		clean := cleanReport()
		clean.Lang = lang.For(tag)
		out[tag.String()+"/sample"], out[tag.String()+"/clean"] = consumerReport(tag), clean
	}
	return out
}
