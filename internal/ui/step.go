package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/message"
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
	v.printf("%s %s\n", v.Th.Heading.Render(v.t("run.list.heading", nil)), v.Th.Muted.Render(v.t("run.list.legend", nil)))
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
		v.printf("%s\n", v.Th.OK.Render(v.tr().N("run.list.all-sent", total, nil)))
		return
	}
	line := v.Th.Bold.Render(v.t("run.list.to-send", map[string]any{"Unsent": unsent, "Total": total}))
	if g := s.Gate(b.Step, b.Items[0].Message); g != nil {
		line += " · " + v.Th.Muted.Render(v.gateLine(s, b, g))
	} else if who := v.approvers(s); who != "" && s.State.ApprovedBy(b.Step, b.Items[0].Message) == "" {
		line += " · " + v.Th.Muted.Render(v.t("run.list.approval", nil)) + " " + who
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
	head := "── " + v.t("run.text.head", map[string]any{"N": n, "Channel": a.Channel, "Kind": a.Kind, "Locale": localeLabel(a),
		"Audience": a.Audience, "Status": v.sentStatus(s, b, a)})
	v.printf("\n%s\n", v.Th.Title.Render(head))
	v.readIn(s, a)
	v.whole(a, v.t("run.text.subject", map[string]any{"N": n}), v.t("run.text.body", map[string]any{"N": n}))
}

// whole shows a text alone on its lines, exactly as measured (an e-mail's
// subject and body apart), then its measurement and problems: what v and
// reply show, for the person to select; the labels say how to copy each.
func (v *RunView) whole(a render.Announcement, subjectLabel, bodyLabel string) {
	if a.Subject != "" {
		v.printf("%s\n", v.Th.Muted.Render(subjectLabel))
		v.raw(a.Subject + "\n")
		v.printf("%s\n", v.Th.Muted.Render(bodyLabel))
		a.Subject = ""
	}
	v.raw(strings.TrimRight(render.Plain(a), "\n") + "\n")
	v.raw(MeasureLineIn(v.Th, v.tr(), a.Measurement) + "\n")
	for _, p := range a.Problems {
		v.printf("%s %s\n", v.Th.Warn.Render("!"), p)
	}
}

// Copy puts a text on the clipboard: through the terminal when the run
// is on one, and the desktop's clipboard program.
func (v *RunView) Copy(text string) (string, error) {
	if v.Desktop.Getenv == nil {
		return "", lang.Errorf("run.copy.none", nil)
	}
	return v.Desktop.Copy(v.tty(), text)
}

// Copied says what went to the clipboard, and that it is not sent.
func (v *RunView) Copied(sel runbook.Selection, part, how string) {
	v.Info("%s", v.t("run.copied", map[string]any{"Part": v.t("run.copy."+part, nil), "N": sel.N,
		"Channel": sel.Item.Channel, "Locale": sel.Item.Locale, "How": how}))
}

// Alert rings the bell and raises a notification for what fell due.
func (v *RunView) Alert(s *runbook.Session, d runbook.Due) {
	if v.Desktop.Getenv == nil {
		return
	}
	at := d.At.In(s.Manual.Location)
	title, body := v.t("run.alert.update-title", nil), v.t("run.alert.update", message.WithClock(map[string]any{"Playbook": s.Playbook.Title}, at))
	if d.Step != nil {
		title, body = v.t("run.alert.step-title", nil), v.t("run.alert.step", message.WithClock(map[string]any{"Playbook": s.Playbook.Title,
			"Step": fmt.Sprintf("%q", d.Step.Title)}, at))
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
