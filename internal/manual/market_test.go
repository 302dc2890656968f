package manual

import (
	"strings"
	"testing"
)

// marketManual is the minimal manual in format 1.1 with two markets, facts
// per market, channels and audiences in markets and a drill mark of its own.
// Line numbers matter: the tests below name positions in it.
const marketManual = `crisis: 1.1
kind: manual
organisation: Test S.L.
version: "1"
timezone: Europe/Madrid
locales: {default: es, supported: [es, pt], drill_marks: {pt: "[EXERCÍCIO]"}}
approval: {approved_by: [ana], approved_on: 2026-01-10, review_every: 180d}
audiences: [{id: customers, markets: [es-es, pt-pt]}, {id: staff}]
domains: [{id: meta}, {id: telecom}]
channels:
  - {id: fb, kind: facebook, audiences: [customers], domain: meta, owner: speaker}
  - {id: sms, kind: sms, audiences: [customers, staff], domain: telecom, owner: speaker, markets: [pt-pt]}
roles:
  - {id: speaker, person: ana, deputies: [bo]}
people:
  - {id: ana, name: Ana, contacts: [{via: phone, value: "1"}]}
  - {id: bo, name: Bo, contacts: [{via: phone, value: "2"}]}
variables:
  - {name: support_phone, description: the phone customers call, example: "900 100 200", per_market: true}
markets:
  - id: es-es
    name: España
    locale: es-ES
    timezone: Europe/Madrid
    values: {support_phone: "900 100 200"}
  - id: pt-pt
    name: Portugal
    locale: pt-PT
    timezone: Europe/Lisbon
    values:
      support_phone: "800 100 200"
`

func marketFiles() map[string]string {
	files := valid()
	files[ManualFile] = marketManual
	files["playbooks/fb-down.yaml"] = strings.Replace(minimalPlaybook, "crisis: 1", "crisis: 1.1", 1)
	files["templates/pt.yaml"] = minimalTemplates
	return files
}

func TestLoadMarkets(t *testing.T) {
	m := loadClean(t, marketFiles())
	if len(m.Markets) != 2 {
		t.Fatalf("markets: %+v", m.Markets)
	}
	es, pt := m.Market("es-es"), m.Market("pt-pt")
	if es == nil || pt == nil {
		t.Fatalf("markets by id: %v %v", es, pt)
	}
	if pt.Name != "Portugal" || pt.Locale != "pt-PT" || pt.TimeZone != "Europe/Lisbon" || pt.Location.String() != "Europe/Lisbon" {
		t.Errorf("pt-pt: %+v", pt)
	}
	if pt.Pos.String() != "playbooks/manual.yaml:26:5" || es.Pos.String() != "playbooks/manual.yaml:21:5" {
		t.Errorf("positions %s %s", es.Pos, pt.Pos)
	}
	if pt.Values["support_phone"] != "800 100 200" || pt.ValuesAt["support_phone"].String() != "playbooks/manual.yaml:31:22" {
		t.Errorf("pt-pt values %v at %v", pt.Values, pt.ValuesAt)
	}
	if es.ValuesAt["support_phone"].String() != "playbooks/manual.yaml:25:29" || es.At.Get("timezone").String() != "playbooks/manual.yaml:24:15" {
		t.Errorf("es-es at %v %v", es.ValuesAt, es.At)
	}
	if !m.Variables[0].PerMarket {
		t.Error("support_phone is not per market")
	}
	if a := m.Audiences[0].Markets; len(a) != 2 || a[1].ID != "pt-pt" || a[1].Pos.String() != "playbooks/manual.yaml:8:46" {
		t.Errorf("customers markets %+v", a)
	}
	if c := m.Channels[1].Markets; len(c) != 1 || c[0].ID != "pt-pt" || c[0].Pos.String() != "playbooks/manual.yaml:12:100" {
		t.Errorf("sms markets %+v", c)
	}
	if at := m.Locales.DrillMarksAt["pt"]; m.Locales.DrillMarks["pt"] != "[EXERCÍCIO]" || at.String() != "playbooks/manual.yaml:6:63" {
		t.Errorf("drill marks %v at %v", m.Locales.DrillMarks, at)
	}
	// The channel that names its markets reaches those; one that does
	// not, every market; readers are those reading the locale.
	if got := m.ChannelMarkets(&m.Channels[1]); len(got) != 1 || got[0].ID != "pt-pt" {
		t.Errorf("sms reaches %v", got)
	}
	if got := m.Readers(&m.Channels[0], "es"); len(got) != 1 || got[0].ID != "es-es" {
		t.Errorf("fb readers of es: %v", got)
	}
	if got := m.Readers(&m.Channels[1], "es"); len(got) != 0 {
		t.Errorf("sms readers of es: %v", got)
	}
	// A channel that names no markets reaches those its audiences live
	// in; an audience that names none lives in every market.
	m.Audiences[0].Markets = m.Audiences[0].Markets[1:] // customers: pt-pt only
	if got := m.ChannelMarkets(&m.Channels[0]); len(got) != 1 || got[0].ID != "pt-pt" {
		t.Errorf("fb, to customers in pt-pt, reaches %v", got)
	}
	m.Channels[1].Markets = nil // sms, to customers and staff
	if got := m.ChannelMarkets(&m.Channels[1]); len(got) != 2 {
		t.Errorf("sms, to customers and staff, reaches %v; want every market", got)
	}
}

