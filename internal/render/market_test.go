package render_test

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

// marketsManual is testdata/markets: Spain, the Canary Islands, Portugal
// and the United Kingdom, each with its own support phone.
func marketsManual(t *testing.T) (*manual.Manual, *message.Catalog) {
	t.Helper()
	return testdataManual(t, "markets")
}

// testdataManual is the manual in testdata/NAME, which loads without a
// finding, and its catalogue.
func testdataManual(t *testing.T, name string) (*manual.Manual, *message.Catalog) {
	t.Helper()
	m, diags, err := manual.Load(os.DirFS(filepath.Join("..", "..", "testdata", name)), name)
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, cat
}

// At 10:00 UTC on 26 November it is 11:00 in Madrid and 10:00 in the
// Canaries, Lisbon and London; the next update is due 30 minutes later.
var marketClock = render.Clock{
	Start:      time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC),
	NextUpdate: time.Date(2026, 11, 26, 10, 30, 0, 0, time.UTC),
}

func find(t *testing.T, anns []render.Announcement, step, channel, locale string) render.Announcement {
	t.Helper()
	for _, a := range anns {
		if a.Step == step && a.Channel == channel && a.Locale == locale {
			return a
		}
	}
	t.Fatalf("no %s text on %s in %s", step, channel, locale)
	return render.Announcement{}
}

func TestMarketTimesAndFacts(t *testing.T) {
	m, cat := marketsManual(t)
	anns, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "holding", Clock: marketClock})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		channel, locale, text string
		markets               []string
	}{
		// One SMS to Spain and the Canaries: one time per zone, named.
		{"sms-es", "es", "Rioverde Hogar: nuestra página de Facebook no funciona. Te escribiremos de nuevo a las 11:30 (10:30 en Canarias). Atención al cliente: 900 100 200.", []string{"es-es", "es-ic"}},
		// Portugal: Lisbon's time, Portugal's phone.
		{"sms-pt", "pt", "Rioverde Hogar: a nossa página do Facebook não funciona. Voltaremos a escrever-lhe às 10:30. Apoio ao cliente: 800 100 200.", []string{"pt-pt"}},
		// en-GB reads a 24-hour clock, and the UK's phone.
		{"status-page", "en", "Rioverde Hogar: our Facebook page is down. We will write again at 10:30. Customer service: 0800 100 200.", []string{"uk"}},
		// A Spanish text on Portugal's SMS (available, not owed): still
		// Portugal's phone and zone.
		{"sms-pt", "es", "Rioverde Hogar: nuestra página de Facebook no funciona. Te escribiremos de nuevo a las 10:30. Atención al cliente: 800 100 200.", []string{"pt-pt"}},
		// A Portuguese text on the status page, read in markets that differ:
		// each value once, with the markets that have it.
		{"status-page", "pt", "Rioverde Hogar: a nossa página do Facebook não funciona. Voltaremos a escrever-lhe às 11:30 (Canarias e United Kingdom: 10:30). Apoio ao cliente: 900 100 200 (España, Canarias) / 0800 100 200 (United Kingdom).", []string{"es-es", "es-ic", "uk"}},
	} {
		a := find(t, anns, "holding", tt.channel, tt.locale)
		if a.Text != tt.text {
			t.Errorf("%s %s:\n got %q\nwant %q", tt.channel, tt.locale, a.Text, tt.text)
		}
		if !slices.Equal(a.Markets, tt.markets) {
			t.Errorf("%s %s: markets %v, want %v", tt.channel, tt.locale, a.Markets, tt.markets)
		}
	}
	// The staff SMS reaches every market: its start time is Spain's and
	// the Canaries' in Spanish, the UK's in English.
	if a := find(t, anns, "holding", "sms-staff", "es"); !strings.Contains(a.Text, "desde las 11:00 (10:00 en Canarias).") {
		t.Errorf("staff es: %q", a.Text)
	}
}

// --market renders what one market reads, on the channels that reach it.
func TestMarketFilter(t *testing.T) {
	m, cat := marketsManual(t)
	for _, tt := range []struct {
		market string
		want   map[string]string // channel/locale -> a part of its text
	}{
		{"es-ic", map[string]string{"sms-es/es": "a las 10:30. Atención al cliente: 900 100 200.", "status-page/es": "a las 10:30.", "sms-staff/es": "desde las 10:00."}},
		{"es-es", map[string]string{"sms-es/es": "a las 11:30. Atención al cliente: 900 100 200.", "status-page/es": "a las 11:30.", "sms-staff/es": "desde las 11:00."}},
		{"pt-pt", map[string]string{"sms-pt/pt": "às 10:30. Apoio ao cliente: 800 100 200.", "sms-staff/pt": "desde as 10:00."}},
		{"uk", map[string]string{"status-page/en": "at 10:30. Customer service: 0800 100 200.", "sms-staff/en": "since 10:00."}},
	} {
		anns, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "holding", Clock: marketClock, Market: tt.market})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, a := range anns {
			got[a.Channel+"/"+a.Locale] = a.Text
			if !slices.Equal(a.Markets, []string{tt.market}) {
				t.Errorf("%s: %s/%s for markets %v", tt.market, a.Channel, a.Locale, a.Markets)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: texts %v, want %d", tt.market, slices.Sorted(maps.Keys(got)), len(tt.want))
		}
		for k, part := range tt.want {
			if !strings.Contains(got[k], part) {
				t.Errorf("%s: %s is %q, want %q in it", tt.market, k, got[k], part)
			}
		}
	}
}

