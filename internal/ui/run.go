package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
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
}

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
		v.printf("%s\n", v.Th.Drill.Render(message.DrillMark(loc)+" EXERCISE - NOTHING HERE IS REAL, NOTHING IS SENT"))
	}
}

// Start shows the scenario, who is in charge and the fallbacks: one
// screen, with the run id and its journal near the top (i shows it again).
func (v *RunView) Start(s *runbook.Session) {
	pl := plan.Build(s.Manual, s.Playbook)
	v.drillBanner(s)
	start := s.State.StartedAt.In(s.Manual.Location)
	v.printf("%s  %s\n", v.Th.Title.Render(pl.Title), Severity(v.Th, pl.Severity))
	v.printf("%s %s · started %s (%s)\n", v.Th.Muted.Render("run"), s.State.RunID, start.Format("15:04"), s.Manual.TimeZone)
	v.printf("%s %s\n", v.Th.Muted.Render("journal"), s.Dir)
	var down []string
	for _, d := range pl.Down {
		down = append(down, d.Channel)
	}
	v.printf("%s %s\n", v.Th.Error.Render("DOWN:"), strings.Join(down, ", "))
	b := &strings.Builder{}
	WriteLeads(b, v.Th, pl.Leads)
	WriteFallbacks(b, v.Th, pl.Fallbacks)
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
	v.printf("%s %s%s\n", v.Th.Title.Render(fmt.Sprintf("STEP %d/%d", s.State.Cursor+1, len(s.Playbook.Steps))),
		v.Th.Bold.Render(st.Title), kindMark(v.Th, st.Kind))
	v.printf("owner: %s · due %s\n", v.owner(s, st), v.deadline(s, st))
	if t := strings.TrimSpace(st.Instructions); t != "" {
		v.printf("%s\n", t)
	}
	for i, c := range st.Checklist {
		box := "[ ]"
		if s.State.Checked[st.ID][i+1] {
			box = v.Th.OK.Render("[x]")
		}
		v.printf("  %s %d. %s\n", box, i+1, c)
	}
	v.list(s, b)
}

// Update shows a cadence update's list of texts to send.
func (v *RunView) Update(s *runbook.Session, b runbook.Batch) {
	v.printf("\n%s\n", v.Th.Title.Render("UPDATE "+strings.TrimPrefix(b.Step, "updates#")))
	v.list(s, b)
}

// sentStatus says on a card whether it was marked sent, and when.
func (v *RunView) sentStatus(s *runbook.Session, b runbook.Batch, a render.Announcement) string {
	if at, ok := s.State.SentAt(b.Step, a.Message, a.Channel, a.Locale); ok {
		return v.Th.OK.Render("SENT " + at.In(s.Manual.Location).Format("15:04"))
	}
	return v.Th.Warn.Render("not sent")
}

// approvers names who approves this playbook's messages, and the deputy.
func (v *RunView) approvers(s *runbook.Session) string {
	r := s.Manual.Role(s.Playbook.Approver.ID)
	if r == nil {
		return ""
	}
	name := func(id string) string {
		if p := s.Manual.Person(id); p != nil {
			return p.Name
		}
		return id
	}
	out := name(r.Person.ID)
	if len(r.Deputies) > 0 {
		out += ", deputy " + name(r.Deputies[0].ID)
	}
	return out
}

func (v *RunView) owner(s *runbook.Session, st *manual.Step) string {
	if r := s.Manual.Role(st.Owner.ID); r != nil {
		if p := s.Manual.Person(r.Person.ID); p != nil {
			return st.Owner.ID + " - " + p.Name
		}
	}
	return st.Owner.ID
}

// deadline shows a step's deadline as a clock time and a countdown, or as
// overdue once passed.
func (v *RunView) deadline(s *runbook.Session, st *manual.Step) string {
	due := s.Deadline(st)
	clock := due.In(s.Manual.Location).Format("15:04")
	left := due.Sub(s.Now()).Round(time.Minute)
	if left < 0 {
		return v.Th.Error.Render(fmt.Sprintf("%s (T+%s) OVERDUE by %s", clock, manual.FormatDuration(st.Deadline), manual.FormatDuration(-left)))
	}
	return fmt.Sprintf("%s (T+%s, in %s)", clock, manual.FormatDuration(st.Deadline), manual.FormatDuration(left))
}

func kindMark(th *Theme, kind string) string {
	switch kind {
	case manual.StepHolding:
		return th.Warn.Render("  [holding message]")
	case manual.StepAllClear:
		return th.OK.Render("  [all-clear]")
	}
	return ""
}

func (v *RunView) rule() string {
	return v.Th.Muted.Render(strings.Repeat("─", max(20, min(v.Width, 100)-1)))
}

// Reminder says an update is due.
func (v *RunView) Reminder(s *runbook.Session, due time.Time) {
	v.printf("%s\n", v.Th.Warn.Render(fmt.Sprintf("⏰ update due since %s: type u to render it", due.In(s.Manual.Location).Format("15:04"))))
}

