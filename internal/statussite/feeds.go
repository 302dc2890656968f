package statussite

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"time"
)

// entry is one update as every feed format carries it.
type entry struct {
	id, title, link, lang, body string
	at                          time.Time
}

// entries lists a locale's updates, newest first.
func (s *site) entries(locale string) []entry {
	t, _ := textsFor(locale)
	fallback := s.fallback(locale)
	var out []entry
	for _, inc := range s.Incidents {
		for _, u := range inc.Updates {
			txt := u.In(locale, fallback)
			title := t[u.State] + ": " + inc.TitleIn(locale)
			if s.Drill {
				title = s.Manual.DrillMarkFor(locale, "status-page", "") + " " + title
			}
			out = append(out, entry{id: u.ID, title: title, lang: txt.Lang, body: txt.Body, at: u.At,
				link: fmt.Sprintf("%s%s/#u-%s-%d", s.base, locale, inc.RunID, u.Seq)})
		}
	}
	slices.SortStableFunc(out, func(a, b entry) int { return b.at.Compare(a.at) })
	return out
}

func (s *site) feedTitle(locale string) string {
	t, _ := textsFor(locale)
	title := s.Manual.Organisation + ": " + t["title"]
	if s.Drill {
		title = s.Manual.DrillMarkFor(locale, "status-page", "") + " " + title
	}
	return title
}

// updated is the newest update's time, so an unchanged feed stays byte for
// byte the same between builds; the build time when there is none.
func (s *site) updated(es []entry) time.Time {
	if len(es) > 0 {
		return es[0].at
	}
	return s.Now
}

func (s *site) feeds(locale string) error {
	es := s.entries(locale)
	dir := locale + "/"
	var err error
	if s.files[dir+"feed.atom"], err = s.atom(locale, es); err != nil {
		return err
	}
	if s.files[dir+"feed.rss"], err = s.rss(locale, es); err != nil {
		return err
	}
	s.files[dir+"feed.json"], err = s.jsonFeed(locale, es)
	return err
}

type atomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Lang string `xml:"xml:lang,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID        string   `xml:"id"`
	Title     atomText `xml:"title"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Link      atomLink `xml:"link"`
	Content   atomText `xml:"content"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   atomText    `xml:"title"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// atom writes an RFC 4287 feed.
func (s *site) atom(locale string, es []entry) ([]byte, error) {
	self := s.base + locale + "/feed.atom"
	f := atomFeed{Lang: locale, ID: self, Title: atomText{Type: "text", Text: s.feedTitle(locale)},
		Updated: s.updated(es).UTC().Format(time.RFC3339), Author: s.Manual.Organisation,
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Hreflang: locale, Href: s.base + locale + "/"}}}
	for _, e := range es {
		at := e.at.UTC().Format(time.RFC3339)
		f.Entries = append(f.Entries, atomEntry{ID: e.id, Title: atomText{Type: "text", Text: e.title}, Updated: at,
			Published: at, Link: atomLink{Rel: "alternate", Type: "text/html", Href: e.link},
			Content: atomText{Type: "text", Lang: e.lang, Text: e.body}})
	}
	return marshalXML(f)
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	ID          string `xml:",chardata"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	Description string  `xml:"description"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
}

type rssFeed struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	AtomNS  string   `xml:"xmlns:atom,attr"`
	Channel struct {
		Title         string    `xml:"title"`
		Link          string    `xml:"link"`
		Description   string    `xml:"description"`
		Language      string    `xml:"language"`
		LastBuildDate string    `xml:"lastBuildDate"`
		Self          atomLink  `xml:"atom:link"`
		Items         []rssItem `xml:"item"`
	} `xml:"channel"`
}

