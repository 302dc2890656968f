package runbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// Row is one line of a step's list of what to send: one message on one
// channel, with its text in each of the run's locales. A row rather than
// one line per locale keeps a four-locale holding step on an 80x24 screen.
// N is the number of its first text: announcements are numbered from 1 in
// the order of the batch's Items, the same numbers x, v and y take, and
// since texts are rendered locale by locale the on-screen locale's rows
// are 1, 2, 3 ...; v N LOC shows the row's text in another locale.
type Row struct {
	N        int
	Message  string
	Channel  string
	Audience string
	Items    []render.Announcement // one per locale, in the run's order
}

// Rows groups the batch's announcements into the list shown on screen:
// one row per message and channel, in the playbook's order.
func (b Batch) Rows() []Row {
	var rows []Row
	index := map[[2]string]int{}
	for n, a := range b.Items {
		k := [2]string{a.Message, a.Channel}
		i, ok := index[k]
		if !ok {
			i = len(rows)
			index[k] = i
			rows = append(rows, Row{N: n + 1, Message: a.Message, Channel: a.Channel, Audience: a.Audience})
		}
		rows[i].Items = append(rows[i].Items, a)
	}
	return rows
}

// In is the row's text in a locale; ok is false when the row has none.
func (r Row) In(locale string) (render.Announcement, bool) {
	for _, a := range r.Items {
		if a.Locale == locale {
			return a, true
		}
	}
	return render.Announcement{}, false
}

// pickRow finds the row a person means, and the locale of the text when
// the words name one by number: an announcement's number, or a channel
// (with the message or audience as well when the channel carries two
// texts, as a status page for customers and for suppliers does). An
// ambiguous choice is an error that lists the rows, never a guess.
func (b Batch) pickRow(words ...string) (Row, string, error) {
	rows := b.Rows()
	if len(rows) == 0 {
		return Row{}, "", lang.Errorf("run.nothing-to-send", nil)
	}
	if len(words) == 0 || words[0] == "" {
		return Row{}, "", lang.Errorf("run.pick.which", map[string]any{"Max": len(b.Items)})
	}
	if n, err := strconv.Atoi(words[0]); err == nil {
		if n < 1 || n > len(b.Items) {
			return Row{}, "", lang.Errorf("run.pick.range", map[string]any{"Max": len(b.Items), "Got": n})
		}
		a := b.Items[n-1]
		for _, r := range rows {
			if r.Message == a.Message && r.Channel == a.Channel {
				return r, a.Locale, nil
			}
		}
	}
	var found []Row
	for _, r := range rows {
		if r.Channel != words[0] {
			continue
		}
		if len(words) > 1 && words[1] != r.Message && words[1] != r.Audience {
			continue
		}
		found = append(found, r)
	}
	switch len(found) {
	case 1:
		return found[0], "", nil
	case 0:
		return Row{}, "", noChannel(strings.Join(words, " "), b.channels())
	}
	var which []string
	for _, r := range found {
		which = append(which, lang.Errorf("run.pick.choice", map[string]any{"N": r.N, "Message": r.Message, "Audience": r.Audience}).Error())
	}
	return Row{}, "", lang.Errorf("run.pick.ambiguous", map[string]any{"Channel": words[0], "Count": len(found), "Choices": lang.OrList(which)})
}

// noChannel is the error of a channel the step has no text on.
func noChannel(channel string, channels []string) error {
	return lang.Errorf("run.pick.no-channel", map[string]any{"Channel": fmt.Sprintf("%q", channel), "Channels": strings.Join(channels, ", ")})
}

// Selection is what v and y were asked for: a row, a locale in it, and for
// an e-mail whether the subject rather than the body.
type Selection struct {
	N       int // the text's number
	Row     Row
	Item    render.Announcement
	Subject bool
}

// Number is an announcement's number in the batch (x N, v N, y N); 0 when
// it is not in the batch.
func (b Batch) Number(a render.Announcement) int {
	for i, it := range b.Items {
		if it.Message == a.Message && it.Channel == a.Channel && it.Locale == a.Locale {
			return i + 1
		}
	}
	return 0
}

