package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// list shows one line per text to send: its number, channel, audience and
// each locale with whether it was sent or does not fit. A text the
// channel does not owe (see owed) is shown in brackets and not counted.
func (v *RunView) list(s *runbook.Session, b runbook.Batch) {
	rows := b.Rows()
	if len(rows) == 0 {
		return
	}
	if !v.Live {
		// A log has no screen to fit: it keeps the on-screen locale's
		// texts in full, as a record of what was offered to paste.
		for _, r := range rows {
			v.text(s, b, r.Items[0])
		}
	}
	chW, audW := 0, 0
	for _, r := range rows {
		chW = max(chW, ansi.StringWidth(r.Channel))
		audW = max(audW, ansi.StringWidth(r.Audience))
	}
	v.printf("%s %s\n", v.Th.Heading.Render("TO SEND"),
		v.Th.Muted.Render("✓ sent · ○ to send · ✗ too long · (xx) optional │ v N shows, y N copies"))
	for _, r := range rows {
		var locs []string
		for _, a := range r.Items {
			locs = append(locs, v.localeMark(s, b, a))
		}
		// Padded by display width, so a channel name with accents or
		// wide characters keeps the columns straight.
		v.printf("%3d %s %s %s\n", r.N, pad(v.Th.Title.Render(r.Channel), chW), pad(r.Audience, audW), strings.Join(locs, " "))
	}
	v.summary(s, b)
}

// summary says how many owed texts are left to send, and who approves.
func (v *RunView) summary(s *runbook.Session, b runbook.Batch) {
	if len(b.Items) == 0 {
		return
	}
	total, unsent := 0, 0
	for _, a := range b.Items {
		if owed(a) {
			total++
			if !s.State.IsSent(b.Step, a.Message, a.Channel, a.Locale) {
				unsent++
			}
		}
	}
	if unsent == 0 {
		v.printf("%s\n", v.Th.OK.Render(fmt.Sprintf("all %d sent", total)))
		return
	}
	line := v.Th.Bold.Render(fmt.Sprintf("%d of %d to send", unsent, total))
	if who := v.approvers(s); who != "" && s.State.ApprovedBy(b.Step, b.Items[0].Message) == "" {
		line += " · " + v.Th.Muted.Render("approval:") + " " + who
	}
	v.printf("%s\n", line)
}

// localeMark is one locale of a row: "es✓" sent, "es○" to send, "es✗"
// too long (and not sent), in brackets when optional.
func (v *RunView) localeMark(s *runbook.Session, b runbook.Batch, a render.Announcement) string {
	var mark string
	switch {
	case s.State.IsSent(b.Step, a.Message, a.Channel, a.Locale):
		mark = v.Th.OK.Render(a.Locale + "✓")
	case !a.Fits:
		mark = v.Th.Error.Render(a.Locale + "✗")
	default:
		mark = v.Th.Warn.Render(a.Locale + "○")
	}
	if !owed(a) {
		return v.Th.Muted.Render("(") + mark + v.Th.Muted.Render(")")
	}
	return mark
}

// owed reports whether a text must be sent: the announcement's own field
// decides, the one place the list and its count ask.
func owed(a render.Announcement) bool { return !a.Optional }

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
}

// Text shows one text in full. Its lines carry nothing else (no marker, no
// indent, no hard wrap: the terminal soft-wraps), so a triple-click or a
// drag selects exactly the text; what to do with it is on the lines around.
func (v *RunView) Text(s *runbook.Session, b runbook.Batch, sel runbook.Selection) {
	v.text(s, b, sel.Item)
}

// Texts shows every text of the batch in full, in one locale or ("") all.
func (v *RunView) Texts(s *runbook.Session, b runbook.Batch, locale string) {
	for _, r := range b.Rows() {
		for _, a := range r.Items {
			if locale == "" || a.Locale == locale {
				v.text(s, b, a)
			}
		}
	}
	v.summary(s, b)
}

func (v *RunView) text(s *runbook.Session, b runbook.Batch, a render.Announcement) {
	n := b.Number(a)
	head := fmt.Sprintf("── %d %s · %s · %s · to %s · %s", n, a.Channel, a.Kind, a.Locale, a.Audience, v.sentStatus(s, b, a))
	v.printf("\n%s\n", v.Th.Title.Render(head))
	if a.Subject != "" {
		v.printf("%s\n", v.Th.Muted.Render(fmt.Sprintf("subject (y %d subject copies it):", n)))
		v.raw(a.Subject + "\n")
		v.printf("%s\n", v.Th.Muted.Render(fmt.Sprintf("body (y %d copies it):", n)))
		a.Subject = ""
	}
	v.raw(strings.TrimRight(render.Plain(a), "\n") + "\n")
	v.raw(MeasureLine(v.Th, a.Measurement) + "\n")
	for _, p := range a.Problems {
		v.printf("%s %s\n", v.Th.Warn.Render("!"), p)
	}
}

// Copy puts a text on the clipboard: through the terminal when the run
// is on one, and the desktop's clipboard program.
func (v *RunView) Copy(text string) (string, error) {
	if v.Desktop.Getenv == nil {
		return "", fmt.Errorf("no clipboard in this run")
	}
	return v.Desktop.Copy(v.tty(), text)
}

// Copied says what went to the clipboard, and that it is not sent.
func (v *RunView) Copied(sel runbook.Selection, part, how string) {
	v.Info("copied %s of %d (%s %s) via %s: paste it, then x marks it sent", part, sel.N, sel.Item.Channel, sel.Item.Locale, how)
}

// Alert rings the bell and raises a notification for what fell due.
func (v *RunView) Alert(s *runbook.Session, d runbook.Due) {
	if v.Desktop.Getenv == nil {
		return
	}
	at := d.At.In(s.Manual.Location).Format("15:04")
	title, body := "crisis: update due", fmt.Sprintf("%s: the next update was due at %s (u renders it)", s.Playbook.Title, at)
	if d.Step != nil {
		title, body = "crisis: step due", fmt.Sprintf("%s: %q was due at %s", s.Playbook.Title, d.Step.Title, at)
	}
	v.Desktop.Notify(v.tty(), title, body)
}

// tty is the terminal to write escape sequences to, or nil when the run's
// output is a log.
func (v *RunView) tty() io.Writer {
	if v.Live {
		return v.W
	}
	return nil
}
