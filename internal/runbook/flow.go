package runbook

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// Input gives the flow one line at a time: a person at a terminal, an
// answers file, or the automatic answers of --yes.
type Input interface {
	ReadLine(prompt string) (string, error)
}

// View shows the run. The terminal implementation lives in internal/ui; the
// flow only decides what to show.
type View interface {
	Start(s *Session)
	Step(s *Session, b Batch)
	Update(s *Session, b Batch)
	Reminder(s *Session, due time.Time)
	// Info and Warn say what happened or needs attention. The flow words
	// them as interface messages (lang.Errorf) passed as arguments: a view
	// in a language shows them in it, and %v of one is its English text.
	Info(format string, args ...any)
	Warn(format string, args ...any)
	Help()
	End(s *Session)
	Screen
}

// Screen is what the commands that show, copy and ring need of a view: v,
// r, i, y and the alerts when something falls due.
type Screen interface {
	// Card shows the start card again: the run id, its journal, who leads.
	Card(s *Session)
	// Text shows one text in full, alone on its lines (v).
	Text(s *Session, b Batch, sel Selection)
	// Texts shows every text of the batch in full, in locale, or in every
	// locale when locale is "" (r).
	Texts(s *Session, b Batch, locale string)
	// Copy puts text on the clipboard and says how it got there.
	Copy(text string) (how string, err error)
	// Copied says what was copied.
	Copied(sel Selection, part, how string)
	// Alert rings the bell and raises a desktop notification.
	Alert(s *Session, d Due)
	// Reply shows a reply drafted from the manual's library, whole (reply).
	Reply(s *Session, r *manual.Reply, a render.Announcement)
}

// NoScreen is a Screen that shows nothing, copies nowhere and never rings:
// for views that only record what happened, as tests' do.
type NoScreen struct{}

func (NoScreen) Card(*Session)                                      {}
func (NoScreen) Text(*Session, Batch, Selection)                    {}
func (NoScreen) Texts(*Session, Batch, string)                      {}
func (NoScreen) Copy(string) (string, error)                        { return "", errors.New("no clipboard here") }
func (NoScreen) Copied(Selection, string, string)                   {}
func (NoScreen) Alert(*Session, Due)                                {}
func (NoScreen) Reply(*Session, *manual.Reply, render.Announcement) {}

// ErrPaused ends a flow that the operator paused; the run can be resumed.
var ErrPaused = errors.New("run paused")

// Flow drives a session from an Input, showing it through a View.
type Flow struct {
	S    *Session
	In   Input
	View View
	Auto bool // --yes: approve, mark sent and complete every step
	// Strict stops at the first command that fails, as an answers file
	// must: a script that went wrong must not carry on as if it had not.
	Strict bool
	// OnCommand, when set, runs before each command: drills deliver their
	// injects through it.
	OnCommand func() error
	// NextEvent, when set, says when something outside the operator's
	// commands happens next (a drill inject), so a waiting prompt wakes for it.
	NextEvent func() (time.Time, bool)
	// Notify rings the bell and raises a desktop notification when a step
	// or an update falls due (once each; see alert).
	Notify bool
	// Dispatch is what the send command sends with (send.go); nil: the
	// process's environment, no live progress.
	Dispatch *Dispatcher
	// L words the prompt in the interface language; nil is English.
	L *lang.Localizer

	batch        Batch
	unrendered   string // the step whose messages could not be rendered
	reminded     time.Time
	announcedDue time.Time
	confirmDone  bool
	overdue      string          // the step whose passed deadline was announced
	askedFact    map[string]bool // facts known later already asked for (later.go)
	autoApproved string          // the batch --yes approved (once each)
	waiting      int             // texts of the step shown that waited for a fact (later.go)
	lastReply    *drafted        // the reply last shown, which y copies
}

// WakingInput is an Input that can stop waiting for a line after a while,
// so the flow can show a reminder or an inject that falls due while the
// operator is away from the keyboard. A terminal input implements it; an
// answers file does not need to.
type WakingInput interface {
	ReadLineWithin(prompt string, wait time.Duration) (string, error)
}

// ScriptError is a command of an answers file that failed; the run is
// paused, so it can be resumed once the file is corrected.
type ScriptError struct {
	Line string
	Err  error
}

func (e *ScriptError) Error() string { return e.head().Error() + ": " + e.Err.Error() }

