package render

import (
	"fmt"

	"github.com/crisis-cli/crisis/internal/channel"
	"github.com/crisis-cli/crisis/internal/manual"
)

// Profile is the measuring profile of a manual channel: its kind's profile
// with the manual's overrides applied.
func Profile(c *manual.Channel) (channel.Profile, error) {
	p, ok := channel.Lookup(c.Kind)
	if !ok {
		return p, fmt.Errorf("channel %q: unknown kind %q", c.ID, c.Kind)
	}
	if c.Limit > 0 {
		p = p.WithLimit(c.Limit)
	}
	if c.Hashtags > 0 {
		p = p.WithHashtagCap(c.Hashtags)
	}
	return p, nil
}

// subjectProfile measures e-mail subjects.
var subjectProfile, _ = channel.Lookup("email-subject")
