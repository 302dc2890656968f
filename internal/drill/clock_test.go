package drill_test

import (
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
)

// wall is a wall clock the test moves by hand.
type wall struct{ t time.Time }

func newWall(t time.Time) *wall         { return &wall{t: t} }
func (w *wall) now() time.Time          { return w.t }
func (w *wall) advance(d time.Duration) { w.t = w.t.Add(d) }

func at(h, m int) time.Time           { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
func minutes(n float64) time.Duration { return time.Duration(n * float64(time.Minute)) }

func TestClock(t *testing.T) {
	tests := []struct {
		name    string
		speed   float64
		virtual time.Time     // resume anchor; zero for a new drill
		elapsed time.Duration // wall time passed
		want    time.Time
	}{
		{"new drill starts at the wall's now", 8, time.Time{}, 0, at(2, 0)},
		{"speed 8: a wall minute is eight drill minutes", 8, time.Time{}, time.Minute, at(2, 8)},
		{"speed 8: fifteen wall minutes rehearse two hours", 8, time.Time{}, 15 * time.Minute, at(4, 0)},
		{"speed 8 in seconds", 8, time.Time{}, 30 * time.Second, at(2, 4)},
		{"speed 1 is the wall clock", 1, time.Time{}, 7 * time.Minute, at(2, 7)},
		{"speed 0 means 1", 0, time.Time{}, 7 * time.Minute, at(2, 7)},
		{"negative speed means 1", -3, time.Time{}, 7 * time.Minute, at(2, 7)},
		{"fractional speed", 0.5, time.Time{}, 10 * time.Minute, at(2, 5)},
		{"resume continues from the journal's last event", 8, at(1, 30), 0, at(1, 30)},
		{"resume then runs at speed from there", 8, at(1, 30), 2 * time.Minute, at(1, 46)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWall(at(2, 0))
			c := drill.NewClock(w.now, tt.speed, tt.virtual)
			w.advance(tt.elapsed)
			if got := c.Now(); !got.Equal(tt.want) {
				t.Errorf("Now() = %s, want %s", got.Format(time.TimeOnly), tt.want.Format(time.TimeOnly))
			}
		})
	}
}

// TestClockIsMonotonic: drill time never goes back while the wall moves on.
func TestClockIsMonotonic(t *testing.T) {
	w := newWall(at(2, 0))
	c := drill.NewClock(w.now, 8, time.Time{})
	prev := c.Now()
	for i := 0; i < 100; i++ {
		w.advance(minutes(0.37))
		now := c.Now()
		if now.Before(prev) {
			t.Fatalf("step %d: %s before %s", i, now, prev)
		}
		if got, want := now.Sub(prev), 8*minutes(0.37); got < want-time.Millisecond || got > want+time.Millisecond {
			t.Fatalf("step %d: drill advanced %s, want %s", i, got, want)
		}
		prev = now
	}
}