func TestDrillMarks(t *testing.T) {
	m, _ := load(t, marketFiles())
	for loc, want := range map[string]string{"pt": "[EXERCÍCIO]", "pt-PT": "[EXERCÍCIO]", "es": "[SIMULACRO]", "pl": "[ĆWICZENIA]", "en-GB": "[DRILL]", "xx": "[DRILL]"} {
		if got := m.DrillMark(loc); got != want {
			t.Errorf("%s: %q, want %q", loc, got, want)
		}
	}
	// Built in: Portugal's word, not Brazil's.
	if got := DefaultDrillMark("pt"); got != "[SIMULACRO]" {
		t.Errorf("pt default %q", got)
	}
}

// Each part of markets is refused in a 1.0 file, at its key.
func TestMarketsNeed11(t *testing.T) {
	files := marketFiles()
	files[ManualFile] = strings.Replace(marketManual, "crisis: 1.1", "crisis: 1", 1)
	_, diags := load(t, files)
	want := []string{
		"playbooks/manual.yaml:6:45: error: locales.drill_marks is part of format 1.1",
		"playbooks/manual.yaml:8:29: error: markets of an audience is part of format 1.1",
		"playbooks/manual.yaml:12:90: error: markets of a channel is part of format 1.1",
		"playbooks/manual.yaml:19:90: error: per_market is part of format 1.1",
		"playbooks/manual.yaml:20:1: error: markets is part of format 1.1",
	}
	for _, w := range want {
		if !containsDiag(diags, w) {
			t.Errorf("no %q in\n%s", w, strings.Join(diags, "\n"))
		}
	}
	if len(diags) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(diags), len(want), strings.Join(diags, "\n"))
	}
}

func TestMarketErrors(t *testing.T) {
	for _, tt := range []struct{ from, to, want string }{
		{"timezone: Europe/Lisbon", "timezone: Europe/Lisboa",
			`playbooks/manual.yaml:29:15: error: unknown time zone "Europe/Lisboa" [CR003]`},
		{"locale: pt-PT", "locale: portugal-pt",
			`playbooks/manual.yaml:28:13: error: market locale "portugal-pt" is not a language tag [CR003]`},
		{"  - id: pt-pt", "  - id: es-es",
			`playbooks/manual.yaml:26:5: error: market "es-es" is declared twice [CR004]`},
		{"markets: [pt-pt]", "markets: [pt]",
			`playbooks/manual.yaml:12:100: error: unknown market "pt" [CR005]`},
		{"markets: [es-es, pt-pt]", "markets: [es-es, sms]",
			`playbooks/manual.yaml:8:46: error: unknown market "sms" [CR005]`},
		{"      support_phone: \"800", "      support-phone: \"800",
			`playbooks/manual.yaml:31:7: error: "support-phone" is not a variable name [CR003]`},
		{"  - id: pt-pt\n    name: Portugal\n", "  - id: pt-pt\n",
			`playbooks/manual.yaml:26:5: error: missing required key "name" [CR006] (add name: Portugal)`},
		{"drill_marks: {pt: \"[EXERCÍCIO]\"}", "drill_marks: {pt: \" \"}",
			`playbooks/manual.yaml:6:63: error: the drill mark of pt is empty [CR006]`},
		{"    values:\n      support_phone: \"800 100 200\"\n", "    values: [800 100 200]\n",
			`playbooks/manual.yaml:30:13: error: values must be a mapping, found a list [CR003]`},
	} {
		diags := loadEditedIn(t, marketFiles(), ManualFile, tt.from, tt.to)
		if !containsDiag(diags, tt.want) {
			t.Errorf("%s -> %s: no %q in\n%s", tt.from, tt.to, tt.want, strings.Join(diags, "\n"))
		}
	}
}

// per_market is the manual's: a playbook's variable has one value.
func TestPerMarketInPlaybook(t *testing.T) {
	files := marketFiles()
	files["playbooks/fb-down.yaml"] += "variables:\n  - {name: store, description: the store, example: Campanar, per_market: true}\n"
	_, diags := load(t, files)
	want := "playbooks/fb-down.yaml:20:62: error: per_market is for the manual's variables [CR003]"
	if !containsDiag(diags, want) {
		t.Errorf("no %q in\n%s", want, strings.Join(diags, "\n"))
	}
}
