package scaffold

import (
	"slices"
	"strings"
)

// audienceIDs are the audiences a new manual may have, in file order.
var audienceIDs = []string{"customers", "staff", "suppliers", "press"}

// DefaultAudiences are the audiences of a manual when none are chosen:
// customers, and staff unless the organisation is small.
func DefaultAudiences(small bool) []string {
	if small {
		return []string{"customers"}
	}
	return []string{"customers", "staff"}
}

// AudienceIDs lists the audiences init offers.
func AudienceIDs() []string { return slices.Clone(audienceIDs) }

// channelDef is a channel init offers: its id in the manual, its kind, the
// failure domain it fails with, and the audiences it can reach (narrowed
// to the audiences chosen).
type channelDef struct {
	id, kind, domain string
	serves           []string
}

// channels are the channels init offers, public ones first. Ids are what a
// person types in --channels and what the manual calls them.
var channels = []channelDef{
	{"whatsapp", "whatsapp", "meta", []string{"customers", "suppliers"}},
	{"instagram", "instagram", "meta", []string{"customers"}},
	{"facebook", "facebook", "meta", []string{"customers", "press"}},
	{"x", "x", "x-corp", []string{"customers", "press"}},
	{"telegram", "telegram", "telegram", []string{"customers"}},
	{"email", "email", "email", []string{"customers", "suppliers", "press"}},
	{"sms", "sms", "telecom", []string{"customers"}},
	{"phone", "phone", "telecom", []string{"customers", "suppliers", "press"}},
	{"website", "website-banner", "hosting", []string{"customers", "suppliers", "press"}},
	{"status-page", "status-page", "statuspage", []string{"customers", "suppliers", "press"}},
	{"staff-chat", "slack", "slack", []string{"staff"}},
	{"staff-sms", "sms", "telecom", []string{"staff"}},
	{"staff-email", "email", "email", []string{"staff"}},
}

// ChannelIDs lists the channels init offers.
func ChannelIDs() []string {
	out := make([]string, len(channels))
	for i, c := range channels {
		out[i] = c.id
	}
	return out
}

func channelByID(id string) *channelDef {
	i := slices.IndexFunc(channels, func(c channelDef) bool { return c.id == id })
	if i < 0 {
		return nil
	}
	return &channels[i]
}

// scenario is a playbook init writes when the organisation has channels of
// the kinds it is about.
type scenario struct {
	id, severity string
	kinds        []string // the channel kinds that fail
	// whole: the failure takes down the kinds' whole failure domains
	// (down.domains), not just the channels (down.channels).
	whole bool
	// min is how many of kinds the organisation must have (default 1).
	min int
}

// scenarios are in the order of the playbooks' files. A WhatsApp-first shop
// with Instagram gets whatsapp-down, instagram-down and meta-outage: Meta's
// services fail one at a time, and sometimes all together.
var scenarios = []scenario{
	{id: "whatsapp-down", severity: "high", kinds: []string{"whatsapp"}},
	{id: "instagram-down", severity: "medium", kinds: []string{"instagram"}},
	{id: "facebook-down", severity: "medium", kinds: []string{"facebook"}},
	{id: "meta-outage", severity: "critical", kinds: []string{"whatsapp", "instagram", "facebook"}, whole: true, min: 2},
	{id: "x-down", severity: "medium", kinds: []string{"x"}},
	{id: "email-down", severity: "high", kinds: []string{"email"}, whole: true},
	{id: "website-down", severity: "high", kinds: []string{"website-banner"}, whole: true},
}

func scenarioByID(id string) *scenario {
	i := slices.IndexFunc(scenarios, func(s scenario) bool { return s.id == id })
	if i < 0 {
		return nil
	}
	return &scenarios[i]
}

// ScenarioIDs lists the playbooks init can write.
func ScenarioIDs() []string {
	out := make([]string, len(scenarios))
	for i, s := range scenarios {
		out[i] = s.id
	}
	return out
}

// isStaff reports whether an audience is the organisation's own people.
func isStaff(audience string) bool { return strings.EqualFold(audience, "staff") }
