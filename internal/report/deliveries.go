package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crisis-cli/crisis/internal/journal"
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
	Status      string     `json:"status"`
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
			d.Status = "outcome unknown: check before resending"
		case d.SentAt != nil && d.Unknown > 0:
			d.Status = "sent; some outcomes unknown"
		case d.SentAt != nil:
			d.Status = "sent"
		case s.InDoubt():
			d.Status = "interrupted; outcome unknown for the batches in flight"
		default:
			d.Status = "not sent: " + d.Error
		}
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

// Unknowns lists every delivery with an outcome nobody knows, for people.
func (r *Report) Unknowns() []string {
	var out []string
	for _, d := range r.Deliveries {
		if d.Unknown > 0 {
			where := d.Where
			if where == "" {
				where = "where " + d.Provider + " posts"
			}
			out = append(out, fmt.Sprintf("%s (%s), message %s via %s: %d outcome(s) unknown; check %s before resending",
				d.ChannelName, d.Locale, d.Message, d.Provider, d.Unknown, where))
		}
	}
	return out
}

// describeSend is the timeline's line for a send event.
func describeSend(typ string, str func(string) string, num func(string) int) string {
	switch typ {
	case journal.TypeSendIntent:
		return fmt.Sprintf("sending %s on %s (%s) via %s", str("message"), str("channel"), str("locale"), str("provider"))
	case journal.TypeSendOutcome:
		if e := str("error"); e != "" {
			return fmt.Sprintf("send %s: %d delivered, error: %s", str("key"), num("delivered"), e)
		}
		return fmt.Sprintf("send %s: %d delivered", str("key"), num("delivered"))
	}
	return strings.ReplaceAll(typ, ".", " ")
}

// writeDeliveriesMD is the Markdown section of the deliveries.
func writeDeliveriesMD(b *strings.Builder, r *Report) {
	if len(r.Deliveries) == 0 {
		return
	}
	b.WriteString("## Deliveries\n\n| channel | locale | sent at | sent by | approved by | provider | provider id | reached | failed | unknown | status |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, d := range r.Deliveries {
		at := "-"
		if d.SentAt != nil {
			at = r.Local(*d.SentAt)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %s |\n", cell(d.ChannelName), d.Locale, at, cell(orDash(d.By)),
			cell(orDash(d.ApprovedBy)), d.Provider, cell(orDash(strings.Join(d.ProviderIDs, ", "))), d.Reached, d.Failed, d.Unknown, cell(d.Status))
	}
	b.WriteString("\n")
	if u := r.Unknowns(); len(u) > 0 {
		b.WriteString("Unknown outcomes:\n\n")
		list(b, u, "")
		b.WriteString("\n")
	}
}
