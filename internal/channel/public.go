package channel

import "strings"

// publicKinds are the kinds whose every post anyone can read: a public
// account, page or feed, never a list of people chosen by the sender.
var publicKinds = map[string]bool{
	"x": true, "facebook": true, "instagram": true, "telegram": true, "website-banner": true, "status-page": true,
	"mastodon": true, "bluesky": true, "website": true, "youtube": true, "tiktok": true, "linkedin": true,
	"pinterest": true, "snapchat": true, "twitch": true,
}

// PublicBroadcast reports whether a channel of this kind publishes to
// anyone (a post on X, a status page) rather than to chosen recipients (an
// SMS list, an e-mail, a staff chat). Aliases count as their kind.
func PublicBroadcast(kind string) bool {
	return publicKinds[Canonical(kind)]
}

// Canonical is the kind an alias stands for ("twitter" is "x"), or the
// kind itself, lowercased.
func Canonical(kind string) string {
	name := strings.ToLower(strings.TrimSpace(kind))
	if a, ok := aliases[name]; ok {
		return a
	}
	return name
}
