package runbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// ReplyDrafted is the payload of reply.drafted: a reply of the manual's
// library rendered for one person, on one channel, in one locale. It
// names what was drafted, not its text: the reply goes to one person, by
// hand, and is never marked sent.
type ReplyDrafted struct {
	Reply   string `json:"reply"`
	Message string `json:"message"`
	Channel string `json:"channel"`
	Locale  string `json:"locale"`
	Step    string `json:"step,omitempty"` // the step on screen when it was drafted
	Fits    bool   `json:"fits"`
	// Market is the market the reply was written for (format 1.1): its
	// facts and clock; none in a manual without markets.
	Market string `json:"market,omitempty"`
}

// DraftReply renders reply id for a channel and locale with the run's
// values (RenderOptions, as every text of the run) and the facts and clock
// of the person's market (market, or the channel's only one in locale: see
// render.ReplyMarket), measures it, and journals that it was drafted.
func (s *Session) DraftReply(id, channelID, locale, market string) (*manual.Reply, render.Announcement, error) {
	m := s.Manual
	var ids []string
	for _, r := range m.Replies {
		ids = append(ids, r.ID)
	}
	if len(ids) == 0 {
		return nil, render.Announcement{}, lang.Errorf("replies.none", nil)
	}
	r := m.Reply(id)
	if r == nil {
		return nil, render.Announcement{}, lang.Errorf("replies.unknown", map[string]any{"Got": fmt.Sprintf("%q", id), "Replies": strings.Join(ids, ", ")})
	}
	ch := m.Channel(channelID)
	if ch == nil {
		var chs []string
		for _, c := range m.Channels {
			chs = append(chs, c.ID)
		}
		return nil, render.Announcement{}, lang.Errorf("replies.channel-unknown", map[string]any{"Got": fmt.Sprintf("%q", channelID), "Channels": strings.Join(chs, ", ")})
	}
	locales := s.State.Locales
	if len(locales) == 0 {
		locales = m.Locales.Supported
	}
	if !slices.Contains(locales, locale) {
		return nil, render.Announcement{}, lang.Errorf("replies.locale-unknown", map[string]any{"Got": fmt.Sprintf("%q", locale), "Locales": strings.Join(locales, ", ")})
	}
	o := s.RenderOptions()
	o.Market = market
	a, err := render.Reply(m, s.Catalog, s.Playbook, r, ch, locale, o)
	if err != nil {
		return nil, render.Announcement{}, err
	}
	d := ReplyDrafted{Reply: r.ID, Message: r.Message.ID, Channel: ch.ID, Locale: locale, Fits: a.Fits}
	if len(a.Markets) == 1 {
		d.Market = a.Markets[0]
	}
	if st := s.Current(); st != nil {
		d.Step = st.ID
	}
	return r, a, s.append(journal.TypeReplyDrafted, d)
}

// replyCommand carries out reply, and y (or y subject) right after it,
// which copies the reply shown; any other command forgets that reply.
func (f *Flow) replyCommand(cmd, arg string) (bool, error) {
	switch cmd {
	case "reply":
		return true, f.reply(arg)
	case "y", "copy":
		if f.lastReply != nil && (arg == "" || arg == "subject" || arg == "subj") {
			return true, f.copyReply(arg != "")
		}
	}
	f.lastReply = nil
	return false, nil
}

// reply drafts a reply: reply ID CH [LOC] [--market M], in the on-screen
// locale by default, for the channel's market (M among several); reply
// alone lists the library.
func (f *Flow) reply(arg string) error {
	w, market, err := marketWord(strings.Fields(arg))
	if err != nil {
		return err
	}
	if len(w) == 0 {
		if len(f.S.Manual.Replies) == 0 {
			return lang.Errorf("replies.none", nil)
		}
		f.info("replies.usage", nil)
		for _, r := range f.S.Manual.Replies {
			f.View.Info("  %-14s %s", r.ID, r.Description)
		}
		return nil
	}
	if len(w) < 2 || len(w) > 3 {
		return lang.Errorf("replies.usage", nil)
	}
	loc := f.screenLocale()
	if len(w) == 3 {
		loc = w[2]
	}
	r, a, err := f.S.DraftReply(w[0], w[1], loc, market)
	if err != nil {
		return orFatal(err)
	}
	f.lastReply = &drafted{reply: r, item: a}
	f.View.Reply(f.S, r, a)
	return nil
}

// drafted is the reply last shown, which y copies.
type drafted struct {
	reply *manual.Reply
	item  render.Announcement
}

// copyReply puts the reply last shown on the clipboard (an e-mail's body,
// or its subject) and journals the copy, as y does for a text of the step.
func (f *Flow) copyReply(subject bool) error {
	a := f.lastReply.item
	text, part := render.Plain(a), "text"
	switch {
	case subject && a.Subject == "":
		return lang.Errorf("replies.no-subject", map[string]any{"Reply": f.lastReply.reply.ID, "Channel": a.Channel})
	case subject:
		text, part = a.Subject, "subject"
	case a.Subject != "":
		text, part = strings.TrimRight(a.Text, "\n")+"\n", "body"
	}
	how, err := f.View.Copy(text)
	if err != nil {
		return err
	}
	if err := f.S.Copied(a.Step, a, part); err != nil {
		return fatal(err)
	}
	f.info("replies.copied", map[string]any{"Reply": f.lastReply.reply.ID, "Part": f.tr().T("run.copy."+part, nil), "How": how})
	return nil
}

// marketWord takes --market M (or --market=M) out of a command's words.
func marketWord(w []string) (rest []string, market string, err error) {
	for i := 0; i < len(w); i++ {
		switch v, ok := strings.CutPrefix(w[i], "--market="); {
		case ok && v != "":
			market = v
		case w[i] == "--market" && i+1 < len(w):
			market = w[i+1]
			i++
		case w[i] == "--market" || ok:
			return nil, "", lang.Errorf("replymarket.usage", nil)
		default:
			rest = append(rest, w[i])
		}
	}
	return rest, market, nil
}
