package statussite

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/net/html"

	"github.com/crisis-cli/crisis/internal/manual"
)

var update = flag.Bool("update", false, "rewrite the golden files (then read every changed line before committing)")

// exampleSite builds the public site of the example runs.
func exampleSite(t testing.TB) (Files, []*Incident, *manual.Manual, string) {
	t.Helper()
	runs, m := exampleRuns(t)
	files, incs := siteAt(t, runs, m, frozen)
	return files, incs, m, runs
}

// siteAt reads the runs in runs (drills left out) and builds the public
// site as it stands at now, the test failing if either cannot be done.
func siteAt(t testing.TB, runs string, m *manual.Manual, now time.Time) (Files, []*Incident) {
	t.Helper()
	incs, err := Read(runs, m, false)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(Options{Manual: m, Incidents: incs, Now: now, BaseURL: DefaultBaseURL(m)})
	if err != nil {
		t.Fatal(err)
	}
	return files, incs
}

// TestGolden compares the whole site with files read line by line when
// they were written: states, times in Madrid, the texts as sent.
func TestGolden(t *testing.T) {
	files, _, _, _ := exampleSite(t)
	dir := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(dir)
		if err := files.Write(dir); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			want = append(want, filepath.ToSlash(rel))
		}
		return err
	})
	got := files.Paths()
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("files:\n got %v\nwant %v", got, want)
	}
	for _, p := range got {
		g, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(files[p], g) {
			t.Errorf("%s differs from the golden file; diff -u testdata/golden/%s <(go test -run TestGolden -update)", p, p)
		}
	}
}

