package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
)

// JSON writes the report as indented JSON.
func JSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Markdown writes the report as a Markdown document: the summary first,
// then the details a review goes through. Its headings, labels and
// sentences are in l's language; the texts the manual and the journal
// hold (titles, deviations, events) are shown as they are.
func Markdown(w io.Writer, r *Report, l *lang.Localizer) error {
	b := &strings.Builder{}
	kind := l.T("report.title.incident", nil)
	if r.Drill {
		kind = l.T("report.title.drill", nil)
	}
	fmt.Fprintf(b, "# %s: %s\n\n", kind, r.Title)
	fmt.Fprintf(b, "- %s: %s\n- %s: `%s`\n- %s: `%s` (%s)\n", l.T("report.organisation", nil), r.Organisation,
		l.T("report.playbook", nil), r.Playbook, l.T("report.run", nil), r.RunID, l.T("report.status."+r.Status, nil))
	fmt.Fprintf(b, "- %s: %s (%s)\n", l.T("report.started", nil), r.Local(r.Started), r.TimeZone)
	if r.AllClear != nil {
		fmt.Fprintf(b, "- %s: %s\n", l.T("report.all-clear", nil), r.Local(*r.AllClear))
	}
	fmt.Fprintf(b, "- %s: %s\n", l.T("report.duration", nil), r.Duration)
	if r.Speed > 1 {
		fmt.Fprintf(b, "- %s\n", l.T("report.speed", map[string]any{"Speed": r.Speed}))
	}
	fmt.Fprintf(b, "\n## %s\n\n", l.T("report.heading.summary", nil))
	list(b, r.SummaryLines(l), "")
	b.WriteString("\n")
	if r.Score != nil {
		writeScoreMD(b, r.Score, l)
	}
	writeDecisionsMD(b, r, l)
	fmt.Fprintf(b, "## %s\n\n", l.T("report.heading.deadlines", nil))
	header(b, l, "step", "due", "done", "status")
	for _, d := range r.Deadlines {
		at := "-"
		if d.At != nil {
			at = r.Local(*d.At)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cell(d.Title), r.Local(d.Due), at, d.Outcome(l))
	}
	fmt.Fprintf(b, "\n## %s\n\n", l.T("report.heading.state", nil))
	var states []string
	for _, st := range r.States {
		states = append(states, fmt.Sprintf("%s: %s", r.Local(st.At), l.T("report.state."+st.State, nil)))
	}
	list(b, states, l.T("report.state.not-recorded", nil))
	fmt.Fprintf(b, "\n## %s\n\n", l.T("report.heading.follow-up", nil))
	if len(r.FollowUp) == 0 {
		b.WriteString(l.T("report.none-in-playbook", nil) + "\n")
	} else {
		header(b, l, "task", "owner", "due", "checklist")
		for _, f := range r.FollowUp {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cell(f.Title), cell(orDash(f.Owner)), r.FollowUpDue(f, l), cell(strings.Join(f.Checklist, "; ")))
		}
	}
	fmt.Fprintf(b, "\n## %s\n\n", l.T("report.heading.texts-sent", nil))
	if len(r.Sent) == 0 {
		b.WriteString(l.T("report.nothing-sent", nil) + "\n")
	} else {
		b.WriteString(l.T("report.texts-source", nil) + "\n\n")
	}
	for _, c := range r.ByChannel() {
		fmt.Fprintf(b, "### %s\n\n", c.Name)
		for _, loc := range c.Locales {
			fmt.Fprintf(b, "#### %s (%s)\n\n", c.Name, loc.Locale)
			for _, s := range loc.Sent {
				fmt.Fprintf(b, "%s, %s, %s `%s`, %s\n\n", r.Local(s.At), StepName(l, s.Step, s.StepTitle), l.T("report.col.message", nil), s.Message, s.Approval(l))
				if s.Text == "" {
					fmt.Fprintf(b, "> %s\n\n", l.T("report.text-missing", map[string]any{"Why": orDash(s.TextMissing)}))
					continue
				}
				fence := strings.Repeat("`", max(3, longestRun(s.Text, '`')+1))
				fmt.Fprintf(b, "%stext\n%s\n%s\n\n", fence, strings.TrimRight(s.Text, "\n"), fence)
				if s.TextNote != "" {
					fmt.Fprintf(b, "> %s\n\n", l.T("report.text-note", map[string]any{"Note": s.TextNote}))
				}
			}
		}
	}
	writeDeliveriesMD(b, r, l)
	writeApprovalsMD(b, r, l)
	writeRepliesMD(b, r, l)
	none := l.T("report.none", nil)
	fmt.Fprintf(b, "## %s\n\n", l.T("report.heading.deviations", nil))
	list(b, r.DeviationLines(l), none)
	fmt.Fprintf(b, "\n## %s\n\n", l.T("report.heading.notes", nil))
	var notes []string
	for _, n := range r.Notes {
		notes = append(notes, fmt.Sprintf("%s (%s): %s", r.Local(n.At), orDash(StepName(l, n.Step, n.StepTitle)), n.Text))
	}
	list(b, notes, none)
	fmt.Fprintf(b, "\n## %s\n\n", l.T("report.heading.timeline", nil))
	for _, e := range r.Timeline {
		// Rendering and bulk batches are bookkeeping; the JSON keeps them.
		if e.Type != journal.TypeMessageRendered && e.Type != journal.TypeSendBatchIntent && e.Type != journal.TypeSendBatch {
			fmt.Fprintf(b, "- %s %s: %s\n", r.Local(e.At), e.Offset, e.Say(l))
		}
	}
	fmt.Fprintf(b, "\n---\n%s. %s: `%s`\n", r.IntegrityLine(l), l.T("report.last-hash", nil), r.LastHash)
	_, err := io.WriteString(w, b.String())
	return err
}

