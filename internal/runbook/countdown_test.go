package runbook

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
)

// The prompt counts down past an hour in hours and minutes, the way a
// comms lead reads it at a glance ("in 9h57m", not "in 597m"), early and
// late, in every language.
func TestCountdownPastAnHour(t *testing.T) {
	s, clock := start(t)
	for _, tt := range []struct {
		tag  language.Tag
		at   time.Duration // from the clock's time before the prompt reads it
		want string
	}{
		// The clock ticks a second as the prompt reads it: 9h56m59s left
		// is rounded up, 9h57m1s late down.
		{language.English, 9*time.Hour + 57*time.Minute, "in 9h57m"},
		{language.English, -(9*time.Hour + 57*time.Minute), "late 9h57m"},
		{language.English, 61 * time.Minute, "in 1h01m"},
		{language.English, 59 * time.Minute, "in 59m"},
		{language.English, 2 * time.Hour, "in 2h"},
		{language.Polish, -(9*time.Hour + 57*time.Minute), "zwłoka 9h57m"},
		{language.Spanish, 90 * time.Minute, "en 1h30m"},
	} {
		f := &Flow{S: s, L: lang.For(tt.tag)}
		got := f.countdown("run.prompt.due", clock.t.Add(tt.at))
		if !strings.HasSuffix(got, " "+tt.want) {
			t.Errorf("%v, due %v from now: the prompt reads %q, want it to end in %q", tt.tag, tt.at, got, tt.want)
		}
	}
}
