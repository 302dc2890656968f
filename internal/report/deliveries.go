package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// Delivery is one announcement sent through a delivery target (the run's
// send command), per channel and locale: what the journal's intents,
// batches and outcomes say happened.
type Delivery struct {
	Step        string     `json:"step"`
	Message     string     `json:"message"`
	Channel     string     `json:"channel"`
	ChannelName string     `json:"channel_name,omitempty"`
	Locale      string     `json:"locale"`
	Provider    string     `json:"provider"`
	Where       string     `json:"where,omitempty"`
	Drill       bool       `json:"drill,omitempty"`
	SentAt      *time.Time `json:"sent_at,omitempty"` // when it was marked sent; nil: not (yet)
	By          string     `json:"sent_by,omitempty"`
	ApprovedBy  string     `json:"approved_by,omitempty"`
	ProviderIDs []string   `json:"provider_ids,omitempty"`
	Reached     int        `json:"reached"`
	Failed      int        `json:"failed"`
	Unknown     int        `json:"unknown"` // posts or recipients whose outcome nobody knows
	OptedOut    int        `json:"opted_out,omitempty"`
	Error       string     `json:"error,omitempty"` // the last attempt's
	Status      string     `json:"status"`          // in English, whatever the interface language

	status *lang.Error // Status as a message, for the writers
}

// deliveries fills r.Deliveries from the sends the state replayed.
func (r *Report) deliveries(st *runbook.State, n names) {
	for k, s := range st.Sends {
		d := Delivery{Step: k.Step, Message: k.Message, Channel: k.Channel, ChannelName: n.channel(k.Channel), Locale: k.Locale,
			Provider: s.Intent.Provider, Where: s.Intent.Where, Drill: s.Intent.Drill, By: s.Intent.By,
			ProviderIDs: s.IDs, Reached: s.Delivered, Failed: s.Failed, Unknown: s.Unknown + s.DoubtRows()}
		if by := st.ApprovedBy(k.Step, k.Message); by != "" {
			d.ApprovedBy = n.person(by)
		}
		if at, ok := st.SentAt(k.Step, k.Message, k.Channel, k.Locale); ok {
			d.SentAt = &at
		}
		if o := s.Outcome; o != nil {
			d.OptedOut, d.Error = o.OptedOut, o.Error
		}
		switch {
		case s.InDoubt() && !s.Bulk():
			d.Unknown = 1
			d.status = lang.Errorf("deliveries.status.unknown", nil)
		case d.SentAt != nil && d.Unknown > 0:
			d.status = lang.Errorf("deliveries.status.some-unknown", nil)
		case d.SentAt != nil:
			d.status = lang.Errorf("deliveries.status.sent", nil)
		case s.InDoubt():
			d.status = lang.Errorf("deliveries.status.interrupted", nil)
		default:
			d.status = lang.Errorf("deliveries.status.not-sent", map[string]any{"Error": d.Error})
		}
		d.Status = d.status.Error()
		r.Deliveries = append(r.Deliveries, d)
	}
	order := map[string]int{}
	if n.m != nil {
		for i, c := range n.m.Channels {
			order[c.ID] = i
		}
	}
	slices.SortFunc(r.Deliveries, func(a, b Delivery) int {
		if c := order[a.Channel] - order[b.Channel]; c != 0 {
			return c
		}
		return strings.Compare(a.Locale+a.Step+a.Message, b.Locale+b.Step+b.Message)
	})
}

// Unknowns lists every delivery with an outcome nobody knows, for people
// reading l's language.
func (r *Report) Unknowns(l *lang.Localizer) []string {
	var out []string
	for _, d := range r.Deliveries {
		if d.Unknown > 0 {
			id := "deliveries.unknown"
			if d.Where == "" {
				id = "deliveries.unknown-provider"
			}
			out = append(out, l.N(id, d.Unknown, map[string]any{"Channel": d.ChannelName, "Locale": d.Locale,
				"Message": d.Message, "Provider": d.Provider, "Where": d.Where}))
		}
	}
	return out
}

// Say is the delivery's status in l's language.
func (d Delivery) Say(l *lang.Localizer) string {
	if d.status == nil {
		return d.Status
	}
	return l.Text(d.status)
}

// describeSend is the timeline's line for a send event.
func describeSend(typ string, str func(string) string, num func(string) int) *lang.Error {
	data := map[string]any{"Message": str("message"), "Channel": str("channel"), "Locale": str("locale"),
		"Provider": str("provider"), "Key": str("key"), "Delivered": num("delivered"), "Error": str("error")}
	switch {
	case typ == journal.TypeSendIntent:
		return lang.Errorf("events.sending", data)
	case str("error") != "":
		return lang.Errorf("events.send-failed", data)
	}
	return lang.Errorf("events.send-outcome", data)
}

// deliveryColumns name the deliveries table's columns (deliveries.col.NAME).
var deliveryColumns = []string{"channel", "locale", "sent-at", "sent-by", "approved-by", "provider", "provider-id", "reached", "failed", "unknown", "status"}

// writeDeliveriesMD is the Markdown section of the deliveries.
func writeDeliveriesMD(b *strings.Builder, r *Report, l *lang.Localizer) {
	if len(r.Deliveries) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", l.T("deliveries.heading", nil))
	var cols []string
	for _, c := range deliveryColumns {
		cols = append(cols, "deliveries.col."+c)
	}
	header(b, l, cols...)
	for _, d := range r.Deliveries {
		at := "-"
		if d.SentAt != nil {
			at = r.Local(*d.SentAt)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %s |\n", cell(d.ChannelName), d.Locale, at, cell(orDash(d.By)),
			cell(orDash(d.ApprovedBy)), d.Provider, cell(orDash(strings.Join(d.ProviderIDs, ", "))), d.Reached, d.Failed, d.Unknown, cell(d.Say(l)))
	}
	b.WriteString("\n")
	if u := r.Unknowns(l); len(u) > 0 {
		b.WriteString(l.T("deliveries.unknown-heading", nil) + "\n\n")
		list(b, u, "")
		b.WriteString("\n")
	}
}
