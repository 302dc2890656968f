package render

import (
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Reply renders a reply of the manual's library for one channel in one
// locale, with the values Message gives every text of p (the run's own,
// its clock, the drill mark), and measures it against the channel as an
// announcement is measured. Step names it "reply:ID" in what is shown and
// journaled; it has no audience, being for one person.
func Reply(m *manual.Manual, cat *message.Catalog, p *manual.Playbook, r *manual.Reply, ch *manual.Channel, loc string, opts Options) (Announcement, error) {
	prof, err := Profile(ch)
	if err != nil {
		return Announcement{}, err
	}
	res, err := Message(m, cat, p, r.Message.ID, ch.Kind, loc, opts)
	if err != nil {
		return Announcement{}, err
	}
	a := Announcement{Playbook: p.ID, Step: "reply:" + r.ID, Message: r.Message.ID, Channel: ch.ID, Kind: ch.Kind, Locale: loc,
		Subject: res.Subject, Header: res.Header, Footer: res.Footer, Text: res.Text, Warnings: res.Warnings}
	if res.Locale != loc {
		a.LocaleUsed, a.Chain = res.Locale, res.Chain
	}
	measure(&a, prof)
	return a, nil
}