// selectText reads "N|CHANNEL [MESSAGE|AUDIENCE] [LOCALE] [subject]".
// Without a locale it is the one on screen.
func (f *Flow) selectText(arg string) (Selection, error) {
	var pick, locale []string
	subject := false
	locales := f.batchLocales()
	for _, w := range strings.Fields(arg) {
		switch {
		case w == "subject" || w == "subj":
			subject = true
		case len(pick) > 0 && slices.Contains(locales, w):
			locale = append(locale, w)
		default:
			pick = append(pick, w)
		}
	}
	row, loc, err := f.batch.pickRow(pick...)
	if err != nil {
		return Selection{}, err
	}
	if len(locale) > 0 {
		loc = locale[0]
	} else if loc == "" {
		loc = f.screenLocale()
	}
	a, ok := row.In(loc)
	if !ok {
		return Selection{}, lang.Errorf("run.pick.no-locale", map[string]any{"N": row.N, "Locale": loc, "Locales": strings.Join(rowLocales(row), ", ")})
	}
	if subject && a.Subject == "" {
		return Selection{}, lang.Errorf("run.pick.no-subject", map[string]any{"N": row.N, "Channel": a.Channel})
	}
	return Selection{N: f.batch.Number(a), Row: row, Item: a, Subject: subject}, nil
}

// screenLocale is the locale the step view shows first: the batch's first.
func (f *Flow) screenLocale() string {
	if len(f.batch.Items) > 0 {
		return f.batch.Items[0].Locale
	}
	return f.S.State.PrimaryLocale(f.S.Manual.Locales.Default)
}

func (f *Flow) batchLocales() []string {
	var out []string
	for _, a := range f.batch.Items {
		if !slices.Contains(out, a.Locale) {
			out = append(out, a.Locale)
		}
	}
	return out
}

func rowLocales(r Row) []string {
	var out []string
	for _, a := range r.Items {
		out = append(out, a.Locale)
	}
	return out
}

// viewText shows one text in full, alone, so it can be selected whole: v 2,
// v x, v x pt.
func (f *Flow) viewText(arg string) error {
	sel, err := f.selectText(arg)
	if err != nil {
		return err
	}
	f.View.Text(f.S, f.batch, sel)
	return nil
}

// showAll shows every text of the step in full: in the on-screen locale,
// or in every locale with "r all". After an update it is the step's texts
// again, as l makes them, so a and x act on the step.
func (f *Flow) showAll(arg string) error {
	if st := f.S.Current(); st != nil && f.batch.Step != st.ID {
		if err := f.showStep(); err != nil {
			return err
		}
	}
	locale := f.screenLocale()
	if strings.TrimSpace(arg) == "all" {
		locale = ""
	}
	f.View.Texts(f.S, f.batch, locale)
	return nil
}

// copyText puts one text (an e-mail's body, or its subject) on the
// clipboard and journals the copy: copied is not sent, and the report says
// which texts were at least taken to the channel.
func (f *Flow) copyText(arg string) error {
	sel, err := f.selectText(arg)
	if err != nil {
		return err
	}
	text, part := render.Plain(sel.Item), "text"
	switch {
	case sel.Subject:
		text, part = sel.Item.Subject, "subject"
	case sel.Item.Subject != "":
		// An e-mail's subject and body go into two different fields.
		text, part = strings.TrimRight(sel.Item.Text, "\n")+"\n", "body"
	}
	how, err := f.View.Copy(text)
	if err != nil {
		return err
	}
	if err := f.S.Copied(f.batch.Step, sel.Item, part); err != nil {
		return fatal(err)
	}
	f.View.Copied(sel, part, how)
	return nil
}

// Copied is the payload of message.copied.
type Copied struct {
	Message
	Part string `json:"part"` // text, body or subject
}

// Copied journals that an announcement was copied to the clipboard.
func (s *Session) Copied(step string, a render.Announcement, part string) error {
	return s.append(journal.TypeMessageCopied, Copied{Message: Message{Step: step, Message: a.Message, Channel: a.Channel,
		Locale: a.Locale, Audience: a.Audience}, Part: part})
}

// Alert is the payload of operator.alerted: what fell due, by a key that
// names it across resumes ("step:ID", "update:TIME").
type Alert struct {
	Key string `json:"key"`
}

// Due is something that fell due: a step's deadline (Step set) or a
// cadence update (Step nil).
type Due struct {
	Key  string
	Step *manual.Step
	At   time.Time
}

func stepDue(st *manual.Step, at time.Time) Due { return Due{Key: "step:" + st.ID, Step: st, At: at} }

func updateDue(at time.Time) Due { return Due{Key: "update:" + at.UTC().Format(time.RFC3339), At: at} }

// alert rings the bell and raises a desktop notification for something
// falling due, once per key for the whole run: the journal records that it
// rang before it rings, so a resumed run does not ring again for the same
// deadline (a crash in between loses one bell rather than ringing twice).
func (f *Flow) alert(d Due) error {
	if !f.Notify || f.S.State.Alerted[d.Key] {
		return nil
	}
	if err := f.S.append(journal.TypeAlerted, Alert{Key: d.Key}); err != nil {
		return err
	}
	f.View.Alert(f.S, d)
	return nil
}
