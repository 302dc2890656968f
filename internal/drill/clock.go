package drill

import (
	"sync"
	"time"
)

// Clock runs speed times faster than the wall clock from an anchor, so a
// two-hour playbook can be rehearsed in fifteen minutes (speed 8). The
// journal of a drill records drill time, so deadlines met or missed are
// judged on the same clock the trainee saw.
type Clock struct {
	mu      sync.Mutex
	wall    func() time.Time
	speed   float64
	anchorW time.Time // wall time at the anchor
	anchorV time.Time // drill time at the anchor
}

// NewClock starts a drill clock at the wall's now (or at virtual, when
// resuming a drill whose journal ends there).
func NewClock(wall func() time.Time, speed float64, virtual time.Time) *Clock {
	if speed <= 0 {
		speed = 1
	}
	now := wall()
	if virtual.IsZero() {
		virtual = now
	}
	return &Clock{wall: wall, speed: speed, anchorW: now, anchorV: virtual}
}

// Now is the drill's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	elapsed := c.wall().Sub(c.anchorW)
	return c.anchorV.Add(time.Duration(float64(elapsed) * c.speed))
}
