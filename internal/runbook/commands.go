package runbook

import (
	"fmt"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/suggest"
	"strconv"
	"strings"
)

// do carries out one command line.
func (f *Flow) do(line string) error {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	if c := strings.ToLower(cmd); c != "d" && c != "done" {
		f.confirmDone = false
	}
	switch strings.ToLower(cmd) {
	case "d", "done":
		return f.done()
	case "s", "skip":
		if arg == "" {
			return fmt.Errorf("say why the step is skipped: skip REASON")
		}
		return fatal(f.S.Skip(arg))
	case "n", "note":
		if arg == "" {
			return fmt.Errorf("write the note after the command: note TEXT")
		}
		if err := f.S.Note(arg); err != nil {
			return fatal(err)
		}
		f.View.Info("note saved")
	case "a", "approve":
		return f.approve(arg)
	case "x", "sent":
		return f.sent(arg)
	case "send":
		return f.send(arg)
	case "u", "update":
		b, err := f.S.RenderUpdate()
		if err != nil {
			return err
		}
		f.batch = b
		f.View.Update(f.S, b)
	case "b", "back":
		if err := f.S.Back(); err != nil {
			return err
		}
	case "p", "pause", "q", "quit":
		if err := f.S.Pause(); err != nil {
			return fatal(err)
		}
		return ErrPaused
	case "c", "check":
		return f.check(arg)
	case "l", "list":
		// Render the step again: after an update, its batch is the step's
		// own again, so approve and sent act on the step as help says.
		return f.showStep()
	case "r", "show":
		return f.showAll(arg)
	case "v", "view":
		return f.viewText(arg)
	case "y", "copy":
		return f.copyText(arg)
	case "i", "info":
		f.View.Card(f.S)
	case "?", "h", "help", "":
		f.View.Help()
	default:
		return fmt.Errorf("unknown command %q; type ? for help", cmd)
	}
	return nil
}

// approve records who approved the batch; by default the playbook's
// approver.
func (f *Flow) approve(by string) error {
	if len(f.batch.Items) == 0 {
		return fmt.Errorf("nothing to approve in this step")
	}
	if by == "" {
		by = f.defaultApprover()
	}
	person, err := f.person(by)
	if err != nil {
		return err
	}
	if err := f.S.Approve(f.batch, person.ID); err != nil {
		return fatal(err)
	}
	f.View.Info("approved by %s", person.Name)
	if !f.mayApprove(person.ID) {
		f.View.Warn("%s is neither the approver nor a deputy in this playbook: the report will show who approved", person.Name)
	}
	return nil
}

// person finds someone of the manual by id or name (case and accents as
// typed), so the journal records who, not a free-text guess.
func (f *Flow) person(who string) (*manual.Person, error) {
	var names []string
	for i := range f.S.Manual.People {
		p := &f.S.Manual.People[i]
		if strings.EqualFold(p.ID, who) || strings.EqualFold(p.Name, who) || strings.HasPrefix(strings.ToLower(p.Name), strings.ToLower(who)+" ") {
			return p, nil
		}
		names = append(names, p.ID)
	}
	hint := suggest.Hint(who, names)
	if hint == "" {
		hint = "people: " + strings.Join(names, ", ")
	}
	return nil, fmt.Errorf("%q is not a person of the manual; %s", who, hint)
}

// mayApprove reports whether a person holds the approver role or deputises.
func (f *Flow) mayApprove(id string) bool {
	r := f.S.Manual.Role(f.S.Playbook.Approver.ID)
	if r == nil {
		return false
	}
	if r.Person.ID == id {
		return true
	}
	for _, d := range r.Deputies {
		if d.ID == id {
			return true
		}
	}
	return false
}

func (f *Flow) defaultApprover() string {
	m, p := f.S.Manual, f.S.Playbook
	if r := m.Role(p.Approver.ID); r != nil {
		if pe := m.Person(r.Person.ID); pe != nil {
			return pe.ID
		}
	}
	return p.Approver.ID
}

// sent marks announcements sent. x N, or x CHANNEL [AUDIENCE|MESSAGE]
// [LOCALE], marks exactly one (Batch.Pick: several that fit are listed,
// none marked). x, or x all [LOCALE|all], marks every text in the
// on-screen locale (or the one given, or all): the other languages' texts
// are in files, and nobody should record as posted what they have not seen.
func (f *Flow) sent(arg string) error {
	if len(f.batch.Items) == 0 {
		return fmt.Errorf("nothing to send in this step")
	}
	primary := f.batch.Items[0].Locale
	words := strings.Fields(arg)
	var n int
	var unapproved bool
	var err error
	if len(words) == 0 || words[0] == "all" {
		locale := primary
		if len(words) > 1 {
			locale = words[1]
		}
		n, unapproved, err = f.S.Sent(f.batch, "all", locale)
	} else {
		var i int
		if i, err = f.batch.Pick(words, primary); err != nil {
			return err
		}
		n, unapproved, err = f.S.MarkSent(f.batch, []int{i})
	}
	if err != nil {
		return fatal(err)
	}
	if unapproved {
		f.View.Warn("sent without a recorded approval: the report will show it")
	}
	if n == 0 {
		f.View.Warn("nothing new to mark sent: already marked (r shows the step again)")
		return nil
	}
	f.View.Info("marked %d announcement(s) sent", n)
	if left := f.S.Unsent(f.batch); len(left) > 0 {
		f.View.Info("still to send: %s", strings.Join(left, ", "))
	}
	if due, ok := f.S.NextUpdateDue(); ok && !due.Equal(f.announcedDue) {
		f.announcedDue = due
		f.View.Info("next update due at %s", due.In(f.S.Manual.Location).Format("15:04"))
	}
	return nil
}

// done completes the step; with announcements still unsent it asks for a
// second d first, so nothing is skipped by a slip of the finger.
func (f *Flow) done() error {
	if st := f.S.Current(); st != nil && st.ID == f.unrendered {
		return fmt.Errorf("the messages of step %q could not be rendered, so none was sent: skip it with a reason, s REASON", st.ID)
	}
	if st := f.S.Current(); st != nil && f.batch.Step == st.ID && !f.confirmDone {
		if left := f.S.Unsent(f.batch); len(left) > 0 {
			f.confirmDone = true
			return fmt.Errorf("%d announcement(s) not marked sent: %s; type d again to complete the step anyway",
				len(left), strings.Join(left, ", "))
		}
	}
	f.confirmDone = false
	return fatal(f.S.Done())
}

// end lists the follow-up steps and closes the run.
func (f *Flow) end() error {
	if err := f.S.Finish(); err != nil {
		return err
	}
	f.View.End(f.S)
	return nil
}

// check ticks checklist items of the current step: c 2, or c 1 3.
func (f *Flow) check(arg string) error {
	st := f.S.Current()
	if st == nil || len(st.Checklist) == 0 {
		return fmt.Errorf("this step has no checklist")
	}
	if arg == "" {
		return fmt.Errorf("say which items: c 1 2 (1 to %d)", len(st.Checklist))
	}
	for _, field := range strings.Fields(arg) {
		n, err := strconv.Atoi(field)
		if err != nil || n < 1 || n > len(st.Checklist) {
			return fmt.Errorf("checklist items are 1 to %d, not %q", len(st.Checklist), field)
		}
		if err := f.S.Check(n); err != nil {
			return err
		}
		f.View.Info("[x] %s", st.Checklist[n-1])
	}
	return nil
}
