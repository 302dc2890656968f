package dispatch

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// What the hosted status pages (statuspage.go, incidentio.go) share: one
// incident per run, target and locale, opened by the first send and
// updated by the later ones through Announcement.Thread.

// incidentStates are the states of an incident on a status page, as both
// Statuspage and incident.io name them, and as the status site shows them.
var incidentStates = []string{"investigating", "identified", "monitoring", "resolved"}

// maxIncidentName is Statuspage's limit on an incident's name, the
// tighter of the two providers.
const maxIncidentName = 255

// pageState checks an announcement's State before any request: a typo must
// not become a refused request half way through a run's sends.
func pageState(api *httpAPI, a Announcement) (string, *Error) {
	s := strings.ToLower(strings.TrimSpace(a.State))
	if s == "" {
		return "", nil
	}
	for _, known := range incidentStates {
		if s == known {
			return s, nil
		}
	}
	return "", api.fail("post", 0, Refused, "state %q is not an incident state (%s)", a.State, strings.Join(incidentStates, ", "))
}

// incidentName is the name an incident is opened with: the announcement's
// Title, else the text's first line, cut to maxIncidentName characters.
func incidentName(a Announcement) string {
	name := strings.TrimSpace(a.Title)
	if name == "" {
		name, _, _ = strings.Cut(strings.TrimSpace(a.Text), "\n")
		name = strings.TrimSpace(name)
	}
	if utf8.RuneCountInString(name) > maxIncidentName {
		r := []rune(name)
		name = string(r[:maxIncidentName-1]) + "…"
	}
	return name
}

// hostedPage is what both hosted status pages hold: the API, the page's
// id, and whether the page's subscribers are told of each post.
type hostedPage struct {
	apiTarget
	page   string
	notify bool
}

// openHostedPage reads the page's id (option pageOption) and the notify
// option (default true, as both providers default), then the API base and
// the secret.
func openHostedPage(cfg Config, env Env, provider, public, pageOption, why string) (hostedPage, error) {
	o := newOptions(cfg)
	h := hostedPage{page: o.need(pageOption, why)}
	notify, err := strconv.ParseBool(o.get("notify", "true"))
	if err != nil {
		o.errs = append(o.errs, fmt.Sprintf("option notify must be true or false, not %q", o.get("notify", "")))
	}
	h.notify = notify
	at, err := openAPI(cfg, env, o, provider, public)
	h.apiTarget = at
	return h, err
}
