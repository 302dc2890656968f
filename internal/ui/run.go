package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/plan"
	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
	"github.com/crisis-cli/crisis/internal/term"
)

// RunView shows a run in a terminal (or plainly in a log when piped). It is
// written for a tired person at 3 a.m.: what to do now, by when, and the text
// to paste; nothing else.
type RunView struct {
	W     io.Writer
	Th    *Theme
	Width int
	// Live is set when W is a terminal: the bell, terminal notifications
	// and the OSC 52 clipboard are written to it; never into a log.
	Live bool
	// Desktop copies and notifies; the zero value does neither.
	Desktop term.Desktop
	// L is the interface language of every word the run screen prints
	// (announcement texts are the manual's); nil is English.
	L *lang.Localizer
}

// tr is the view's localizer, English when none was given.
func (v *RunView) tr() *lang.Localizer {
	if v.L == nil {
		v.L = lang.For(language.English)
	}
	return v.L
}

// t is message id in the interface language.
func (v *RunView) t(id string, data map[string]any) string { return v.tr().T(id, data) }

var _ runbook.View = (*RunView)(nil)

// printf writes wrapped to the terminal's width (Width is 0 when output is
// not a terminal: piped text stays as it is), so an 80-column terminal never
// breaks a word or a clock time in two. Announcement texts never go through
// here: they are printed exactly as they will be pasted.
func (v *RunView) printf(format string, args ...any) {
	fmt.Fprint(v.W, v.Th.Clean(Wrap(fmt.Sprintf(format, args...), v.Width)))
}

// raw prints without wrapping: announcement texts and file paths. Like
// printf, it is where the run screen is written, so both clean what they
// print of values and manual texts.
func (v *RunView) raw(s string) { fmt.Fprint(v.W, v.Th.Clean(s)) }

// drillBanner marks every screen of a drill, in the run's language.
func (v *RunView) drillBanner(s *runbook.Session) {
	if s.State.Drill {
		loc := s.State.PrimaryLocale(s.Manual.Locales.Default)
		v.printf("%s\n", v.Th.Drill.Render(s.Manual.DrillMark(loc)+" "+v.t("run.banner", nil)))
	}
}

// Start shows the scenario, who is in charge and the fallbacks: one
// screen, with the run id and its journal near the top (i shows it again).
func (v *RunView) Start(s *runbook.Session) {
	pl := plan.Build(s.Manual, s.Playbook)
	v.drillBanner(s)
	start := s.State.StartedAt.In(s.Manual.Location)
	v.printf("%s  %s\n", v.Th.Title.Render(pl.Title), Severity(v.Th, pl.Severity))
	v.printf("%s %s · %s\n", v.Th.Muted.Render(v.t("run.card.run", nil)), s.State.RunID,
		v.t("run.card.started", message.WithClock(map[string]any{"Zone": s.Manual.TimeZone}, start)))
	v.printf("%s %s\n", v.Th.Muted.Render(v.t("run.card.journal", nil)), s.Dir)
	var down []string
	for _, d := range pl.Down {
		down = append(down, d.Channel)
	}
	v.printf("%s %s\n", v.Th.Error.Render(v.t("run.card.down", nil)), strings.Join(down, ", "))
	b := &strings.Builder{}
	writeLeads(b, v.Th, v.tr(), pl.Leads)
	writeFallbacks(b, v.Th, v.tr(), pl.Fallbacks)
	// No blank lines between the sections: the card must fit one screen.
	v.printf("%s", strings.ReplaceAll(b.String(), "\n\n", "\n"))
}

// Card shows the start card again.
func (v *RunView) Card(s *runbook.Session) { v.Start(s) }

