package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
)

// JSON writes the report as indented JSON.
func JSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Markdown writes the report as a Markdown document: the summary first,
// then the details a review goes through.
func Markdown(w io.Writer, r *Report) error {
	b := &strings.Builder{}
	kind := "Post-incident report"
	if r.Drill {
		kind = "Drill report (EXERCISE, not a real incident)"
	}
	fmt.Fprintf(b, "# %s: %s\n\n", kind, r.Title)
	fmt.Fprintf(b, "- Organisation: %s\n- Playbook: `%s`\n- Run: `%s` (%s)\n", r.Organisation, r.Playbook, r.RunID, r.Status)
	fmt.Fprintf(b, "- Started: %s (%s)\n", r.Local(r.Started), r.TimeZone)
	if r.AllClear != nil {
		fmt.Fprintf(b, "- All-clear: %s\n", r.Local(*r.AllClear))
	}
	fmt.Fprintf(b, "- Duration: %s\n", r.Duration)
	if r.Speed > 1 {
		fmt.Fprintf(b, "- Drill time ran %gx faster than the clock: times and durations are drill times\n", r.Speed)
	}
	b.WriteString("\n## Summary\n\n")
	list(b, r.SummaryLines(), "")
	b.WriteString("\n")
	if r.Score != nil {
		writeScoreMD(b, r.Score)
	}
	b.WriteString("## Deadlines\n\n| step | due | done | status |\n| --- | --- | --- | --- |\n")
	for _, d := range r.Deadlines {
		at := "-"
		if d.At != nil {
			at = r.Local(*d.At)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cell(d.Title), r.Local(d.Due), at, d.Outcome())
	}
	b.WriteString("\n## State of the incident\n\n")
	var states []string
	for _, st := range r.States {
		states = append(states, fmt.Sprintf("%s: %s", r.Local(st.At), st.State))
	}
	list(b, states, "Not recorded.")
	b.WriteString("\n## Follow-up tasks\n\n")
	if len(r.FollowUp) == 0 {
		b.WriteString("None in the playbook.\n")
	} else {
		b.WriteString("| task | owner | due | checklist |\n| --- | --- | --- | --- |\n")
		for _, f := range r.FollowUp {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cell(f.Title), cell(orDash(f.Owner)), r.FollowUpDue(f), cell(strings.Join(f.Checklist, "; ")))
		}
	}
	b.WriteString("\n## Texts sent\n\n")
	if len(r.Sent) == 0 {
		b.WriteString("Nothing was marked sent.\n")
	} else {
		b.WriteString(textsSource + "\n\n")
	}
	for _, c := range r.ByChannel() {
		fmt.Fprintf(b, "### %s\n\n", c.Name)
		for _, l := range c.Locales {
			fmt.Fprintf(b, "#### %s (%s)\n\n", c.Name, l.Locale)
			for _, s := range l.Sent {
				fmt.Fprintf(b, "%s, %s, message `%s`, %s\n\n", r.Local(s.At), s.StepTitle, s.Message, s.Approval())
				if s.Text == "" {
					fmt.Fprintf(b, "> Text not available: %s.\n\n", orDash(s.TextMissing))
					continue
				}
				fence := strings.Repeat("`", max(3, longestRun(s.Text, '`')+1))
				fmt.Fprintf(b, "%stext\n%s\n%s\n\n", fence, strings.TrimRight(s.Text, "\n"), fence)
				if s.TextNote != "" {
					fmt.Fprintf(b, "> Note: %s.\n\n", s.TextNote)
				}
			}
		}
	}
	writeDeliveriesMD(b, r)
	b.WriteString("## Deviations from the manual\n\n")
	list(b, r.Deviations, "None.")
	b.WriteString("\n## Notes\n\n")
	var notes []string
	for _, n := range r.Notes {
		notes = append(notes, fmt.Sprintf("%s (%s): %s", r.Local(n.At), orDash(n.StepTitle), n.Text))
	}
	list(b, notes, "None.")
	b.WriteString("\n## Timeline\n\n")
	for _, e := range r.Timeline {
		// Rendering and bulk batches are bookkeeping; the JSON keeps them.
		if e.Type != journal.TypeMessageRendered && e.Type != journal.TypeSendBatchIntent && e.Type != journal.TypeSendBatch {
			fmt.Fprintf(b, "- %s %s: %s\n", r.Local(e.At), e.Offset, e.Text)
		}
	}
	fmt.Fprintf(b, "\n---\n%s. Last hash: `%s`\n", r.Integrity, r.LastHash)
	_, err := io.WriteString(w, b.String())
	return err
}

// longestRun is the length of the longest run of c in s: a code fence must
// be longer for the text to stay inside it.
func longestRun(s string, c rune) int {
	longest, run := 0, 0
	for _, x := range s {
		if x == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

func writeScoreMD(b *strings.Builder, s *drill.Score) {
	fmt.Fprintf(b, "## Score: %d/100\n\n", s.Overall)
	fmt.Fprintf(b, "- Deadlines met: %d of %d (%d/40)\n", s.Deadlines.Got, s.Deadlines.Of, s.Deadlines.Score)
	fmt.Fprintf(b, "- Announcements prepared: %d of %d (%d/30)\n", s.Announcements.Got, s.Announcements.Of, s.Announcements.Score)
	fmt.Fprintf(b, "- Injects handled: %d of %d (%d/20)\n", s.Injects.Got, s.Injects.Of, s.Injects.Score)
	fmt.Fprintf(b, "- Steps skipped: %d\n\n", s.Skipped)
	if len(s.Practise) > 0 {
		b.WriteString("What to practise next:\n\n")
		list(b, s.Practise, "")
		b.WriteString("\n")
	}
}

func list(b *strings.Builder, items []string, empty string) {
	if len(items) == 0 {
		b.WriteString(empty + "\n")
	}
	for _, s := range items {
		fmt.Fprintf(b, "- %s\n", s)
	}
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