// header writes a Markdown table's header row, each column named by its
// report.col message or, given with its area, by that message id.
func header(b *strings.Builder, l *lang.Localizer, cols ...string) {
	var names, rule []string
	for _, c := range cols {
		if !strings.Contains(c, ".") {
			c = "report.col." + c
		}
		names = append(names, l.T(c, nil))
		rule = append(rule, "---")
	}
	fmt.Fprintf(b, "| %s |\n| %s |\n", strings.Join(names, " | "), strings.Join(rule, " | "))
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

func writeScoreMD(b *strings.Builder, s *drill.Score, l *lang.Localizer) {
	fmt.Fprintf(b, "## %s: %d/100\n\n", l.T("report.heading.score", nil), s.Overall)
	for _, p := range scoreParts(s) {
		fmt.Fprintf(b, "- %s: %s (%d/%d)\n", l.T(p.ID, nil), l.T("report.score.of", map[string]any{"Got": p.Got, "Of": p.Of}), p.Score, p.Weight)
	}
	fmt.Fprintf(b, "- %s: %d\n\n", l.T("report.score.skipped", nil), s.Skipped)
	if len(s.Practise) > 0 {
		b.WriteString(l.T("report.practise", nil) + "\n\n")
		list(b, practise(s, l), "")
		b.WriteString("\n")
	}
}

// scorePart is a graded part of a drill's score as the writers show it.
type scorePart struct {
	drill.Part
	ID     string // its report.score message
	Weight int
}

func scoreParts(s *drill.Score) []scorePart {
	return []scorePart{
		{s.Deadlines, "report.score.deadlines", drill.WeightDeadlines},
		{s.Announcements, "report.score.announcements", drill.WeightAnnouncements},
		{s.Injects, "report.score.injects", drill.WeightInjects},
	}
}

// practise is the score's advice in l's language.
func practise(s *drill.Score, l *lang.Localizer) []string {
	var out []string
	for _, e := range s.Advice() {
		out = append(out, l.Text(e))
	}
	return out
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
