package channel

import "testing"

func TestPublicBroadcast(t *testing.T) {
	for kind, want := range map[string]bool{
		"x": true, "twitter": true, "facebook-post": true, "instagram": true, "telegram": true, "telegram-text": true,
		"website-banner": true, "status-page": true, " Status-Page ": true,
		"sms": false, "email": false, "slack": false, "whatsapp": false, "voice": false, "push": false, "signal": false, "nope": false,
	} {
		if got := PublicBroadcast(kind); got != want {
			t.Errorf("PublicBroadcast(%q) = %v, want %v", kind, got, want)
		}
	}
}
