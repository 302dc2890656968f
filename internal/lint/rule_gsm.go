package lint

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
)

func init() {
	register(Meta{
		ID: "CR502", Title: "A character forces an SMS into UCS-2 although a GSM-7 alternative exists", Severity: diag.Warning, Scope: ScopeManual,
		Rationale: "One curly quote, ellipsis or en dash turns a whole SMS from GSM-7 (160 characters a segment) into UCS-2 (70): the message costs two or three times as much and may not fit. Word processors insert these characters silently; letters such as ó or ł are deliberate and are not reported.",
		Bad:       "holding:\n  sms:\n    other: \"We’re on it… call {{.support_phone}}\"\n",
		Good:      "holding:\n  sms:\n    other: \"We're on it... call {{.support_phone}}\"\n",
	}, checkGSM)
}

// checkGSM looks at every text that goes out by SMS: sms variants, and the
// generic variant of messages sent to an SMS channel in locales without an
// sms variant.
func checkGSM(c *Context) {
	f := c.facts
	for _, t := range c.Manual.Templates {
		for _, msg := range t.Messages {
			name, variant, _ := manual.SplitID(msg.ID)
			sms := variant == "sms" ||
				variant == manual.GenericVariant && f.sms[name] && f.lookup(t.Locale, name+".sms") == nil
			if sms {
				checkGSMForms(c, msg)
			}
		}
	}
}

func checkGSMForms(c *Context, msg *manual.Message) {
	for _, form := range manual.PluralForms {
		text, ok := msg.Forms[form]
		if !ok {
			continue
		}
		seen := map[rune]bool{}
		lines := strings.Count(text, "\n") + 2
		for _, r := range text {
			if seen[r] || channel.IsGSM(r) {
				continue
			}
			seen[r] = true
			alt, ok := channel.GSMAlternative(r)
			if !ok {
				continue
			}
			pos := c.sources.FindRune(msg.FormPos[form], r, lines)
			c.Report(pos, fmt.Sprintf("write %s instead; it is GSM-7", altName(alt)),
				"%s (U+%04X) in %s forces the whole SMS into UCS-2", runeName(r), r, msg.ID)
		}
	}
}

func runeName(r rune) string {
	if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
		return "an invisible or space character"
	}
	return fmt.Sprintf("%q", string(r))
}

func altName(alt string) string {
	if alt == "" {
		return "nothing (delete it)"
	}
	return fmt.Sprintf("%q", alt)
}