// Step shows the current step so that it fits an 80x24 screen: what to do,
// by when, and one line per text to send; v N shows a text in full.
func (v *RunView) Step(s *runbook.Session, b runbook.Batch) {
	st := s.Current()
	if st == nil {
		return
	}
	v.printf("\n%s\n", v.rule())
	v.drillBanner(s)
	v.printf("%s %s%s\n", v.Th.Title.Render(v.t("run.step.title", map[string]any{"N": s.State.Cursor + 1, "Of": len(s.Playbook.Steps)})),
		v.Th.Bold.Render(st.Title), v.kindMark(st.Kind))
	v.printf("%s\n", v.t("run.step.owner-due", map[string]any{"Owner": v.owner(s, st), "Due": v.deadline(s, st)}))
	if t := strings.TrimSpace(st.Instructions); t != "" {
		if v.Width > 0 {
			t = Reflow(t)
		}
		v.printf("%s\n", t)
	}
	for i, c := range st.Checklist {
		box := "[ ]"
		if s.State.Checked[st.ID][i+1] {
			box = v.Th.OK.Render("[x]")
		}
		v.printf("  %s %d. %s\n", box, i+1, c)
	}
	v.inbox(st)
	v.options(s, st)
	v.list(s, b)
}

// Update shows a cadence update's list of texts to send.
func (v *RunView) Update(s *runbook.Session, b runbook.Batch) {
	v.printf("\n%s\n", v.Th.Title.Render(v.t("run.update.title", map[string]any{"N": strings.TrimPrefix(b.Step, "updates#")})))
	v.dueLines(s, b)
	v.list(s, b)
}

// sentStatus says on a card whether it was marked sent, and when.
func (v *RunView) sentStatus(s *runbook.Session, b runbook.Batch, a render.Announcement) string {
	if at, ok := s.State.SentAt(b.Step, a.Message, a.Channel, a.Locale); ok {
		return v.Th.OK.Render(v.t("run.text.sent", message.WithClock(nil, at.In(s.Manual.Location))))
	}
	return v.Th.Warn.Render(v.t("run.text.not-sent", nil))
}

// approvers names who approves this playbook's messages, and the deputy.
func (v *RunView) approvers(s *runbook.Session) string {
	r := s.Manual.Role(s.Playbook.Approver.ID)
	if r == nil {
		return ""
	}
	name := func(id string) string {
		if p := s.Manual.Person(id); p != nil {
			return p.Label()
		}
		return id
	}
	out := name(r.Person.ID)
	if len(r.Deputies) > 0 {
		out += ", " + v.t("run.deputy", map[string]any{"Name": name(r.Deputies[0].ID)})
	}
	return out
}

func (v *RunView) owner(s *runbook.Session, st *manual.Step) string {
	r := s.Manual.Role(st.Owner.ID)
	if r == nil {
		return st.Owner.ID
	}
	label := roleLabel(r.ID, r.Title)
	if p := s.Manual.Person(r.Person.ID); p != nil {
		return label + " - " + p.Label()
	}
	return label
}

// deadline shows a step's deadline as a clock time and a countdown, or as
// overdue once passed.
func (v *RunView) deadline(s *runbook.Session, st *manual.Step) string {
	due := s.Deadline(st)
	at := due.In(s.Manual.Location)
	left := due.Sub(s.Now()).Round(time.Minute)
	if left < 0 {
		return v.Th.Error.Render(v.t("run.step.overdue", message.WithClock(map[string]any{"Deadline": manual.FormatDuration(st.Deadline), "Late": manual.FormatDuration(-left)}, at)))
	}
	return v.t("run.step.left", message.WithClock(map[string]any{"Deadline": manual.FormatDuration(st.Deadline), "Left": manual.FormatDuration(left)}, at))
}

func (v *RunView) kindMark(kind string) string {
	switch kind {
	case manual.StepHolding:
		return v.Th.Warn.Render("  " + v.t("run.step.holding", nil))
	case manual.StepAllClear:
		return v.Th.OK.Render("  " + v.t("run.step.all-clear", nil))
	case manual.StepDecision:
		return v.Th.Warn.Render("  " + v.t("decision.mark", nil))
	}
	return ""
}

func (v *RunView) rule() string {
	return v.Th.Muted.Render(strings.Repeat("─", max(20, min(v.Width, 100)-1)))
}

// Reminder says an update is due.
func (v *RunView) Reminder(s *runbook.Session, due time.Time) {
	v.printf("%s\n", v.Th.Warn.Render(v.t("run.reminder", message.WithClock(nil, due.In(s.Manual.Location)))))
}

// Info says something happened.
func (v *RunView) Info(format string, args ...any) {
	v.printf("%s %s\n", v.Th.OK.Render("✓"), v.sprintf(format, args...))
}

// Warn says something needs attention.
func (v *RunView) Warn(format string, args ...any) {
	v.printf("%s %s\n", v.Th.Warn.Render("!"), v.sprintf(format, args...))
}

