package report

import (
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// A cadence's phases count from its first promise, as the run counts
// them: the run started at 09:30, the holding message went out at 10:05,
// so 11:45 is still in the first two hours (every 20m) and nothing going
// out until 12:30 is a late update; 12:30 to the all-clear at 13:30 is on
// time (hourly by then).
func TestUpdateGapsCountPhasesFromTheFirstPromise(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
	p := &manual.Playbook{Updates: []manual.Cadence{{ID: "customers", Channels: []manual.Ref{{ID: "status"}},
		Phases: []manual.Phase{{Every: 20 * time.Minute, For: 2 * time.Hour}, {Every: time.Hour}}}}}
	r := &Report{loc: time.UTC}
	for _, t := range []time.Time{at(10, 5), at(10, 25), at(10, 45), at(11, 5), at(11, 25), at(11, 45), at(12, 30)} {
		r.Sent = append(r.Sent, Sent{At: t, Channel: "status"})
	}
	st := runbook.NewState()
	st.StartedAt, st.AllClear = at(9, 30), at(13, 30)
	r.updates(p, st)
	if want := "no update between 2026-11-23 11:45:00 and 2026-11-23 12:30:00 (45m, cadence 20m)"; len(r.Deviations) != 1 || !strings.HasPrefix(r.Deviations[0], want) {
		t.Errorf("deviations %q, want one: %s", r.Deviations, want)
	}
}