// Unwrap gives the head, "answers: LINE", as an interface message beside
// the reason, so that both are shown in the interface language.
func (e *ScriptError) Unwrap() []error { return []error{e.head(), e.Err} }

func (e *ScriptError) head() error {
	return lang.Errorf("session.answers", map[string]any{"Line": fmt.Sprintf("%q", e.Line)})
}

// LiveInput can redraw its prompt in place while it waits (a terminal), so
// the countdown the prompt carries stays true without printing new lines.
// prompt is called again whenever the input wants to redraw.
type LiveInput interface {
	ReadLineLive(prompt func() string, wait time.Duration) (string, error)
}

// ErrWake is returned by ReadLineWithin when the wait ended before a line.
var ErrWake = errors.New("woken before a line was read")

// Run walks the steps until the run ends or is paused.
func (f *Flow) Run() error {
	f.View.Start(f.S)
	f.warnUnknownSends()
	for f.S.Current() != nil {
		if err := f.showStep(); err != nil {
			return err
		}
		if err := f.commands(); err != nil {
			return err
		}
	}
	return f.end()
}

func (f *Flow) showStep() error {
	if err := f.askFacts(); err != nil {
		return err
	}
	b, err := f.S.RenderStep() // journal errors end the run here too
	var rerr *RenderError
	if errors.As(err, &rerr) && !f.Auto {
		// A text that cannot render must not stop the run for good (nor
		// every resume): show the step, say why, and let it be skipped.
		f.batch, f.unrendered = Batch{}, rerr.Step
		f.View.Step(f.S, f.batch)
		f.warn("run.unrendered", map[string]any{"Err": err})
		return nil
	}
	if err != nil {
		return err
	}
	f.batch = b
	f.View.Step(f.S, b)
	f.sayWaiting()
	f.readOnlyNote()
	return nil
}

// commands reads commands until the current step changes.
func (f *Flow) commands() error {
	cur := f.S.State.Cursor
	for f.S.State.Cursor == cur {
		if f.OnCommand != nil {
			if err := f.OnCommand(); err != nil {
				return err
			}
			if f.factArrived() {
				// A drill inject answered with set gave a fact a held
				// text waited for: show the step with it.
				if err := f.showStep(); err != nil {
					return err
				}
			}
		}
		if due, ok := f.S.NextUpdateDue(); ok && !f.S.Now().Before(due) && !due.Equal(f.reminded) {
			f.reminded = due
			f.View.Reminder(f.S, due)
			if err := f.alert(updateDue(due)); err != nil {
				return err
			}
		}
		if err := f.escalate(); err != nil {
			return err
		}
		if st := f.S.Current(); st != nil && st.ID != f.overdue && !f.S.Now().Before(f.S.Deadline(st)) {
			f.overdue = st.ID
			f.warn("run.step-due", message.WithClock(map[string]any{"Step": fmt.Sprintf("%q", st.ID),
				"Deadline": manual.FormatDuration(st.Deadline)}, f.S.local(f.S.Deadline(st))))
			if err := f.alert(stepDue(st, f.S.Deadline(st))); err != nil {
				return err
			}
		}
		line, err := f.next()
		if errors.Is(err, ErrWake) {
			continue
		}
		if err != nil {
			return err
		}
		if err := f.do(line); err != nil {
			if errors.Is(err, ErrPaused) {
				return err
			}
			var fatal *fatalError
			if errors.As(err, &fatal) {
				return fatal.err
			}
			var jerr *JournalError
			if errors.As(err, &jerr) {
				return err
			}
			if f.Strict {
				if perr := f.S.Pause(); perr != nil {
					return perr
				}
				return &ScriptError{Line: line, Err: err}
			}
			f.View.Warn("%v", err)
		}
	}
	return nil
}

func (f *Flow) next() (string, error) {
	if f.Auto {
		return f.auto(), nil
	}
	var line string
	var err error
	if l, ok := f.In.(LiveInput); ok {
		line, err = l.ReadLineLive(f.prompt, f.wait())
	} else if w, ok := f.In.(WakingInput); ok && f.wait() > 0 {
		line, err = w.ReadLineWithin(f.prompt(), f.wait())
	} else {
		line, err = f.In.ReadLine(f.prompt())
	}
	if errors.Is(err, io.EOF) {
		// The answers ran out or the terminal closed: pause, so the run
		// can be resumed, rather than lose where it was.
		if perr := f.S.Pause(); perr != nil {
			return "", perr
		}
		return "", fmt.Errorf("%w: input ended", ErrPaused)
	}
	return strings.TrimSpace(line), err
}

