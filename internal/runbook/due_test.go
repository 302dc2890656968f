package runbook

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/render"
)

// names are the cadences of a round, or of its later ones.
func names(ds []CadenceDue) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Name())
	}
	return out
}

// u offers the cadences due now, one at a time: the customers' every 20
// minutes for two hours counted from the holding message (sent at 02:35,
// the run started at 02:00), then hourly; the staff's hourly. Each text
// promises its own cadence's next time.
func TestUpdatesWhenDue(t *testing.T) {
	s, clock, _ := startCadences(t, t.TempDir())
	day := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
	clock.t = day(2, 35)
	d := drive(t, s)
	d.must("x all", "d")

	// Before anything is due: the next one, ahead of its time, saying when.
	clock.t = day(2, 45)
	d.must("u")
	b := d.f.batch
	if got := names(b.Due); !slices.Equal(got, []string{"customers"}) || b.Due[0].At.Format("15:04") != "02:55" {
		t.Fatalf("at 02:45 u offers %v due %v; want customers, due 02:55", got, b.Due)
	}
	if got := names(b.Later); !slices.Equal(got, []string{"staff"}) || b.Later[0].At.Format("15:04") != "03:35" {
		t.Errorf("at 02:45 later %v %v; want staff at 03:35", got, b.Later)
	}

	for i, tt := range []struct {
		at            time.Time
		cadences      []string
		customersNext string // what the status page's update promises ("en" writes 3:15 AM)
		staffNext     string // what the staff SMS promises, when the staff are due
	}{
		{day(2, 55), []string{"customers"}, "3:15 AM", ""},
		{day(3, 15), []string{"customers"}, "3:35 AM", ""},
		{day(3, 35), []string{"customers", "staff"}, "3:55 AM", "4:35 AM"},
		{day(3, 55), []string{"customers"}, "4:15 AM", ""},
		{day(4, 15), []string{"customers"}, "4:35 AM", ""},
		{day(4, 35), []string{"customers", "staff"}, "5:35 AM", "5:35 AM"}, // two hours after 02:35: hourly
		{day(5, 35), []string{"customers", "staff"}, "6:35 AM", "6:35 AM"},
	} {
		clock.t = tt.at
		due, ok := s.NextUpdateDue()
		if !ok || due.Format("15:04") != tt.at.Format("15:04") {
			t.Fatalf("before %s the next update is due %v (%v)", tt.at.Format("15:04"), due, ok)
		}
		d.must(fmt.Sprintf("u What is new, %d.", i))
		b := d.f.batch
		if got := names(b.Due); !slices.Equal(got, tt.cadences) {
			t.Fatalf("at %s u offers %v; want %v", tt.at.Format("15:04"), got, tt.cadences)
		}
		if got, want := text(t, b, "status"), fmt.Sprintf("What is new, %d. Next update at %s.", i, tt.customersNext); got != want {
			t.Errorf("at %s the customers read %q, want %q", tt.at.Format("15:04"), got, want)
		}
		if tt.staffNext == "" {
			if slices.ContainsFunc(b.Items, func(a render.Announcement) bool { return a.Channel == "sms-staff" }) {
				t.Errorf("at %s the staff's update is offered before it is due", tt.at.Format("15:04"))
			}
		} else if got, want := text(t, b, "sms-staff"), fmt.Sprintf("What is new, %d. Next brief at %s.", i, tt.staffNext); got != want {
			t.Errorf("at %s the staff read %q, want %q", tt.at.Format("15:04"), got, want)
		}
		d.must("x all")
	}
}

// on_change: a change of state makes the customers' cadence due at once,
// and u offers it alone; the staff's, without on_change, waits its hour.
func TestChangeOffersOnChangeCadence(t *testing.T) {
	s, clock, _ := startCadences(t, t.TempDir())
	d := drive(t, s)
	d.must("x all", "d")
	clock.t = clock.t.Add(7 * time.Minute)
	d.must("state identified", "u")
	b := d.f.batch
	if got := names(b.Due); !slices.Equal(got, []string{"customers"}) || !b.Due[0].Change {
		t.Fatalf("after a change u offers %+v; want the customers' cadence, due for the change", b.Due)
	}
	if got := names(b.Later); !slices.Equal(got, []string{"staff"}) {
		t.Errorf("later %v; want staff", got)
	}
}