// sprintf formats a message of the flow with its errors (interface
// messages among them) in the interface language.
func (v *RunView) sprintf(format string, args ...any) string {
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = v.tr().Text(err)
		}
	}
	return fmt.Sprintf(format, args...)
}

// Help lists the commands; the catalogue keeps each language's within
// 80x24 (TestRunHelpFitsTheScreen).
func (v *RunView) Help() {
	v.printf("%s", v.t("run.help", nil))
}

// End lists the follow-up steps.
func (v *RunView) End(s *runbook.Session) {
	v.printf("\n%s\n", v.rule())
	v.drillBanner(s)
	if !s.State.AllClear.IsZero() {
		v.printf("%s\n", v.Th.OK.Render(v.t("run.end.all-clear", message.WithClock(nil, s.State.AllClear.In(s.Manual.Location)))))
	}
	if len(s.Playbook.FollowUp) > 0 {
		v.printf("%s\n", v.Th.Heading.Render(v.t("run.end.follow-up", nil)))
		for _, st := range s.Playbook.FollowUp {
			owner := st.Owner.ID
			if r := s.Manual.Role(owner); r != nil {
				owner = roleLabel(r.ID, r.Title)
			}
			v.printf("  - T+%s %s (%s)\n", manual.FormatDuration(st.Deadline), st.Title, owner)
		}
	}
	// The command gets a line of its own, never wrapped: it is pasted.
	v.printf("%s\n", v.t("run.end.finished", map[string]any{"Run": s.State.RunID}))
	v.raw("  crisis report " + s.State.RunID + "\n")
}

// Inject shows a drill inject: what happens, what the trainee must do, and
// for a reply the draft from the manual's template.
func (v *RunView) Inject(s *runbook.Session, index int, in manual.Inject, draft string) {
	v.printf("\n%s\n", v.Th.Drill.Render(v.t("run.inject.title", map[string]any{"N": index + 1, "At": manual.FormatDuration(in.At), "Event": in.Event})))
	if draft != "" {
		v.raw(v.Th.Muted.Render(v.t("run.inject.draft", nil)) + "\n" + draft + "\n")
	}
}

// Expected shows what the manual expected from the trainee, once they have
// answered.
func (v *RunView) Expected(in manual.Inject) {
	v.printf("%s %s\n", v.Th.Bold.Render(v.t("run.inject.expects", nil)), in.Expect)
}

// Score shows a drill's grade and what to practise next. The labels are
// padded by display width, so the columns stay straight in every language.
func (v *RunView) Score(s *runbook.Session, sc *drill.Score) {
	v.drillBanner(s)
	v.printf("%s %d/100\n", v.Th.Title.Render(v.t("run.score.title", nil)), sc.Overall)
	of := func(p drill.Part) string { return v.t("run.score.of", map[string]any{"Got": p.Got, "Of": p.Of}) }
	rows := [][3]string{
		{v.t("run.score.deadlines", nil), of(sc.Deadlines), fmt.Sprintf("%d/%d", sc.Deadlines.Score, drill.WeightDeadlines)},
		{v.t("run.score.announcements", nil), of(sc.Announcements), fmt.Sprintf("%d/%d", sc.Announcements.Score, drill.WeightAnnouncements)},
		{v.t("run.score.injects", nil), of(sc.Injects), fmt.Sprintf("%d/%d", sc.Injects.Score, drill.WeightInjects)},
		{v.t("run.score.skipped", nil), fmt.Sprint(sc.Skipped), fmt.Sprintf("%d/%d", max(drill.WeightSteps-5*sc.Skipped, 0), drill.WeightSteps)},
	}
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, ansi.StringWidth(r[0]))
	}
	for _, r := range rows {
		v.printf("  %s  %s  (%s)\n", pad(r[0], labelW), r[1], r[2])
	}
	if advice := sc.Advice(); len(advice) > 0 {
		v.printf("%s\n", v.Th.Heading.Render(v.t("run.score.practise", nil)))
		for i, p := range advice {
			if i == 5 {
				v.printf("  %s\n", v.tr().N("run.score.more", len(advice)-5, nil))
				break
			}
			v.printf("  - %s\n", v.tr().Text(p))
		}
	}
}
