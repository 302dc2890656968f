package ui

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/plan"
)

// show names each cadence with its phases, in the interface language; a
// single 1.0 cadence reads as it always has.
func TestWriteUpdates(t *testing.T) {
	ups := []plan.Updates{
		{ID: "customers", Every: "20m", Phases: []plan.Phase{{Every: "20m", For: "2h"}, {Every: "60m"}}, OnChange: true, Message: "update", Channels: []string{"x", "status-page"}},
		{ID: "staff", Every: "60m", Message: "staff-update", Channels: []string{"slack-staff"}},
	}
	for _, tt := range []struct {
		tag  language.Tag
		want []string
	}{
		{language.English, []string{
			"UPDATES customers: every 20m for 2h, then every 60m: update on x, status-page; also when the state or what is new changes",
			"  staff: every 60m: staff-update on slack-staff"}},
		{language.Spanish, []string{"customers: cada 20m durante 2h, luego cada 60m: update en x, status-page; y también cuando cambia el estado o lo nuevo"}},
		{language.Polish, []string{"customers: co 20m przez 2h, potem co 60m: update w kanałach x, status-page"}},
		{language.Portuguese, []string{"customers: a cada 20m durante 2h, depois a cada 60m: update em x, status-page"}},
	} {
		var b strings.Builder
		writeUpdates(&b, plainTheme(), lang.For(tt.tag), ups)
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: no %q in\n%s", tt.tag, w, b.String())
			}
		}
	}
	var b strings.Builder
	writeUpdates(&b, plainTheme(), lang.For(language.English), []plan.Updates{{Every: "30m", Message: "update", Channels: []string{"sms"}}})
	if got, want := b.String(), "\nUPDATES every 30m: update on sms\n"; got != want {
		t.Errorf("one 1.0 cadence: %q, want %q", got, want)
	}
}
