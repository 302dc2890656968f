package runbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/journal"
	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

// startReplyMarkets starts fb-down of testdata/replymarkets at 15:00 UTC
// (16:00 in Madrid, 10:00 in Lima), its manual changed by edit first.
func startReplyMarkets(t *testing.T, edit func(*manual.Manual)) *Session {
	t.Helper()
	m, diags, err := manual.Load(os.DirFS(filepath.Join("..", "..", "testdata", "replymarkets")), "replymarkets")
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	if edit != nil {
		edit(m)
	}
	cat, err := message.NewCatalog(m)
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)}
	s := mustStart(t, Options{RunsDir: t.TempDir(), Manual: m, Playbook: m.Playbook("fb-down"), Catalog: cat, Locales: []string{"es"}, Now: clock.now})
	t.Cleanup(func() { s.Close() })
	return s
}

// A reply carries the facts and the clock of the market it is written
// for: on Peru's SMS list, Peru's line and Lima's time (15:00 UTC is 16:00
// in Madrid, 10:00 in Lima), and the next update its own cadence promises
// (hourly; the e-mail and Spain's SMS hear every 30 minutes). On the
// e-mail list, which reaches both, the operator names the market, and is
// told the choices when they do not. The journal says which market.
func TestReplyFollowsTheChannelsMarket(t *testing.T) {
	s := startReplyMarkets(t, nil)
	v := &replyView{}
	f := &Flow{S: s, In: &lines{}, View: v}
	for _, tt := range []struct{ cmd, market, text string }{
		{"reply apology sms-customers-pe", "es-pe", "Lo sentimos. Llame al 0800 10200; volvemos a escribirle a las 11:00."},
		{"reply apology sms-customers-es es", "es-es", "Lo sentimos. Llame al 900 100 200; volvemos a escribirle a las 16:30."},
		{"reply apology email-customers es --market es-pe", "es-pe", "Lo sentimos. Llame al 0800 10200; volvemos a escribirle a las 10:30."},
		{"reply apology email-customers --market=es-es", "es-es", "Lo sentimos. Llame al 900 100 200; volvemos a escribirle a las 16:30."},
	} {
		n := len(v.shown)
		if err := f.do(tt.cmd); err != nil {
			t.Fatalf("%s: %v", tt.cmd, err)
		}
		if len(v.shown) != n+1 {
			t.Fatalf("%s: nothing shown", tt.cmd)
		}
		a := v.shown[n]
		if strings.TrimSpace(a.Text) != tt.text || len(a.Markets) != 1 || a.Markets[0] != tt.market {
			t.Errorf("%s: %q for %v, want %q for %s", tt.cmd, a.Text, a.Markets, tt.text, tt.market)
		}
	}
	for _, tt := range []struct {
		cmd  string
		tag  language.Tag
		want string
	}{
		{"reply apology email-customers", language.English, "email-customers reaches several markets in es (es-es, es-pe): name the one the person lives in with --market ID, e.g. --market es-es"},
		{"reply apology email-customers es", language.Spanish, "email-customers llega a varios mercados en es (es-es, es-pe): indicar con --market ID el mercado en el que vive la persona, p. ej., --market es-es"},
		{"reply apology sms-customers-pe --market es-es", language.Polish, "sms-customers-pe nie dociera do rynku es-es w języku es; dociera do: es-pe"},
		{"reply apology sms-customers-pe --market pe", language.Portuguese, "o manual não tem o mercado pe; os seus mercados são es-es, es-pe"},
		{"reply apology sms-customers-pe --market", language.English, "--market needs a market id: reply ID CH [LOC] --market ID"},
	} {
		err := f.do(tt.cmd)
		if err == nil {
			t.Fatalf("%s: drafted", tt.cmd)
		}
		if got := lang.For(tt.tag).Text(err); got != tt.want {
			t.Errorf("%s in %s: %q, want %q", tt.cmd, tt.tag, got, tt.want)
		}
	}
	var markets []string
	for _, d := range journaled[ReplyDrafted](t, s.Dir, journal.TypeReplyDrafted) {
		markets = append(markets, d.Channel+":"+d.Market)
	}
	if got, want := strings.Join(markets, " "), "sms-customers-pe:es-pe sms-customers-es:es-es email-customers:es-pe email-customers:es-es"; got != want {
		t.Errorf("journaled %s, want %s", got, want)
	}
}

// set of a fact every market gives is refused, in the operator's language:
// the markets' values win, so it would reach no text. Once a market has no
// value of its own, the run's reaches it, and set is allowed.
func TestSetPerMarketFact(t *testing.T) {
	s := startReplyMarkets(t, nil)
	err := s.Set("support_phone", "900 000 000")
	if err == nil {
		t.Fatal("set of a fact every market gives was accepted")
	}
	if got, want := lang.For(language.Spanish).Text(err), "support_phone es un dato propio de cada mercado y cada uno da el suyo (es-es, es-pe): un valor indicado aquí no llegaría a ningún comunicado; corregirlo en markets: de manual.yaml"; got != want {
		t.Errorf("set: %q, want %q", got, want)
	}
	if _, ok := s.State.Vars["support_phone"]; ok {
		t.Error("the refused value was journaled")
	}
	s = startReplyMarkets(t, func(m *manual.Manual) { delete(m.Markets[1].Values, "support_phone") })
	if err := s.Set("support_phone", "0800 99999"); err != nil {
		t.Errorf("set with Peru giving no value: %v", err)
	}
}
