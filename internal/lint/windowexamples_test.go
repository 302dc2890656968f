package lint

import (
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/diag"
)

// windowExamples gives the base playbook (1.1, with an inbox reply) a
// maintenance window of two datetime variables whose examples are start
// and end, and writes the window in an announcement (all-clear, CR404's)
// and in the reply (CR804's). The start's example is on line 21 of
// fb-down.yaml, its value at column 14; the end's on line 24.
func windowExamples(start, end, window string) []edit {
	return append(inboxWithReply("Closed "+window+"."),
		edit{fPlaybook, "    max_length: 10\n", "    max_length: 10\n" +
			"  - name: window_start\n    description: When the window opens\n    type: datetime\n    example: \"" + start + "\"\n    required: true\n" +
			"  - name: window_end\n    description: When it closes\n    example: \"" + end + "\"\n    type: datetime\n    required: true\n"},
		edit{fEN, `other: "{{.platform}} works again."`, `other: "{{.platform}} works again. Closed ` + window + `."`})
}

// windowFindings are the findings about a window, of any rule.
func windowFindings(res Result) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range res.Findings {
		if strings.Contains(d.Message, "window") || strings.Contains(d.Message, "ends before it starts") {
			out = append(out, d)
		}
	}
	return out
}

// A window whose two examples are the wrong way round is one mistake, said
// once at the examples (CR405) with the two values to swap, not at every
// text that writes the window (CR404 at the announcement, CR804 at the
// reply, for each channel and locale).
func TestReversedWindowExamples(t *testing.T) {
	const window = "{{window .window_start .window_end}}"
	res := lintFiles(t, build(t, windowExamples("2026-12-03 05:00", "2026-12-03 02:00", window)...), nil, Config{})
	got := windowFindings(res)
	if len(got) != 1 {
		t.Fatalf("%d findings about the window, want one:\n%v", len(got), got)
	}
	d := got[0]
	wantMsg := `window {{window .window_start .window_end}} ends before it starts with these examples: ` +
		`window_end "2026-12-03 02:00" comes before window_start "2026-12-03 05:00"`
	wantHint := `swap the two examples: window_start takes "2026-12-03 02:00" (here) and window_end takes "2026-12-03 05:00" (playbooks/fb-down.yaml:25)`
	if d.Rule != "CR405" || d.Pos.String() != "playbooks/fb-down.yaml:21:14" || d.Message != wantMsg || d.Hint != wantHint {
		t.Errorf("got %s at %s: %q (hint %q)\nwant CR405 at playbooks/fb-down.yaml:21:14: %q (hint %q)", d.Rule, d.Pos, d.Message, d.Hint, wantMsg, wantHint)
	}

	// In order, nothing is said about the window.
	res = lintFiles(t, build(t, windowExamples("2026-12-03 02:00", "2026-12-03 05:00", window)...), nil, Config{})
	if got := windowFindings(res); len(got) != 0 {
		t.Errorf("examples in order: %v", got)
	}
}

// A text that writes the window the wrong way round while another writes
// it the right way is a mistake in that text, whatever the examples: CR404
// reports it there, and CR405 says nothing.
func TestReversedWindowInOneText(t *testing.T) {
	edits := append(windowExamples("2026-12-03 02:00", "2026-12-03 05:00", "{{window .window_start .window_end}}"),
		edit{fEN, `other: "Still down. Next update in {{.update_minutes}} minutes."`,
			`other: "Still down until {{window .window_end .window_start}}. Next update in {{.update_minutes}} minutes."`})
	res := lintFiles(t, build(t, edits...), nil, Config{})
	got := windowFindings(res)
	if len(got) != 1 || got[0].Rule != "CR404" || got[0].Pos.String() != "templates/en.yaml:21:30" ||
		!strings.Contains(got[0].Message, `the window ends before it starts: "2026-12-03 02:00 +01:00" comes before "2026-12-03 05:00 +01:00"`) {
		t.Errorf("got %v, want one CR404 at templates/en.yaml:21:30, the window in the update's other form", got)
	}
}

// Two examples the manual declares, and every playbook inherits, are one
// mistake: said once, at the manual's example, whichever playbooks send
// the texts. In manual.yaml (1.1, with a reply and staff's visibility
// added above) the start's example is on line 80, the end's on line 84.
func TestReversedWindowExamplesOfTheManual(t *testing.T) {
	edits := append(inboxWithReply("Closed {{window .window_start .window_end}}."),
		edit{fManual, "    max_length: 20\n", "    max_length: 20\n" +
			"  - name: window_start\n    description: When the window opens\n    type: datetime\n    example: \"2026-12-03 05:00\"\n    required: true\n" +
			"  - name: window_end\n    description: When it closes\n    example: \"2026-12-03 02:00\"\n    type: datetime\n    required: true\n"},
		edit{fEN, `other: "{{.platform}} works again."`, `other: "{{.platform}} works again. Closed {{window .window_start .window_end}}."`})
	files := build(t, edits...)
	files["playbooks/zz-down.yaml"] = strings.Replace(files[fPlaybook], "title: Facebook is down", "title: Zed is down", 1)
	got := windowFindings(lintFiles(t, files, nil, Config{}))
	if len(got) != 1 || got[0].Rule != "CR405" || got[0].Pos.String() != "playbooks/manual.yaml:80:14" ||
		!strings.HasSuffix(got[0].Hint, "(playbooks/manual.yaml:84)") {
		t.Errorf("got %v, want one CR405 at playbooks/manual.yaml:80:14, the other example at line 84", got)
	}
}
