package ui

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/plan"
)

// At 80 columns the example manual's six fallbacks for customers need
// two rows. The break falls between two channels, never between a rank
// and its channel (the old wrap ended the first row with "5.") nor
// before a channel's mark.
func TestFallbacksBreakBetweenChannels(t *testing.T) {
	for _, tc := range []struct {
		down bool // x is down
		want string
	}{
		{false, "  customers: 1. x  2. status-page  3. email-customers  4. website-banner\n" +
			"    5. telegram-channel  6. phone-line\n"},
		{true, "  customers: 1. x (CAÍDO)  2. status-page  3. email-customers\n" +
			"    4. website-banner  5. telegram-channel  6. phone-line\n"},
	} {
		var chans []plan.Channel
		for _, id := range []string{"x", "status-page", "email-customers", "website-banner", "telegram-channel", "phone-line"} {
			chans = append(chans, plan.Channel{ID: id, Up: !(tc.down && id == "x")})
		}
		pl := plan.Plan{Title: "Facebook caído", ID: "facebook-down", Fallbacks: []plan.Fallback{{Audience: "customers", Channels: chans}}}
		var b strings.Builder
		if err := WritePlan(&b, plainTheme(), lang.For(language.Spanish), pl, 80); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("fallbacks wrapped as\n%s\nwant\n%s", b.String(), tc.want)
		}
	}
}
