package playbooks_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/render"
)

// Peru buys online only: the online shop and the app, no stores, no tills,
// no card terminals. What Peru's readers must never be told, written by
// hand: a store ("tienda", unless it is the online one), stores, paying
// "en tienda", a till ("caja") or a card terminal ("datáfono").
var storeWords = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\btiendas\b`),
	regexp.MustCompile(`(?i)\ben tienda\b`),
	regexp.MustCompile(`(?i)\bcajas?\b`),
	regexp.MustCompile(`(?i)datáfonos?`),
}

// tienda is the word alone; "tienda online" is the shop Peru has.
var tienda = regexp.MustCompile(`(?i)\btienda\b( online)?`)

// storeWord is the first word of text that speaks of a physical store, or "".
func storeWord(text string) string {
	for _, re := range storeWords {
		if w := re.FindString(text); w != "" {
			return w
		}
	}
	for _, sub := range tienda.FindAllStringSubmatch(text, -1) {
		if sub[1] == "" {
			return sub[0]
		}
	}
	return ""
}

func TestStoreWord(t *testing.T) {
	for text, want := range map[string]string{
		"Falla el pago en nuestra tienda online.":                "",
		"La tienda online y la app no estarán disponibles.":      "",
		"Las tiendas abren con normalidad.":                      "tiendas",
		"en 12 tiendas; en tienda puedes pagar en efectivo":      "tiendas",
		"En tienda puedes pagar en efectivo.":                    "En tienda",
		"te lo comprobamos en caja":                              "caja",
		"No reiniciéis los datáfonos":                            "datáfonos",
		"Esta tienda está abierta.":                              "tienda",
		"Nuestra tienda online y nuestra tienda de Valencia.":    "tienda",
		"Compra en la tienda online o en la app: sin cajeros.":   "",
		"Si no pudiste terminar una compra, sigue en el carrito": "",
	} {
		if got := storeWord(text); got != want {
			t.Errorf("storeWord(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestPeruReadsNoStores renders, for every playbook, every text a channel
// reaching Peru carries there (each step's announcements, the updates, the
// replies its steps offer and its drill injects' replies), with the
// examples, and fails on any that speaks of a physical store.
func TestPeruReadsNoStores(t *testing.T) {
	m, cat := exampletest.Load(t)
	const peru = "es-pe"
	mk := m.Market(peru)
	if mk == nil || mk.Locale != "es-PE" {
		t.Fatalf("market %s: %+v, want locale es-PE", peru, mk)
	}
	var chans []*manual.Channel
	for i := range m.Channels {
		ch := &m.Channels[i]
		if slices.ContainsFunc(m.ChannelMarkets(ch), func(r *manual.Market) bool { return r.ID == peru }) {
			chans = append(chans, ch)
		}
	}
	// Peru's own channels, as the manual declares them; others (the
	// suppliers' mailbox) reach every market.
	for _, id := range []string{"status-page-pe", "sms-customers-pe", "phone-line-pe"} {
		if !slices.ContainsFunc(chans, func(ch *manual.Channel) bool { return ch.ID == id }) {
			t.Errorf("channel %s does not reach %s", id, peru)
		}
	}
	opts := render.Options{Market: peru, Examples: true, Clock: atPreview}
	check := func(where, text string) {
		if w := storeWord(text); w != "" {
			t.Errorf("%s speaks of a store (%q) to Peru:\n%s", where, w, text)
		}
	}
	n := 0
	for _, p := range m.Playbooks {
		anns, err := render.Playbook(m, cat, p, opts)
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		for _, a := range anns {
			n++
			check(p.ID+" "+a.Step+"/"+a.Message+" on "+a.Channel, a.Subject+"\n"+a.Text)
		}
		var replies []string
		for _, s := range slices.Concat(p.Steps, p.FollowUp) {
			for _, ref := range s.Replies {
				if !slices.Contains(replies, ref.ID) {
					replies = append(replies, ref.ID)
				}
			}
		}
		for _, id := range replies {
			r := m.Reply(id)
			for _, ch := range chans {
				if !slices.Contains(m.ChannelLocales(ch), "es") {
					continue // a reply there is in another language
				}
				a, err := render.Reply(m, cat, p, r, ch, "es", opts)
				if err != nil {
					t.Errorf("%s reply %s on %s: %v", p.ID, id, ch.ID, err)
					continue
				}
				n++
				check(p.ID+" reply "+id+" on "+ch.ID, a.Subject+"\n"+a.Text)
			}
		}
		for _, in := range p.Drill.Injects {
			if in.Message.ID == "" {
				continue
			}
			ch := m.Channel(in.Channel.ID)
			if in.Market.ID != peru && !slices.Contains(chans, ch) {
				continue
			}
			res, _, err := render.InjectReply(m, cat, p, in.Message.ID, ch, peru, "es", opts)
			if err != nil {
				t.Errorf("%s inject at %s: %v", p.ID, in.At, err)
				continue
			}
			n++
			check(p.ID+" inject "+in.Message.ID, res.Subject+"\n"+res.Text)
		}
	}
	if n < 40 {
		t.Errorf("only %d texts rendered for Peru", n)
	}
	t.Logf("%d texts read in Peru", n)
}

// Texts Peru reads that must come from its regional catalogue: the
// Spanish ones speak of stores. A check that es-PE is read at all, as a
// text speaking of no store may also be the es one.
func TestPeruReadsItsRegionalTexts(t *testing.T) {
	m, cat := exampletest.Load(t)
	p := m.Playbook("payment-outage")
	anns, err := render.Playbook(m, cat, p, render.Options{Step: "holding", Channels: []string{"status-page", "status-page-pe"}, Locales: []string{"es"},
		Examples: true, Clock: atPreview})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range anns {
		got[a.Channel] = a.Region + " " + a.Text
	}
	if es := got["status-page"]; !strings.HasPrefix(es, " ") || !strings.Contains(es, "en tienda puedes pagar en efectivo") {
		t.Errorf("Spain's status page: %q, want Spain's text, from es", es)
	}
	if pe := got["status-page-pe"]; !strings.HasPrefix(pe, "es-PE ") || strings.Contains(pe, "efectivo") {
		t.Errorf("Peru's status page: %q, want Peru's text, from es-PE", pe)
	}
}
