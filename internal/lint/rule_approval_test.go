package lint

import (
	"testing"
	"time"
)

// An approval date is in the future only once no time zone has reached it:
// a manual approved in Warsaw (UTC+1) at 00:30 on 27 November is linted in
// UTC at 23:30 on the 26th.
func TestApprovalDateBegunSomewhere(t *testing.T) {
	now := time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		date   string
		future bool
	}{
		{"2026-11-26", false},
		{"2026-11-27", false}, // already the 27th from UTC+1 to UTC+14
		{"2026-11-28", true},  // the 28th begins at 10:00 UTC on the 27th, in Kiribati
	} {
		d, _ := time.Parse(time.DateOnly, c.date)
		if got := notBegunAnywhere(d, now); got != c.future {
			t.Errorf("%s at %s: future %v, want %v", c.date, now, got, c.future)
		}
	}
	// The boundary: the 28th begins in UTC+14 at 10:00 UTC on the 27th.
	d, _ := time.Parse(time.DateOnly, "2026-11-28")
	if notBegunAnywhere(d, time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)) {
		t.Error("the 28th has begun in UTC+14 at 10:00 UTC on the 27th")
	}
	if !notBegunAnywhere(d, time.Date(2026, 11, 27, 9, 59, 0, 0, time.UTC)) {
		t.Error("the 28th has not begun anywhere at 09:59 UTC on the 27th")
	}
}
