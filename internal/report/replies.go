package report

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// ReplyCount is how often one reply of the manual's library was drafted
// during the run (the reply command), and on which channels and locales.
type ReplyCount struct {
	Reply    string   `json:"reply"`
	Message  string   `json:"message"`
	Drafted  int      `json:"drafted"`
	TooLong  int      `json:"too_long"` // drafts that did not fit their channel
	Channels []string `json:"channels"` // channel ids, as first drafted on
	Locales  []string `json:"locales"`
	// Markets counts the drafts written for each market (format 1.1).
	Markets map[string]int `json:"markets,omitempty"`
}

// replies fills r.Replies from the journal's reply.drafted events, in the
// order each reply was first drafted.
func (r *Report) replies(events []journal.Event) {
	for _, e := range events {
		var d runbook.ReplyDrafted
		if e.Type != journal.TypeReplyDrafted || json.Unmarshal(e.Data, &d) != nil {
			continue
		}
		i := slices.IndexFunc(r.Replies, func(c ReplyCount) bool { return c.Reply == d.Reply })
		if i < 0 {
			r.Replies = append(r.Replies, ReplyCount{Reply: d.Reply, Message: d.Message, Channels: []string{}, Locales: []string{}})
			i = len(r.Replies) - 1
		}
		c := &r.Replies[i]
		c.Drafted++
		if !d.Fits {
			c.TooLong++
		}
		if !slices.Contains(c.Channels, d.Channel) {
			c.Channels = append(c.Channels, d.Channel)
		}
		if !slices.Contains(c.Locales, d.Locale) {
			c.Locales = append(c.Locales, d.Locale)
		}
		if d.Market != "" {
			if c.Markets == nil {
				c.Markets = map[string]int{}
			}
			c.Markets[d.Market]++
		}
	}
}

// writeRepliesMD is the Markdown section of the replies drafted, when any.
func writeRepliesMD(b *strings.Builder, r *Report, l *lang.Localizer) {
	if len(r.Replies) == 0 {
		return
	}
	columns, rule := l.T("replies.report.columns", nil), "| --- | --- | --- | --- | --- | --- |"
	if r.RepliesByMarket() {
		columns, rule = columns+" | "+l.T("replies.report.markets", nil), rule+" --- |"
	}
	fmt.Fprintf(b, "## %s\n\n| %s |\n%s\n", l.T("replies.report.heading", nil), columns, rule)
	for _, c := range r.Replies {
		fmt.Fprintf(b, "| %s | `%s` | %d | %d | %s | %s |", c.Reply, c.Message, c.Drafted, c.TooLong, c.ChannelList(), c.LocaleList())
		if r.RepliesByMarket() {
			fmt.Fprintf(b, " %s |", c.MarketList())
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// ChannelList and LocaleList are the channels and locales, comma-separated.
func (c ReplyCount) ChannelList() string { return strings.Join(c.Channels, ", ") }
func (c ReplyCount) LocaleList() string  { return strings.Join(c.Locales, ", ") }

// RepliesByMarket reports whether any reply was written for a market
// (format 1.1): only then do the Markdown and HTML tables count the drafts
// per market, so a 1.0 manual's report keeps its six columns.
func (r *Report) RepliesByMarket() bool {
	return slices.ContainsFunc(r.Replies, func(c ReplyCount) bool { return len(c.Markets) > 0 })
}

// MarketList is the drafts per market, by market id: "es-es 1, es-pe 2".
func (c ReplyCount) MarketList() string {
	ids := slices.Sorted(maps.Keys(c.Markets))
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s %d", id, c.Markets[id])
	}
	return strings.Join(parts, ", ")
}

// Columns are a table's headings, written in one message separated by " | ".
func (p htmlPage) Columns(id string) []string { return strings.Split(p.T(id), " | ") }