// rss writes an RSS 2.0 feed; the guid is the same id as Atom's, not a
// permalink, so a reader that follows both never doubles an update.
func (s *site) rss(locale string, es []entry) ([]byte, error) {
	t, _ := textsFor(locale)
	f := rssFeed{Version: "2.0", AtomNS: "http://www.w3.org/2005/Atom"}
	c := &f.Channel
	c.Title, c.Link, c.Description, c.Language = s.feedTitle(locale), s.base+locale+"/", t["subscribe"], locale
	c.LastBuildDate = s.updated(es).UTC().Format(time.RFC1123Z)
	c.Self = atomLink{Rel: "self", Type: "application/rss+xml", Href: s.base + locale + "/feed.rss"}
	for _, e := range es {
		c.Items = append(c.Items, rssItem{Title: e.title, Link: e.link, Description: e.body,
			GUID: rssGUID{IsPermaLink: "false", ID: e.id}, PubDate: e.at.UTC().Format(time.RFC1123Z)})
	}
	return marshalXML(f)
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

type jsonFeedItem struct {
	ID            string `json:"id"`
	URL           string `json:"url"`
	Title         string `json:"title"`
	ContentText   string `json:"content_text"`
	DatePublished string `json:"date_published"`
	Language      string `json:"language"`
}

type jsonFeed struct {
	Version     string           `json:"version"`
	Title       string           `json:"title"`
	HomePageURL string           `json:"home_page_url"`
	FeedURL     string           `json:"feed_url"`
	Language    string           `json:"language"`
	Authors     []map[string]any `json:"authors"`
	Items       []jsonFeedItem   `json:"items"`
}

// jsonFeed writes a JSON Feed 1.1.
func (s *site) jsonFeed(locale string, es []entry) ([]byte, error) {
	f := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: s.feedTitle(locale),
		HomePageURL: s.base + locale + "/", FeedURL: s.base + locale + "/feed.json", Language: locale,
		Authors: []map[string]any{{"name": s.Manual.Organisation}}, Items: []jsonFeedItem{}}
	for _, e := range es {
		f.Items = append(f.Items, jsonFeedItem{ID: e.id, URL: e.link, Title: e.title, ContentText: e.body,
			DatePublished: e.at.UTC().Format(time.RFC3339), Language: e.lang})
	}
	return marshalJSON(f)
}

func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}

// StatusVersion is the version of status.json's shape
// (docs/schema/status.schema.json).
const StatusVersion = 1

type statusDoc struct {
	Version      int              `json:"version"`
	Organisation string           `json:"organisation"`
	Drill        bool             `json:"drill"`
	GeneratedAt  string           `json:"generated_at"`
	TimeZone     string           `json:"time_zone"`
	Status       string           `json:"status"`
	Live         int              `json:"live_incidents"`
	Locales      []string         `json:"locales"`
	Incidents    []statusIncident `json:"incidents"`
}

type statusIncident struct {
	ID         string         `json:"id"`
	Playbook   string         `json:"playbook"`
	Title      string         `json:"title"`
	Severity   string         `json:"severity,omitempty"`
	State      string         `json:"state"`
	Affected   []string       `json:"affected"`
	Started    string         `json:"started"`
	Resolved   string         `json:"resolved,omitempty"`
	NextUpdate string         `json:"next_update,omitempty"`
	Updates    []statusUpdate `json:"updates"`
}

type statusUpdate struct {
	ID      string            `json:"id"`
	Seq     int               `json:"seq"`
	At      string            `json:"at"`
	State   string            `json:"state"`
	Step    string            `json:"step"`
	Message string            `json:"message"`
	Texts   map[string]string `json:"texts"`
}

func (s *site) statusJSON() ([]byte, error) {
	d := statusDoc{Version: StatusVersion, Organisation: s.Manual.Organisation, Drill: s.Drill,
		GeneratedAt: s.Now.In(s.Manual.Location).Format(time.RFC3339), TimeZone: s.Manual.Location.String(),
		Status: "operational", Locales: locales(s.Manual), Incidents: []statusIncident{}}
	for _, inc := range s.Incidents {
		if inc.Live() {
			d.Status = "incident"
			d.Live++
		}
		si := statusIncident{ID: inc.RunID, Playbook: inc.Playbook, Title: inc.Title, Severity: inc.Severity,
			State: inc.State, Affected: append([]string{}, inc.Affected...), Started: s.rfc3339(inc.Started),
			Resolved: s.rfc3339(inc.Resolved), NextUpdate: s.rfc3339(inc.NextUpdate), Updates: []statusUpdate{}}
		for _, u := range inc.Updates {
			su := statusUpdate{ID: u.ID, Seq: u.Seq, At: s.rfc3339(u.At), State: u.State, Step: u.Step,
				Message: u.Message, Texts: map[string]string{}}
			for l, t := range u.Texts {
				su.Texts[l] = t.Body
			}
			si.Updates = append(si.Updates, su)
		}
		d.Incidents = append(d.Incidents, si)
	}
	return marshalJSON(d)
}

// rfc3339 writes an instant in the manual's time zone; "" for none.
func (s *site) rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.Manual.Location).Format(time.RFC3339)
}
