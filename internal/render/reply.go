package render

import (
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Reply renders a reply of the manual's library for one channel in one
// locale, with the values Message gives every text of p (the run's own,
// its clock, the drill mark) and, in a manual with markets, the facts and
// clock of the one market it is for (ReplyMarket: opts.Market, or the
// channel's only market in loc), and measures it against the channel as an
// announcement is measured. Step names it "reply:ID" in what is shown and
// journaled; it has no audience, being for one person.
func Reply(m *manual.Manual, cat *message.Catalog, p *manual.Playbook, r *manual.Reply, ch *manual.Channel, loc string, opts Options) (Announcement, error) {
	prof, err := Profile(ch)
	if err != nil {
		return Announcement{}, err
	}
	mk, own, err := ReplyMarket(m, ch, loc, opts.Market)
	if err != nil {
		return Announcement{}, err
	}
	res, err := draft(m, cat, p, r.Message.ID, ch.Kind, loc, channelCadence(opts, ch), markets(mk), own)
	if err != nil {
		return Announcement{}, err
	}
	a := Announcement{Playbook: p.ID, Step: "reply:" + r.ID, Message: r.Message.ID, Channel: ch.ID, Kind: ch.Kind, Locale: loc,
		Markets: marketIDs(markets(mk)), Subject: res.Subject, Header: res.Header, Footer: res.Footer, Text: res.Text, Warnings: res.Warnings, Region: res.Region}
	if res.Locale != loc {
		a.LocaleUsed, a.Chain = res.Locale, res.Chain
	}
	measure(&a, prof)
	return a, nil
}

// markets is mk as a list: none when nil.
func markets(mk *manual.Market) []*manual.Market {
	if mk == nil {
		return nil
	}
	return []*manual.Market{mk}
}

// InjectReply renders the reply a drill inject asks for (msg) on the
// inject's channel (format 1.1; nil: none, the default variant), for the
// person's market: market when the inject names one, else the markets the
// channel reaches in loc, each one's
// value named beside it where they differ, as a text read in several
// markets is. It returns the ids of the markets written for.
func InjectReply(m *manual.Manual, cat *message.Catalog, p *manual.Playbook, msg string, ch *manual.Channel, market, loc string, opts Options) (message.Result, []string, error) {
	kind, rs, own := "default", []*manual.Market(nil), false
	if ch != nil {
		kind, opts = ch.Kind, channelCadence(opts, ch)
		rs, own = readers(m, ch, loc, Options{Market: market})
	}
	if market != "" && len(rs) == 0 {
		if mk := m.Market(market); mk != nil {
			rs, own = []*manual.Market{mk}, mk.Reads(loc)
		}
	}
	res, err := draft(m, cat, p, msg, kind, loc, opts, rs, own)
	return res, marketIDs(rs), err
}

// channelCadence is opts with the next update the one the cadence covering
// ch for its audiences promises: a reply on Peru's SMS list says when that
// list hears next, not when the first cadence's channels do.
func channelCadence(opts Options, ch *manual.Channel) Options {
	var audiences []string
	for _, a := range ch.Audiences {
		audiences = append(audiences, a.ID)
	}
	return cadenceOptions(opts, ch.ID, audiences)
}