// Info says something happened.
func (v *RunView) Info(format string, args ...any) {
	v.printf("%s %s\n", v.Th.OK.Render("✓"), fmt.Sprintf(format, args...))
}

// Warn says something needs attention.
func (v *RunView) Warn(format string, args ...any) {
	v.printf("%s %s\n", v.Th.Warn.Render("!"), fmt.Sprintf(format, args...))
}

// Help lists the commands.
func (v *RunView) Help() {
	v.printf(`commands (N is a text's number in the list; CH its channel):
  v, view N [LOC]    show one text in full, alone, to select it whole:
                     v 2, v 2 pt, v x, v x pt, v status-page suppliers
  y, copy N [LOC]    copy a text to the clipboard (an e-mail's body;
                     y N subject copies its subject); copying is not sending
  send [N|all]       send texts through their channels' delivery targets,
                     after a yes (send alone lists what has a target)
  r, show [all]      show every text in full (all: in every language)
  l, list            list this step's texts again
  a, approve [WHO] [--at HH:MM]
                     record who approved this step's texts (default: the
                     approver), and when, if given earlier (by phone)
  x, sent N          mark text N sent; or x CH [AUDIENCE|MESSAGE] [LOC]
  x all [LOC|all]    mark every text in the on-screen language (or LOC) sent
  c, check N...      tick checklist items: c 1 3
  d, done            mark this step done (asks once if must-send texts are
                     unsent or checklist items unticked)
  s, skip REASON     skip this step (the reason goes in the report)
  n, note TEXT       add a note to the journal
  u, update [TEXT]   render the next update; TEXT says what is new
                     (u en: TEXT for the texts in another language)
  state STATE        investigating, identified, monitoring or resolved
  set NAME=VALUE     a fact learned during the run; its texts shown again
  b, back            the previous step, read-only once handled: d goes on
  o, reopen REASON   reopen the handled step on screen to change it
  i, info            the run's id, its journal, who leads, the fallbacks
  p, pause (or q)    pause; resume later with --resume
The prompt counts down to the step's deadline and the next update; the bell
rings once when either falls due (--no-notify, or notify: false, turns it off).
`)
}

// End lists the follow-up steps.
func (v *RunView) End(s *runbook.Session) {
	v.printf("\n%s\n", v.rule())
	v.drillBanner(s)
	if !s.State.AllClear.IsZero() {
		v.printf("%s at %s\n", v.Th.OK.Render("ALL-CLEAR"), s.State.AllClear.In(s.Manual.Location).Format("15:04"))
	}
	if len(s.Playbook.FollowUp) > 0 {
		v.printf("%s\n", v.Th.Heading.Render("FOLLOW-UP (deadlines from the all-clear)"))
		for _, st := range s.Playbook.FollowUp {
			v.printf("  - T+%s %s (%s)\n", manual.FormatDuration(st.Deadline), st.Title, st.Owner.ID)
		}
	}
	// The command gets a line of its own, never wrapped: it is pasted.
	v.printf("run %s finished; its report:\n", s.State.RunID)
	v.raw("  crisis report " + s.State.RunID + "\n")
}

// Inject shows a drill inject: what happens, what the trainee must do, and
// for a reply the draft from the manual's template.
func (v *RunView) Inject(s *runbook.Session, index int, in manual.Inject, draft string) {
	v.printf("\n%s\n", v.Th.Drill.Render(fmt.Sprintf("⚡ INJECT %d (T+%s): %s", index+1, manual.FormatDuration(in.At), in.Event)))
	if draft != "" {
		v.raw(v.Th.Muted.Render("draft reply:") + "\n" + draft + "\n")
	}
}

// Expected shows what the manual expected from the trainee, once they have
// answered.
func (v *RunView) Expected(in manual.Inject) {
	v.printf("%s %s\n", v.Th.Bold.Render("the manual expects:"), in.Expect)
}

// Score shows a drill's grade and what to practise next.
func (v *RunView) Score(s *runbook.Session, sc *drill.Score) {
	v.drillBanner(s)
	v.printf("%s %d/100\n", v.Th.Title.Render("DRILL SCORE"), sc.Overall)
	v.printf("  deadlines met            %d of %d  (%d/40)\n", sc.Deadlines.Got, sc.Deadlines.Of, sc.Deadlines.Score)
	v.printf("  announcements prepared   %d of %d  (%d/30)\n", sc.Announcements.Got, sc.Announcements.Of, sc.Announcements.Score)
	v.printf("  injects handled well     %d of %d  (%d/20)\n", sc.Injects.Got, sc.Injects.Of, sc.Injects.Score)
	v.printf("  steps skipped            %d  (%d/10)\n", sc.Skipped, max(10-5*sc.Skipped, 0))
	if len(sc.Practise) > 0 {
		v.printf("%s\n", v.Th.Heading.Render("practise next:"))
		for i, p := range sc.Practise {
			if i == 5 {
				v.printf("  ... and %d more in the report\n", len(sc.Practise)-5)
				break
			}
			v.printf("  - %s\n", p)
		}
	}
}