// wait is how long, in wall time, until the next update falls due or the
// next outside event happens; 0 when nothing is pending.
func (f *Flow) wait() time.Duration {
	var next time.Time
	if due, ok := f.S.NextUpdateDue(); ok && !due.Equal(f.reminded) {
		next = due
	}
	if st := f.S.Current(); st != nil && st.ID != f.overdue {
		if d := f.S.Deadline(st); next.IsZero() || d.Before(next) {
			next = d
		}
	}
	if f.NextEvent != nil {
		if at, ok := f.NextEvent(); ok && (next.IsZero() || at.Before(next)) {
			next = at
		}
	}
	if next.IsZero() {
		return 0
	}
	d := next.Sub(f.S.Now())
	if speed := f.S.State.Speed; speed > 0 {
		d = time.Duration(float64(d) / speed)
	}
	return max(d, time.Millisecond)
}

// tr is the localizer of the interface language, English by default.
func (f *Flow) tr() *lang.Localizer {
	if f.L == nil {
		f.L = lang.For(language.English)
	}
	return f.L
}

// info and warn tell the view an interface message: in its language on a
// terminal, in English to the views that record (see View).
func (f *Flow) info(id string, data map[string]any) { f.View.Info("%v", lang.Errorf(id, data)) }
func (f *Flow) warn(id string, data map[string]any) { f.View.Warn("%v", lang.Errorf(id, data)) }

func (f *Flow) prompt() string {
	st := f.S.Current()
	if st == nil {
		return "> "
	}
	l := f.tr()
	if f.batch.Step != "" && f.batch.Step != st.ID {
		// a and x act on the update shown last, not on the step: say so.
		return l.T("run.prompt.batch", map[string]any{"Batch": strings.ReplaceAll(f.batch.Step, "#", " "), "Step": st.ID})
	}
	return l.T("run.prompt.step", map[string]any{"N": f.S.State.Cursor + 1, "Of": len(f.S.Playbook.Steps), "Step": st.ID,
		"Due": f.countdown("run.prompt.due", f.S.Deadline(st)), "Update": f.nextUpdate()})
}

// countdown is message id with a clock time and the time left to it,
// padded to one width so a prompt redrawn in place keeps what the operator
// typed where it was.
func (f *Flow) countdown(id string, at time.Time) string {
	l := f.tr()
	left := at.Sub(f.S.Now())
	var rel string
	if left < 0 {
		rel = l.T("run.prompt.late", map[string]any{"Late": manual.FormatDuration((-left).Truncate(time.Minute))})
	} else {
		// Rounded up: "in 0m" while seconds are left would read as late.
		rel = l.T("run.prompt.in", map[string]any{"Left": manual.FormatDuration((left + time.Minute - 1).Truncate(time.Minute))})
	}
	rel = strings.Repeat(" ", max(8-utf8.RuneCountInString(rel), 0)) + rel
	return l.T(id, message.WithClock(map[string]any{"Left": rel}, f.S.local(at)))
}

// nextUpdate is the prompt's part about the next cadence update.
func (f *Flow) nextUpdate() string {
	due, ok := f.S.NextUpdateDue()
	if !ok {
		return ""
	}
	return " · " + f.countdown("run.prompt.update", due)
}

// auto answers for --yes: approve by the playbook's approver, mark every
// announcement sent, then complete the step.
func (f *Flow) auto() string {
	for _, a := range f.batch.Items {
		if f.autoApproved != f.batch.Step && len(f.S.Needed(f.batch.Step, a.Message)) > 0 {
			// Once per batch: a gate one person cannot satisfy (two
			// people, another role) is sent and reported unapproved.
			f.autoApproved = f.batch.Step
			return "approve"
		}
	}
	for _, a := range f.batch.Items {
		if !f.S.State.IsSent(f.batch.Step, a.Message, a.Channel, a.Locale) {
			return "sent all all"
		}
	}
	if st := f.S.Current(); st != nil && st.Kind == manual.StepDecision {
		return "choose 1" // --yes walks the first option's path
	}
	return "done"
}

// fatalError stops the flow: the journal could not be written.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }

func fatal(err error) error {
	if err == nil {
		return nil
	}
	return &fatalError{err}
}