// TestStates checks the journal-to-state mapping, run by run.
func TestStates(t *testing.T) {
	_, incs, _, _ := exampleSite(t)
	got := map[string]*Incident{}
	for _, inc := range incs {
		got[inc.Playbook] = inc
	}
	if len(incs) != 3 || got["payment-outage"] != nil {
		t.Fatalf("incidents %d, drill present: %v", len(incs), got["payment-outage"] != nil)
	}
	cases := []struct {
		playbook, state string
		updates         []string
		next, resolved  time.Time
	}{
		{"website-down", Investigating, nil, time.Time{}, time.Time{}},
		// holding at 08:07Z (T+12m), Spanish-only update at 09:05Z (T+70m),
		// cadence 20m for the first 2h
		{"facebook-down", Monitoring, []string{Identified, Monitoring}, time.Date(2026, 11, 24, 9, 25, 0, 0, time.UTC), time.Time{}},
		// the holding step sends two messages on the status page: customers' and suppliers'
		{"meta-outage", Resolved, []string{Identified, Identified, Monitoring, Resolved}, time.Time{}, time.Date(2026, 11, 23, 6, 15, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		inc := got[c.playbook]
		var states []string
		for _, u := range inc.Updates {
			states = append(states, u.State)
		}
		if inc.State != c.state || !slices.Equal(states, c.updates) || !inc.NextUpdate.Equal(c.next) || !inc.Resolved.Equal(c.resolved) {
			t.Errorf("%s: state %s updates %v next %v resolved %v; want %s %v %v %v", c.playbook, inc.State, states, inc.NextUpdate, inc.Resolved, c.state, c.updates, c.next, c.resolved)
		}
	}
	fb := got["facebook-down"]
	if u := fb.Updates[1]; u.In("pl", []string{"es"}).Lang != "es" || len(u.Texts) != 1 {
		t.Errorf("an update sent in Spanish only: %+v", u.Texts)
	}
}

// TestPublicOnly: nothing sent to staff, suppliers or the press on their
// own channels, and no drill, reaches the public site.
func TestPublicOnly(t *testing.T) {
	files, _, _, _ := exampleSite(t)
	for p, b := range files {
		for _, bad := range []string{"Aviso interno", "Internal notice", "SIMULACRO", "DRILL", "payment-outage", "Aviso a la plantilla"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
	}
}

// TestDrillPreview: a drill builds only as a preview, marked on every page
// and in every feed, in each page's own language.
func TestDrillPreview(t *testing.T) {
	runs, m := exampleRuns(t)
	incs, err := Read(runs, m, true)
	if err != nil || len(incs) != 1 || !incs[0].Drill {
		t.Fatalf("drills: %v %d", err, len(incs))
	}
	files, err := Build(Options{Manual: m, Incidents: incs, Now: frozen, BaseURL: DefaultBaseURL(m), Drill: true})
	if err != nil {
		t.Fatal(err)
	}
	marks := map[string]string{"es": "SIMULACRO: esto es un ejercicio", "en": "DRILL: this is an exercise", "pl": "ĆWICZENIA: to jest ćwiczenie", "pt": "SIMULACRO: isto é um exercício"}
	for l, mark := range marks {
		page := string(files[l+"/index.html"])
		if !strings.Contains(page, mark) || !strings.Contains(page, `<meta name="robots" content="noindex">`) {
			t.Errorf("%s page lacks the drill banner %q", l, mark)
		}
		tag := strings.Fields(mark)[0]
		tag = "[" + strings.TrimSuffix(tag, ":") + "]"
		if !strings.Contains(page, "<title>"+tag+" ") {
			t.Errorf("%s page title lacks %s", l, tag)
		}
		for _, f := range []string{"feed.atom", "feed.rss", "feed.json"} {
			if !bytes.Contains(files[l+"/"+f], []byte(tag)) {
				t.Errorf("%s/%s lacks %s", l, f, tag)
			}
		}
	}
	if !bytes.Contains(files["status.json"], []byte(`"drill": true`)) {
		t.Error("status.json of a drill preview does not say so")
	}
	// A real build refuses drills mixed in.
	if _, err := Build(Options{Manual: m, Incidents: incs, Now: frozen, BaseURL: DefaultBaseURL(m)}); err == nil {
		t.Error("a public build accepted a drill")
	}
}

// TestStableIDs: a later build, with one more update, keeps every earlier
// update's id in every feed.
func TestStableIDs(t *testing.T) {
	runs, m := exampleRuns(t)
	ids := func(now time.Time) map[string]bool {
		files, _ := siteAt(t, runs, m, now)
		var f jsonFeed
		if err := json.Unmarshal(files["pl/feed.json"], &f); err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, it := range f.Items {
			if out[it.ID] {
				t.Errorf("id %s twice in one feed", it.ID)
			}
			out[it.ID] = true
		}
		for _, id := range []string{"<guid isPermaLink=\"false\">", "<id>"} {
			if n := bytes.Count(files["pl/feed.rss"], []byte(id)) + bytes.Count(files["pl/feed.atom"], []byte(id)); id == "<id>" && n != len(out)+1 {
				t.Errorf("atom has %d ids for %d items", n, len(out))
			}
		}
		return out
	}
	before := ids(frozen)
	cl := &clock{t: frozen.Add(10 * time.Minute)}
	s := resumeFacebook(t, runs, m, cl)
	sc := &script{t: t, s: s, clk: cl}
	// A 1.1 playbook sends no update that says nothing new: this one has a note.
	for _, l := range m.Locales.Supported {
		if err := s.SetUpdateNote(l, "Facebook loads again on some phones."); err != nil {
			t.Fatal(err)
		}
	}
	sc.update("all")
	s.Close()
	after := ids(frozen.Add(time.Hour))
	if len(after) != len(before)+1 {
		t.Errorf("after one more update: %d ids, before %d", len(after), len(before))
	}
	for id := range before {
		if !after[id] {
			t.Errorf("id %s changed between builds", id)
		}
	}
	if got := updateID("20261124-075500-facebook-down", 35); got != "urn:uuid:"+uuid5Reference("crisis:run:20261124-075500-facebook-down:event:35") {
		t.Errorf("updateID = %s", got)
	}
}

// TestPageLimits: with 100 past incidents every page stays under 50 KiB.
func TestPageLimits(t *testing.T) {
	files, incs, m, _ := exampleSite(t)
	for p, b := range files {
		if strings.HasSuffix(p, ".html") && len(b) > MaxPageBytes {
			t.Errorf("%s: %d bytes", p, len(b))
		}
	}
	many := manyIncidents(incs, 100)
	files, err := Build(Options{Manual: m, Incidents: many, Now: frozen, BaseURL: DefaultBaseURL(m)})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range files {
		if strings.HasSuffix(p, ".html") && (len(b) > MaxPageBytes || len(b) < 20<<10) {
			t.Errorf("%s with 100 past incidents: %d bytes", p, len(b))
		}
	}
	if n := bytes.Count(files["status.json"], []byte(`"playbook":`)); n != len(many) {
		t.Errorf("status.json has %d incidents, want all %d", n, len(many))
	}
}

// manyIncidents repeats the resolved incident n times, a day apart.
func manyIncidents(incs []*Incident, n int) []*Incident {
	var past *Incident
	out := []*Incident{}
	for _, inc := range incs {
		if inc.Live() {
			out = append(out, inc)
		} else {
			past = inc
		}
	}
	for i := range n {
		c := *past
		d := time.Duration(i+1) * 24 * time.Hour
		c.RunID = fmt.Sprintf("%s-%03d", past.RunID, i)
		c.Started, c.Resolved = past.Started.Add(-d), past.Resolved.Add(-d)
		c.Updates = slices.Clone(past.Updates)
		for j := range c.Updates {
			c.Updates[j].At = c.Updates[j].At.Add(-d)
			c.Updates[j].ID = updateID(c.RunID, c.Updates[j].Seq)
		}
		out = append(out, &c)
	}
	return out
}

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// TestWellFormed: every page's tags are balanced and properly nested, its
// attributes are not repeated, and it uses no script at all.
func TestWellFormed(t *testing.T) {
	files, _, _, _ := exampleSite(t)
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if err := wellFormed(b); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if wellFormed([]byte("<html><body><p><b>x</p></b></body></html>")) == nil {
		t.Error("the checker accepts misnested tags")
	}
}

func wellFormed(b []byte) error {
	z := html.NewTokenizer(bytes.NewReader(b))
	var stack []string
	for {
		tt := z.Next()
		tok := z.Token()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(stack) > 0 {
				return fmt.Errorf("unclosed %v", stack)
			}
			return nil
		case html.StartTagToken:
			if tok.Data == "script" {
				return fmt.Errorf("a script element")
			}
			seen := map[string]bool{}
			for _, a := range tok.Attr {
				if seen[a.Key] {
					return fmt.Errorf("<%s> repeats %s", tok.Data, a.Key)
				}
				seen[a.Key] = true
				if strings.HasPrefix(a.Key, "on") {
					return fmt.Errorf("<%s> has an event handler", tok.Data)
				}
			}
			if !voidElements[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				return fmt.Errorf("</%s> closes %v", tok.Data, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// TestAtomRelaxNG validates every Atom feed with xmllint against RFC 4287's
// grammar, and checks the grammar's two Schematron rules.
func TestAtomRelaxNG(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint (libxml2-utils) is not installed")
	}
	files, _, _, _ := exampleSite(t)
	dir := t.TempDir()
	if err := files.Write(dir); err != nil {
		t.Fatal(err)
	}
	rng := filepath.Join("testdata", "schema", "atom.rng")
	for _, l := range []string{"es", "en", "pl", "pt"} {
		feed := filepath.Join(dir, l, "feed.atom")
		if out, err := exec.Command(xmllint, "--noout", "--relaxng", rng, feed).CombinedOutput(); err != nil {
			t.Errorf("%s/feed.atom: %v\n%s", l, err, out)
		}
		var f atomFeed
		if err := xml.Unmarshal(files[l+"/feed.atom"], &f); err != nil {
			t.Fatal(err)
		}
		if f.Author == "" {
			t.Errorf("%s: no feed author", l)
		}
		for _, e := range f.Entries {
			if e.Link.Rel != "alternate" && e.Content.Text == "" {
				t.Errorf("%s: entry %s has neither alternate link nor content", l, e.ID)
			}
		}
	}
	// The grammar can fail: an entry without its id.
	bad := bytes.Replace(files["es/feed.atom"], []byte("<id>urn:"), []byte("<summary>urn:"), 1)
	bad = bytes.Replace(bad, []byte("</id>\n  <title"), []byte("</summary>\n  <title"), 1)
	badPath := filepath.Join(dir, "bad.atom")
	os.WriteFile(badPath, bad, 0o644)
	if err := exec.Command(xmllint, "--noout", "--relaxng", rng, badPath).Run(); err == nil {
		t.Error("xmllint accepted an entry without an id")
	}
}

// TestRSS checks what RSS 2.0 requires: channel title, link, description;
// each item a title or description; guid not a permalink.
func TestRSS(t *testing.T) {
	files, _, _, _ := exampleSite(t)
	for _, l := range []string{"es", "en", "pl", "pt"} {
		var f rssFeed
		if err := xml.Unmarshal(files[l+"/feed.rss"], &f); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		c := f.Channel
		// encoding/xml cannot tell <link> from <atom:link> when reading: look for it.
		link := "<link>https://status.rioverde.example/" + l + "/</link>"
		if f.Version != "2.0" || c.Title == "" || !bytes.Contains(files[l+"/feed.rss"], []byte(link)) || c.Description == "" || c.Language != l || len(c.Items) == 0 {
			t.Errorf("%s: channel %+v", l, c)
		}
		for _, it := range c.Items {
			if it.Title == "" || it.GUID.IsPermaLink != "false" || !strings.HasPrefix(it.GUID.ID, "urn:uuid:") {
				t.Errorf("%s: item %+v", l, it)
			}
			if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
				t.Errorf("%s: pubDate %q is not RFC 822: %v", l, it.PubDate, err)
			}
		}
	}
}

func compile(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, b []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(v)
}

// TestJSONSchemas validates the JSON Feeds and status.json, and shows both
// schemas refuse a broken document.
func TestJSONSchemas(t *testing.T) {
	files, _, _, _ := exampleSite(t)
	feedSchema := compile(t, filepath.Join("testdata", "schema", "jsonfeed-1.1.schema.json"))
	for _, l := range []string{"es", "en", "pl", "pt"} {
		if err := validate(t, feedSchema, files[l+"/feed.json"]); err != nil {
			t.Errorf("%s/feed.json: %v", l, err)
		}
	}
	if validate(t, feedSchema, bytes.Replace(files["es/feed.json"], []byte(`"content_text"`), []byte(`"text"`), 1)) == nil {
		t.Error("the JSON Feed schema accepts an item without content")
	}
	status := compile(t, filepath.Join("..", "..", "docs", "schema", "status.schema.json"))
	if err := validate(t, status, files["status.json"]); err != nil {
		t.Errorf("status.json: %v", err)
	}
	if validate(t, status, bytes.Replace(files["status.json"], []byte(`"state": "monitoring"`), []byte(`"state": "fine"`), 1)) == nil {
		t.Error("the status schema accepts an unknown state")
	}
}

// TestCatalog: every locale has every key of the English texts, and no
// empty one.
func TestCatalog(t *testing.T) {
	for _, l := range Locales() {
		for k := range texts()["en"] {
			if strings.TrimSpace(texts()[l][k]) == "" {
				t.Errorf("%s lacks %q", l, k)
			}
		}
		if len(texts()[l]) != len(texts()["en"]) {
			t.Errorf("%s has %d keys, en %d", l, len(texts()[l]), len(texts()["en"]))
		}
	}
	if err := checkLocales([]string{"es", "de"}); err == nil || !strings.Contains(err.Error(), "de") {
		t.Errorf("a locale without texts: %v", err)
	}
}

// TestAffectedServices: what a playbook says is down, as the page's
// readers know it: the public's channels only (a staff chat or the staff
// SMS being down is nobody else's business), named in the reader's
// language where the site has a label, each service once, down until the
// incident is monitored, then recovering, and no state once resolved.
func TestAffectedServices(t *testing.T) {
	_, m := exampleRuns(t)
	p := &manual.Playbook{ID: "everything", Down: manual.Down{Domains: []manual.Ref{{ID: "google"}, {ID: "slack"}, {ID: "telecom"}, {ID: "stores"}}}}
	got := affected(m, p)
	// The manual names its channels in its default language, Spanish; each
	// page names them in its own language where the manual translates them.
	want := []Service{{"email", "Boletín y correos de pedidos", nil}, {"email", "Buzón de Compras", nil}, {"email", "Buzón de la oficina de prensa", nil},
		{"sms", "SMS a clientes en España con pedidos abiertos", nil}, {"sms", "SMS a clientes en Portugal con pedidos abiertos", nil},
		{"sms", "SMS a clientes en Polonia con pedidos abiertos", nil}, {"sms", "SMS a clientes en Perú con pedidos abiertos", nil},
		{"store-sign", "Carteles impresos en las entradas y cajas de las tiendas", nil},
		{"phone", "Línea de atención en España, 900 100 200 (mensaje grabado)", nil}, {"phone", "Línea de atención en Portugal, 800 100 200 (mensaje grabado)", nil},
		{"phone", "Línea de atención en Polonia, 800 300 400 (mensaje grabado)", nil}, {"phone", "Línea de atención en Perú, 0800 10200 (mensaje grabado)", nil}}
	if !slices.EqualFunc(got, want, func(a, b Service) bool { return a.Kind == b.Kind && a.Name == b.Name }) {
		t.Fatalf("affected:\n got %v\nwant %v", got, want)
	}
	s := &site{Options: Options{Manual: m}}
	inc := &Incident{RunID: "r", State: Investigating, Services: got}
	cases := []struct {
		locale, state string
		names         []string
		svcState      string
	}{
		{"es", Investigating, []string{"Correo electrónico", "SMS", "Carteles impresos en las entradas y cajas de las tiendas", "Atención telefónica"}, "Sin servicio"},
		{"pl", Monitoring, []string{"E-mail", "SMS", "Wydrukowane komunikaty przy wejściach i kasach sklepów", "Infolinia"}, "Wraca do działania"},
		{"pt", Resolved, []string{"E-mail", "SMS", "Avisos impressos nas entradas e caixas das lojas", "Linha de apoio"}, ""},
	}
	for _, c := range cases {
		inc.State = c.state
		tx, _ := textsFor(c.locale)
		v := s.incident(inc, c.locale, tx)
		if v.Affected != strings.Join(c.names, ", ") {
			t.Errorf("%s: affected %q, want %q", c.locale, v.Affected, strings.Join(c.names, ", "))
		}
		if c.svcState == "" {
			if len(v.Services) != 0 {
				t.Errorf("%s: a resolved incident shows services %v", c.locale, v.Services)
			}
			continue
		}
		if len(v.Services) != len(c.names) {
			t.Fatalf("%s: services %v", c.locale, v.Services)
		}
		for i, sv := range v.Services {
			if sv.Name != c.names[i] || sv.StateName != c.svcState {
				t.Errorf("%s: service %+v, want %s %s", c.locale, sv, c.names[i], c.svcState)
			}
		}
	}
}
