package lint

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crisis-cli/crisis/internal/diag"
)

var testNow = func() time.Time { return time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC) }

func lintFiles(t testing.TB, files map[string]string, runs map[string]string, cfg Config) Result {
	t.Helper()
	opt := Options{Now: testNow, Config: cfg}
	if runs != nil {
		opt.Runs = mapFS(runs)
	}
	_, res, err := Run(mapFS(files), "test", opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestBaseManualClean(t *testing.T) {
	res := lintFiles(t, build(t), map[string]string{"fb-down.json": `{"playbook":"fb-down","finished_at":"2026-10-01T00:00:00Z"}`}, Config{})
	for _, d := range res.Findings {
		t.Errorf("base manual: %v", d)
	}
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.fires && (tc.says == "" || tc.at.ctx == "") {
				t.Fatal("a case that fires needs a hand-written place (at) and message (says)")
			}
			res := lintFiles(t, build(t, tc.edits...), tc.runs, Config{})
			i := slices.IndexFunc(res.Findings, func(d diag.Diagnostic) bool { return d.Rule == tc.rule })
			if tc.fires && i < 0 {
				t.Errorf("%s did not report; findings: %v", tc.rule, res.Findings)
			}
			if !tc.fires && i >= 0 {
				t.Errorf("%s reported: %v", tc.rule, res.Findings[i])
			}
			if tc.fires && i >= 0 {
				d := res.Findings[i]
				if d.Message == "" || d.Hint == "" {
					t.Errorf("finding lacks a message or hint: %#v", d)
				}
				if want := tc.at.pos(t, build(t, tc.edits...)); d.Pos != want {
					t.Errorf("%s points at %v, want %v (%q in %q)", tc.rule, d.Pos, want, tc.at.tok, tc.at.ctx)
				}
				if !strings.Contains(d.Message, tc.says) {
					t.Errorf("%s says %q, want it to say %q", tc.rule, d.Message, tc.says)
				}
			}
		})
	}
}

// pos is where the anchor points in files: the line and the code-point
// column of the last tok inside the one occurrence of ctx.
func (a anchor) pos(t *testing.T, files map[string]string) diag.Pos {
	t.Helper()
	text := files[a.file]
	if a.ctx == "" || strings.Count(text, a.ctx) != 1 {
		t.Fatalf("anchor %q occurs %d times in %s, want once", a.ctx, strings.Count(text, a.ctx), a.file)
	}
	in := strings.LastIndex(a.ctx, a.tok)
	if in < 0 {
		t.Fatalf("anchor token %q is not in %q", a.tok, a.ctx)
	}
	off := strings.Index(text, a.ctx) + in
	lineStart := strings.LastIndexByte(text[:off], '\n') + 1
	return diag.Pos{
		File: a.file,
		Line: strings.Count(text[:off], "\n") + 1,
		Col:  utf8.RuneCountInString(text[lineStart:off]) + 1,
	}
}

// TestEveryRuleTested checks that each registered rule has a case that
// triggers it.
func TestEveryRuleTested(t *testing.T) {
	for _, r := range Rules() {
		id := r.Meta().ID
		if !slices.ContainsFunc(ruleCases, func(c ruleCase) bool { return c.rule == id && c.fires }) {
			t.Errorf("rule %s has no case that triggers it", id)
		}
	}
}

// TestRuleMeta: every rule has a severity and, in the English catalogue, a
// title, a rationale and a bad and a good example.
func TestRuleMeta(t *testing.T) {
	for _, r := range Rules() {
		m := r.Meta()
		if m.Severity == 0 {
			t.Errorf("%s: no severity", m.ID)
		}
		for _, what := range []string{"title", "rationale", "bad", "good"} {
			if id := "lint." + m.ID + "." + what; m.text(nil, what) == id {
				t.Errorf("%s: no %s in the catalogue", m.ID, id)
			}
		}
	}
}
