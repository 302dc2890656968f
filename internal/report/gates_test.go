package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/lang"
	"golang.org/x/text/language"
)

// gatesRun runs testdata/gates (format 1.1: a fact known later, a
// pre-approved step, a two-person gate) with the given commands.
func gatesRun(t *testing.T, lines ...string) run {
	t.Helper()
	return testdataRun(t, "gates", "fb-down", "en", lines...)
}

// The report says who approved what as which role, what went out
// pre-approved and without its approvals, and a text that never went out
// because its fact was not set in time.
func TestReportGates(t *testing.T) {
	r := gatesRun(t,
		"d", "x all", "d", // confirm; holding, pre-approved
		"", "d", "d", // customers: the fact not given, done twice: stores held
		"d", "a cleo", "x all all", "d") // notify; all-clear, approved by one
	rep := built(t, r)
	if len(rep.Approvals) != 1 || rep.Approvals[0].By != "Cleo" || rep.Approvals[0].Message != "all-clear" || rep.Approvals[0].Role != "" {
		t.Errorf("approvals: %+v", rep.Approvals)
	}
	want := `stores (step "Tell customers which stores are affected") never sent: it waited for affected_stores, not set in time`
	if !slices.Contains(rep.Deviations, want) {
		t.Errorf("no %q in %q", want, rep.Deviations)
	}
	if rep.Summary.UnapprovedSends != 0 {
		t.Errorf("pre-approved texts counted unapproved: %d", rep.Summary.UnapprovedSends)
	}
	b := rendered(t, Markdown, rep, lang.For(language.English))
	for _, line := range []string{"## Approvals", "### Sent pre-approved", "message `holding`, status-page (en)",
		"message `staff-brief`, sms-staff (en)", "message `all-clear`: Cleo"} {
		if !strings.Contains(b, line) {
			t.Errorf("no %q in the report", line)
		}
	}
}

// A two-person text marked sent with one approval is reported as sent
// without the approval its gate requires.
func TestReportUnapprovedGate(t *testing.T) {
	r := gatesRun(t, "d", "x all", "d", "2", "a cleo", "x all", "d") // the fact given when asked
	rep := built(t, r)
	want := `stores (step "Tell customers which stores are affected") sent without the approvals its gate requires`
	if !slices.Contains(rep.Deviations, want) || rep.Summary.UnapprovedSends != 1 {
		t.Errorf("deviations %q, unapproved sends %d", rep.Deviations, rep.Summary.UnapprovedSends)
	}
}
