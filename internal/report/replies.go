package report

import (
	"encoding/json"
	"fmt"
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
	fmt.Fprintf(b, "## %s\n\n| %s |\n| --- | --- | --- | --- | --- | --- |\n", l.T("replies.report.heading", nil), l.T("replies.report.columns", nil))
	for _, c := range r.Replies {
		fmt.Fprintf(b, "| %s | `%s` | %d | %d | %s | %s |\n", c.Reply, c.Message, c.Drafted, c.TooLong, c.ChannelList(), c.LocaleList())
	}
	b.WriteString("\n")
}

// ChannelList and LocaleList are the channels and locales, comma-separated.
func (c ReplyCount) ChannelList() string { return strings.Join(c.Channels, ", ") }
func (c ReplyCount) LocaleList() string  { return strings.Join(c.Locales, ", ") }

// Columns are a table's headings, written in one message separated by " | ".
func (p htmlPage) Columns(id string) []string { return strings.Split(p.T(id), " | ") }
