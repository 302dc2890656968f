package channel

import (
	"sort"
	"strings"
)

// counter selects the measuring algorithm of a profile.
type counter int

const (
	algoChars counter = iota
	algoGraphemes
	algoUTF16Units
	algoBytes
	algoSMS
	algoX
	algoMastodon
	algoBluesky
	algoPush
	algoSubject
	algoInstagram
	algoVoice
	algoSlack
)

// Profile describes how one channel kind counts and what it allows.
//
// Limit is the main limit in the profile's Unit, with one exception: for SMS
// the real limit is SegmentLimit (a number of segments) and Limit shows the
// GSM-7 septets that fit in them; Measure reports the capacity in the
// encoding the text actually needs.
type Profile struct {
	Kind  string // the kind name as looked up
	Unit  Unit
	Limit int

	SegmentLimit   int // sms: maximum number of segments (default 3)
	ByteLimit      int // bluesky: UTF-8 byte cap besides the grapheme limit
	HashtagCap     int // instagram: maximum hashtags (default 30)
	URLWeight      int // x, mastodon: what each URL counts (23)
	HardLimit      int // email-subject: 998 (MUST); slack: 40000 (truncation)
	WordsPerMinute int // voice: speaking rate for the read-aloud estimate

	Description string // what the number is and why
	Source      string // where the number comes from

	counter counter
}

// aliases maps alternative names users type to a canonical kind.
var aliases = map[string]string{
	"phone":          "voice",
	"ivr":            "voice",
	"twitter":        "x",
	"whatsapp-body":  "whatsapp",
	"email-body":     "email",
	"slack-text":     "slack",
	"facebook-post":  "facebook",
	"telegram-text":  "telegram",
	"youtube-post":   "youtube",
	"instagram-post": "instagram",
}

// Lookup returns the profile of a channel kind, e.g. "sms" or "x". Names are
// case-insensitive and surrounding space is ignored; aliases such as "phone"
// (the voice script) resolve to their channel but keep the typed name in
// Kind, so measurements carry the name the user wrote.
func Lookup(kind string) (Profile, bool) {
	name := strings.ToLower(strings.TrimSpace(kind))
	canonical := name
	if a, ok := aliases[name]; ok {
		canonical = a
	}
	p, ok := profiles[canonical]
	if !ok {
		return Profile{}, false
	}
	p.Kind = name
	return p, true
}

// Kinds returns every accepted kind name, aliases included, sorted.
func Kinds() []string {
	out := make([]string, 0, len(profiles)+len(aliases))
	for k := range profiles {
		out = append(out, k)
	}
	for k := range aliases {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// WithLimit returns p with its main limit replaced, as a manual may do (a
// Mastodon server with 1000 characters, a banner with room for 80). For SMS,
// n is the maximum number of segments. Values n <= 0 leave p unchanged.
func (p Profile) WithLimit(n int) Profile {
	if n <= 0 {
		return p
	}
	if p.counter == algoSMS {
		p.SegmentLimit = n
		p.Limit = smsCapacity(false, n)
		return p
	}
	p.Limit = n
	return p
}

// WithHashtagCap returns p with a different hashtag cap (Instagram: 30
// historically, 5 announced in December 2025). Values n <= 0 leave p
// unchanged; other channels ignore the cap.
func (p Profile) WithHashtagCap(n int) Profile {
	if n > 0 {
		p.HashtagCap = n
	}
	return p
}
