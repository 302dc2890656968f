package ui

import (
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/render"
	"github.com/crisis-cli/crisis/internal/sanitize"
)

// AnnouncementCard shows one announcement ready to paste: where it goes, in
// which language, for whom, the text itself, and whether it fits. The text
// is neither boxed nor wrapped: what a person selects on screen is exactly
// what was measured (the terminal soft-wraps long lines). status, when not
// empty, says whether it was sent.
func AnnouncementCard(th *Theme, a render.Announcement, status string) string {
	b := &strings.Builder{}
	marker := "---"
	if th.Color {
		marker = th.Accent.Render("▌")
	}
	fmt.Fprintf(b, "%s %s  %s  %s  %s", marker, th.Title.Render(channelHeading(a)), th.Muted.Render(a.Kind), th.Accent.Render(localeLabel(a)),
		th.Muted.Render("to "+a.Audience+" · "+a.Step+"/"+a.Message))
	if len(a.Markets) > 0 {
		fmt.Fprintf(b, "  %s", th.Muted.Render("· markets "+strings.Join(a.Markets, ", ")))
	}
	if status != "" {
		fmt.Fprintf(b, "  %s", status)
	}
	b.WriteString("\n")
	if a.Subject != "" {
		fmt.Fprintf(b, "%s %s\n", th.Bold.Render("Subject:"), a.Subject)
	}
	if a.Header != "" {
		fmt.Fprintf(b, "%s %s\n", th.Bold.Render("Header:"), a.Header)
	}
	b.WriteString(strings.TrimRight(a.Text, "\n") + "\n")
	if a.Footer != "" {
		fmt.Fprintf(b, "%s %s\n", th.Bold.Render("Footer:"), a.Footer)
	}
	b.WriteString(MeasureLine(th, a.Measurement))
	for _, p := range a.Problems {
		fmt.Fprintf(b, "\n%s %s", th.Warn.Render("!"), p)
	}
	return th.Clean(b.String() + "\n")
}

// AnnouncementFile names the file an announcement is written to.
func AnnouncementFile(a render.Announcement) string {
	return fmt.Sprintf("%s.%s.%s.%s.%s.txt", a.Playbook, a.Step, a.Message, a.Channel, a.Locale)
}

// AnnouncementPlain is the ready-to-paste content of an announcement file.
func AnnouncementPlain(a render.Announcement) string {
	return render.Plain(a)
}

// AnnouncementsMarkdown lists announcements as a Markdown document.
func AnnouncementsMarkdown(anns []render.Announcement) string {
	b := &strings.Builder{}
	for _, a := range anns {
		fit := "fits"
		if !a.Fits {
			fit = "**DOES NOT FIT**"
		}
		fmt.Fprintf(b, "## %s · %s · %s\n\n", channelHeading(a), localeLabel(a), a.Step)
		if len(a.Markets) > 0 {
			fmt.Fprintf(b, "Markets: %s.\n\n", strings.Join(a.Markets, ", "))
		}
		fmt.Fprintf(b, "To %s. Message `%s`, %d/%d %s, %s. File: `%s`\n\n", a.Audience, a.Message, a.Length, a.Limit, a.Unit, fit, AnnouncementFile(a))
		if a.Subject != "" {
			fmt.Fprintf(b, "**Subject:** %s\n\n", a.Subject)
		}
		fmt.Fprintf(b, "```text\n%s\n```\n\n", strings.TrimRight(a.Text, "\n"))
	}
	return sanitize.Text(b.String())
}

// channelHeading is the channel a text is headed with: its id, which
// --channel takes, and its name when the manual gives one.
func channelHeading(a render.Announcement) string {
	if a.ChannelName == "" || a.ChannelName == a.Channel {
		return a.Channel
	}
	return a.Channel + " (" + a.ChannelName + ")"
}

// localeLabel is the announcement's locale, with the regional catalogue
// its text came from when it is not the locale's own: "es (es-PE)".
func localeLabel(a render.Announcement) string {
	if a.Region != "" {
		return a.Locale + " (" + a.Region + ")"
	}
	return a.Locale
}
