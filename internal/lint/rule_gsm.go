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
	register(Meta{ID: "CR502", Severity: diag.Warning, Scope: ScopeManual}, checkGSM)
}

// checkGSM looks at every text that goes out by SMS: sms variants, and the
// generic variant of messages sent to an SMS channel in locales without an
// sms variant.
func checkGSM(c *Context) {
	f := c.facts
	for _, t := range c.Manual.Templates {
		// A regional catalogue's generic text goes out by SMS only where
		// neither it nor its base has an sms text (message.Catalog).
		base := c.Manual.RegionalBase(t.Locale)
		for _, msg := range t.Messages {
			name, variant, _ := manual.SplitID(msg.ID)
			sms := variant == "sms" ||
				variant == manual.GenericVariant && f.sms[name] && f.lookup(t.Locale, name+".sms") == nil &&
					(base == "" || f.lookup(base, name+".sms") == nil)
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
			// An invisible character is named by its code point alone;
			// one with no alternative is deleted.
			message, hint := "lint.CR502", "lint.CR502.hint"
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				message = "lint.CR502.invisible"
			}
			if alt == "" {
				hint = "lint.CR502.delete.hint"
			}
			c.Report(pos, message, hint, args{"Char": fmt.Sprintf("%q", string(r)), "Code": fmt.Sprintf("%04X", r),
				"Message": msg.ID, "Alt": fmt.Sprintf("%q", alt)})
		}
	}
}