// Portugal's plural rules, not Brazil's: CLDR's pt_PT has one for i = 1 and
// v = 0 only, so 0 stores is plural ("0 lojas"); pt (Brazil) counts 0 as
// one ("0 loja").
func TestMarketPlurals(t *testing.T) {
	m, cat := marketsManual(t)
	for n, want := range map[string]string{
		"0":       "Rioverde Hogar: 0 lojas fecharam hoje.",
		"1":       "Rioverde Hogar: 1 loja fechou hoje.",
		"2":       "Rioverde Hogar: 2 lojas fecharam hoje.",
		"1000000": "Rioverde Hogar: 1000000 de lojas fecharam hoje.",
	} {
		anns, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "stores", Clock: marketClock, Locales: []string{"pt"},
			Vars: map[string]string{"closed_stores": n}})
		if err != nil {
			t.Fatal(err)
		}
		if a := find(t, anns, "stores", "sms-pt", "pt"); a.Text != want {
			t.Errorf("%s stores: %q, want %q", n, a.Text, want)
		}
	}
	// The same text read as pt, without a market: Brazil's rule.
	res, err := cat.Render(message.Request{Message: "stores", Kind: "sms", Locale: "pt", Data: map[string]any{"closed_stores": 0}, Count: 0})
	if err != nil || res.Text != "Rioverde Hogar: 0 loja fechou hoje." {
		t.Errorf("pt 0 stores: %q %v", res.Text, err)
	}
	res, err = cat.Render(message.Request{Message: "stores", Kind: "sms", Locale: "pt", Tag: "pt-PT", Data: map[string]any{"closed_stores": 0}, Count: 0})
	if err != nil || res.Text != "Rioverde Hogar: 0 lojas fecharam hoje." {
		t.Errorf("pt-PT 0 stores: %q %v", res.Text, err)
	}
}

// The drill mark is the manual's for the locale when it gives one.
func TestMarketDrillMark(t *testing.T) {
	m, _ := marketsManual(t)
	m.Locales.DrillMarks = map[string]string{"pt": "[EXERCÍCIO]"}
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "holding", Clock: marketClock, Drill: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range anns {
		want := map[string]string{"es": "[SIMULACRO] ", "en": "[DRILL] ", "pt": "[EXERCÍCIO] "}[a.Locale]
		if !strings.HasPrefix(a.Text, want) {
			t.Errorf("%s %s: %q lacks %q", a.Channel, a.Locale, a.Text, want)
		}
	}
}

// A required per-market fact is the markets' to give: nobody is asked for
// it, and each market's value is rendered.
func TestMarketRequiredFact(t *testing.T) {
	m, cat := marketsManual(t)
	m.Variables[0].Required = true
	anns, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "holding", Clock: marketClock, Market: "pt-pt"})
	if err != nil {
		t.Fatal(err)
	}
	if a := find(t, anns, "holding", "sms-pt", "pt"); !strings.Contains(a.Text, "800 100 200") {
		t.Errorf("pt-pt: %q", a.Text)
	}
	// Without markets it is asked for, as in format 1.0.
	m.Markets = nil
	if _, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "holding", Clock: marketClock}); err == nil {
		t.Error("a required value without markets rendered without being given")
	}
}

// A market's wrong value is named with its market in the interface
// language, and the value's own error stays reachable under it.
func TestMarketValueErrorLocalizedAndWrapped(t *testing.T) {
	m, cat := marketsManual(t)
	name := m.Variables[0].Name
	var mk *manual.Market
	for i := range m.Markets {
		if _, ok := m.Markets[i].Values[name]; ok {
			mk = &m.Markets[i]
			break
		}
	}
	if mk == nil {
		t.Fatalf("no market gives %s", name)
	}
	mk.Values[name] = "800\u202e100"
	_, err := render.Playbook(m, cat, m.Playbook("facebook-down"), render.Options{Step: "holding", Clock: marketClock})
	var ve *render.ValueError
	if !errors.As(err, &ve) || ve.Name != name {
		t.Fatalf("err = %v, want a *render.ValueError for %s under it", err, name)
	}
	for _, c := range []struct {
		tag  language.Tag
		want string
	}{
		{language.English, "market " + mk.ID + ": "},
		{language.Spanish, "mercado " + mk.ID + ": "},
		{language.Polish, "rynek " + mk.ID + ": "},
		{language.Portuguese, "mercado " + mk.ID + ": "},
	} {
		if got := lang.For(c.tag).Text(err); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want it to contain %q", c.tag, got, c.want)
		}
	}
}
