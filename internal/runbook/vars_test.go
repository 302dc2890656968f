package runbook

import (
	"errors"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/render"
)

// startPayment begins a payment-outage run, whose affected_stores is a
// required count of at most 2 characters, asked at the start here (the
// example manual learns it later, on reaching the holding step).
func startPayment(t *testing.T) (*Session, Options) {
	t.Helper()
	clock := newClock()
	opts := options(t, t.TempDir(), clock)
	opts.Playbook = opts.Manual.Playbook("payment-outage")
	for i := range opts.Playbook.Variables {
		opts.Playbook.Variables[i].Later = false
	}
	s := mustStart(t, opts)
	t.Cleanup(func() { s.Close() })
	return s, opts
}

// reopen closes a run as an interruption would and resumes it.
func reopen(t *testing.T, s *Session, opts Options) *Session {
	t.Helper()
	s.Close()
	run := readRun(t, s.Dir)
	r, err := Resume(run, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func varEvents(t *testing.T, s *Session) []Var {
	t.Helper()
	return journaled[Var](t, s.Dir, journal.TypeVarSet)
}

// TestPromptAsksAgain: a value the declaration does not allow, typed at
// the prompt, is refused with the reason and asked again; only the valid
// one is journaled.
func TestPromptAsksAgain(t *testing.T) {
	s, _ := startPayment(t)
	in := lines{"1o", "-9", "1\x002", "123", "12"}
	view := &quietView{}
	f := &Flow{S: s, In: &in, View: view}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if got := varEvents(t, s); len(got) != 1 || got[0] != (Var{Name: "affected_stores", Value: "12"}) {
		t.Errorf("journaled %+v, want only affected_stores=12", got)
	}
	want := []string{"whole number", "cannot be negative", "control character U+0000", "at most 2"}
	if len(view.warnings) != len(want) {
		t.Fatalf("warnings %q, want %d", view.warnings, len(want))
	}
	for i, w := range want {
		if !strings.Contains(view.warnings[i], w) || !strings.Contains(view.warnings[i], "type it again") {
			t.Errorf("warning %d = %q, want it to say %q and ask again", i, view.warnings[i], w)
		}
	}
}

// TestAnswersValueIsAnError: in an answers file an invalid value is an
// error naming the line, and nothing is journaled for it.
func TestAnswersValueIsAnError(t *testing.T) {
	s, _ := startPayment(t)
	in := lines{"var affected_stores=1o", "d"}
	f := &Flow{S: s, In: &in, View: &quietView{}, Strict: true}
	err := f.AskVars(nil)
	var script *ScriptError
	if !errors.As(err, &script) || script.Line != "var affected_stores=1o" || !strings.Contains(err.Error(), "whole number") {
		t.Fatalf("got %v, want a *ScriptError for the line", err)
	}
	if got := varEvents(t, s); len(got) != 0 {
		t.Errorf("journaled %+v", got)
	}
}

// TestResumeVarIsChecked: a --var given on resume passes the same
// validator as on a new run; a valid one corrects the journaled value and
// is journaled, so the run renders with it.
func TestResumeVarIsChecked(t *testing.T) {
	s, opts := startPayment(t)
	f := &Flow{S: s, In: &lines{}, View: &quietView{}}
	if err := f.AskVars(map[string]string{"affected_stores": "3"}); err != nil {
		t.Fatal(err)
	}
	r := reopen(t, s, opts)
	f = &Flow{S: r, In: &lines{}, View: &quietView{}, Auto: true}
	for _, bad := range []map[string]string{{"affected_stores": "1o"}, {"affected_stores": "-1"}, {"afected_stores": "4"}} {
		err := f.AskVars(bad)
		var verr *render.ValueError
		if !errors.As(err, &verr) || !strings.HasPrefix(err.Error(), "--var ") {
			t.Errorf("--var %v on resume: %v, want a --var *render.ValueError", bad, err)
		}
	}
	if err := f.AskVars(map[string]string{"affected_stores": "3"}); err != nil {
		t.Fatal(err)
	}
	if err := f.AskVars(map[string]string{"affected_stores": "4"}); err != nil {
		t.Fatal(err)
	}
	want := []Var{{"affected_stores", "3"}, {"affected_stores", "4"}}
	if got := varEvents(t, r); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("journaled %+v, want %+v (the same value is not journaled twice)", got, want)
	}
}

// TestJournaledValueInvalid: a value journaled before values were checked
// no longer breaks every rendering of the run: it is asked again, or with
// --yes named with how to correct it.
func TestJournaledValueInvalid(t *testing.T) {
	s, opts := startPayment(t)
	if err := s.SetVar("affected_stores", "1o"); err != nil {
		t.Fatal(err)
	}
	r := reopen(t, s, opts)
	auto := &Flow{S: r, In: &lines{}, View: &quietView{}, Auto: true}
	if err := auto.AskVars(nil); err == nil || !strings.Contains(err.Error(), "--var affected_stores=VALUE") {
		t.Errorf("--yes with an invalid journaled value: %v", err)
	}
	view := &quietView{}
	f := &Flow{S: r, In: &lines{"7"}, View: view}
	if err := f.AskVars(nil); err != nil {
		t.Fatal(err)
	}
	if r.State.Vars["affected_stores"] != "7" || len(view.warnings) != 1 {
		t.Errorf("value %q, warnings %q", r.State.Vars["affected_stores"], view.warnings)
	}
}
