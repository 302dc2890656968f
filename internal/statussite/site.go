package statussite

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// Page limits: the whole page, styles included, stays under MaxPageBytes so
// that it loads on a congested mobile network.
const (
	MaxPageBytes = 50 << 10
	// HistoryFull past incidents are shown with their updates; up to
	// HistoryMax more as one line each. The feeds and status.json have them
	// all.
	HistoryFull = 10
	HistoryMax  = 100
)

// DrillPreviewDir is the only folder a drill's site is ever built into.
const DrillPreviewDir = "drill-preview"

// Options say what to build.
type Options struct {
	Manual    *manual.Manual
	Incidents []*Incident // newest first, as Read returns them
	Now       time.Time   // when the site is built ("page updated at")
	BaseURL   string      // where the site is served, e.g. https://status.example.com/
	Drill     bool        // a drill preview: every page says it is an exercise
}

// Files is a built site: slash-separated paths to contents.
type Files map[string][]byte

// Paths lists the files in publishing order: every other file first, then
// the locale pages, the root index.html last, so that a page is never
// published before what it links to.
func (f Files) Paths() []string {
	paths := make([]string, 0, len(f))
	for p := range f {
		paths = append(paths, p)
	}
	rank := func(p string) int {
		switch {
		case p == "index.html":
			return 2
		case path.Base(p) == "index.html":
			return 1
		}
		return 0
	}
	slices.SortFunc(paths, func(a, b string) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return paths
}

// Write writes the site into a folder, creating it.
func (f Files) Write(dir string) error {
	for _, p := range f.Paths() {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, f[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// DefaultBaseURL is where the manual says its status page lives: the name
// of its status-page channel when that is a host name.
func DefaultBaseURL(m *manual.Manual) string {
	for _, c := range m.Channels {
		if c.Kind == "status-page" && strings.Contains(c.Name, ".") && !strings.ContainsAny(c.Name, " /:") {
			return "https://" + c.Name + "/"
		}
	}
	return ""
}

// Build makes the whole site in memory.
func Build(o Options) (Files, error) {
	m := o.Manual
	if err := checkLocales(m.Locales.Supported); err != nil {
		return nil, err
	}
	base, err := url.Parse(o.BaseURL)
	if o.BaseURL == "" || err != nil || !base.IsAbs() || (base.Scheme != "https" && base.Scheme != "http") {
		return nil, fmt.Errorf("the status page needs the absolute http(s) address it is served at (got %q): pass --base-url, e.g. https://status.example.com/", o.BaseURL)
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	for _, inc := range o.Incidents {
		if inc.Drill != o.Drill {
			return nil, errors.New("statussite: a drill and a real run cannot share a site")
		}
	}
	s := &site{Options: o, base: base.String(), files: Files{}}
	for _, l := range locales(m) {
		page, err := s.page(l, l+"/")
		if err != nil {
			return nil, err
		}
		s.files[l+"/index.html"] = page
		if err := s.feeds(l); err != nil {
			return nil, err
		}
	}
	root, err := s.page(m.Locales.Default, "")
	if err != nil {
		return nil, err
	}
	s.files["index.html"] = root
	if s.files["status.json"], err = s.statusJSON(); err != nil {
		return nil, err
	}
	for p, b := range s.files {
		if strings.HasSuffix(p, ".html") && len(b) > MaxPageBytes {
			return nil, fmt.Errorf("the status page %s is %d KiB, over the %d KiB a page may weigh", p, len(b)>>10, MaxPageBytes>>10)
		}
	}
	return s.files, nil
}

// locales are the manual's locales, the default first.
func locales(m *manual.Manual) []string {
	out := []string{m.Locales.Default}
	for _, l := range m.Locales.Supported {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

type site struct {
	Options
	base  string
	files Files
}

//go:embed page.html.tmpl
var pageTemplate string

// pageTmpl is parsed when a page is first built, not when the program
// starts: every command paid for it at start-up.
var pageTmpl = sync.OnceValue(func() *template.Template { return template.Must(template.New("page").Parse(pageTemplate)) })

type pageView struct {
	Lang, Org, Root, Feeds, TimesIn, Generated string
	T                                          map[string]string
	Drill                                      bool
	DrillMark                                  string // the manual's, for the locale
	Alternates                                 []alternate
	Languages                                  []language
	Live, History                              []incidentView
	Older                                      []incidentView
}

type alternate struct{ Hreflang, Href string }

type language struct {
	Lang, Name, Href string
	Current          bool
}

type incidentView struct {
	T                                        map[string]string
	RunID, State, StateName, Title, Affected string
	Services                                 []serviceView // while live
	StartedISO, StartedText, StartedDate     string
	EndedISO, EndedText, NextISO, NextText   string
	Updates                                  []updateView
}

// serviceView is an affected service in the reader's language, with its
// state now: down until the incident is being monitored (the fix is in),
// then recovering.
type serviceView struct {
	Name, State, StateName string
}

type updateView struct {
	Anchor, ISO, Text, StateName, Lang, Body string
}

// page renders one locale's page; dir is where it lives ("" for the root).
func (s *site) page(locale, dir string) ([]byte, error) {
	t, _ := textsFor(locale)
	root := strings.Repeat("../", strings.Count(dir, "/"))
	v := pageView{Lang: locale, Org: s.Manual.Organisation, Root: root, Feeds: root + locale + "/", T: t, Drill: s.Drill, DrillMark: s.Manual.DrillMarkFor(locale, "status-page", "")}
	v.TimesIn = fmt.Sprintf(t["times_in"], s.zoneName())
	now := s.Now.In(s.Manual.Location)
	v.Generated = fmt.Sprintf(t["generated"], message.FormatDate(now, locale), message.AtClock(now, locale)) // "a la 1:33", "a las 10:30"
	for _, l := range locales(s.Manual) {
		lt, _ := textsFor(l)
		v.Alternates = append(v.Alternates, alternate{Hreflang: l, Href: s.base + l + "/"})
		v.Languages = append(v.Languages, language{Lang: l, Name: lt["lang_name"], Href: root + l + "/", Current: l == locale})
	}
	v.Alternates = append(v.Alternates, alternate{Hreflang: "x-default", Href: s.base})
	for _, inc := range s.Incidents {
		switch {
		case inc.Live():
			v.Live = append(v.Live, s.incident(inc, locale, t))
		case len(v.History) < HistoryFull:
			v.History = append(v.History, s.incident(inc, locale, t))
		case len(v.Older) < HistoryMax:
			v.Older = append(v.Older, s.incident(inc, locale, t))
		}
	}
	var b bytes.Buffer
	if err := pageTmpl().Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// zoneName names the manual's time zone with its abbreviation now, e.g.
// "Europe/Madrid (CET, UTC+01:00)".
func (s *site) zoneName() string {
	now := s.Now.In(s.Manual.Location)
	abbr, _ := now.Zone()
	return fmt.Sprintf("%s (%s, UTC%s)", s.Manual.Location.String(), abbr, now.Format("-07:00"))
}

func (s *site) when(t time.Time, locale string) (iso, text string) {
	if t.IsZero() {
		return "", ""
	}
	l := t.In(s.Manual.Location)
	return l.Format(time.RFC3339), message.FormatDate(l, locale) + " " + message.FormatClock(l, locale)
}

func (s *site) incident(inc *Incident, locale string, t map[string]string) incidentView {
	v := incidentView{T: t, RunID: inc.RunID, State: inc.State, StateName: t[inc.State], Title: inc.TitleIn(locale)}
	state := "down"
	if inc.State == Monitoring {
		state = "recovering"
	}
	var names []string
	for _, sv := range inc.Services {
		name := t["service."+sv.Kind]
		if name == "" {
			name = sv.NameIn(locale)
		}
		if slices.Contains(names, name) {
			continue // two e-mail channels are one service to the reader
		}
		names = append(names, name)
		if inc.Live() {
			v.Services = append(v.Services, serviceView{Name: name, State: state, StateName: t["service_"+state]})
		}
	}
	v.Affected = strings.Join(names, ", ")
	v.StartedISO, v.StartedText = s.when(inc.Started, locale)
	v.StartedDate = message.FormatDate(inc.Started.In(s.Manual.Location), locale)
	v.EndedISO, v.EndedText = s.when(inc.Resolved, locale)
	v.NextISO, v.NextText = s.when(inc.NextUpdate, locale)
	fallback := s.fallback(locale)
	for i := len(inc.Updates) - 1; i >= 0; i-- { // newest first, as status pages read
		u := inc.Updates[i]
		txt := u.In(locale, fallback)
		iso, when := s.when(u.At, locale)
		v.Updates = append(v.Updates, updateView{Anchor: fmt.Sprintf("%s-%d", inc.RunID, u.Seq), ISO: iso, Text: when,
			StateName: t[u.State], Lang: txt.Lang, Body: txt.Body})
	}
	return v
}

// fallback is the order of locales a text missing in a locale is taken
// from: the manual's default, then the others in the manual's order.
func (s *site) fallback(locale string) []string {
	return slices.DeleteFunc(locales(s.Manual), func(l string) bool { return l == locale })
}
