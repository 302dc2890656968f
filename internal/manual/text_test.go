package manual

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// manyMistakes is a manual making most of the mistakes the loader reports
// past the first file's parse: ids, references, translations, targets.
var manyMistakes = fstest.MapFS{
	"playbooks/manual.yaml": {Data: []byte(`crisis: 1
kind: manual
organisation: Acme
version: "1"
timezone: Mars/Olympus
locales: {default: en, supported: [es, fr]}
approval: {approved_by: [nobody], approved_on: 2026-13-01, review_every: 10 days}
audiences:
  - {id: customers, description: Buyers}
  - {id: customers, description: Again}
domains: [{id: meta, description: Meta}]
channels:
  - id: page
    kind: facebok
    audiences: [customers, ana]
    domain: metaa
    owner: lead
    target: {provider: x, secret: {env: 1BAD, file: x}, options: [a]}
roles: [{id: lead, title: Lead, person: ana, deputies: []}]
people:
  - {id: ana, name: Ana, contacts: [{via: pigeon, value: "1"}]}
variables:
  - {name: Bad-Name, description: d, example: e, max_length: 99999}
  - {name: organisation, description: d, example: e}
  - {name: x, description: d, example: e, required: maybe, type: colour}
`)},
	"playbooks/Bad_Name.yaml": {Data: []byte("crisis: 2\nkind: playbook\n")},
	"playbooks/fb.yaml": {Data: []byte(`crisis: 1
kind: playbook
title: T
severity: high
detection: D
spokesperson: lead
approver: nobody
down: {}
fallbacks: {customers: page, customers: [page]}
steps:
  - {id: a, title: A, owner: lead, deadline: 5m, ownr: x, deadline: 6m}
  - id: b
    title: "\e[2J"
    owner: lead
    deadline: soon
    announce: [{message: nope, audiences: [customers], channels: [page]}]
`)},
	"playbooks/fb.es.yaml":    {Data: []byte("crisis: 1\nkind: translation\nsteps: {zz: {title: Z}}\nfollow_up: []\ndrill: {injects: [{event: e}]}\n")},
	"playbooks/ghost.es.yaml": {Data: []byte("crisis: 1\nkind: translation\n")},
	"playbooks/x.YAML":        {Data: []byte("x")},
	"playbooks/sub/y.yaml":    {Data: []byte("x")},
	"templates/es.yaml":       {Data: []byte("hello: {default: {one: Hi}}\nbye: Bye\nwave.tiktak: W\nhi.default.bogus: H\n")},
	"templates/de.yaml":       {Data: []byte("a: [1]\n")},
	"templates/xx_y.yaml":     {Data: []byte("a: b\n")},
}

// leadPlaybookHead is the head of the playbooks of mistakes11 and
// features11, whose mistakes are in what follows it: a playbook with no
// fault of its own that the lead speaks for and approves.
const leadPlaybookHead = `kind: playbook
title: T
severity: high
detection: D
spokesperson: lead
approver: lead
`

// mistakes11 makes the mistakes of format 1.1's markets, cadences and
// decisions.
var mistakes11 = fstest.MapFS{
	"playbooks/manual.yaml": {Data: []byte(`crisis: 1.1
kind: manual
organisation: Acme
version: "1"
timezone: Europe/Madrid
locales: {default: es, supported: [es], drill_marks: {es: " "}}
approval: {approved_by: [ana], approved_on: 2026-10-01, review_every: 180d}
audiences: [{id: customers, description: Buyers}]
domains: [{id: meta, description: Meta}]
channels:
  - {id: page, kind: facebook, audiences: [customers], domain: meta, owner: lead}
roles: [{id: lead, title: Lead, person: ana}]
people: [{id: ana, name: Ana, contacts: [{via: phone, value: "1"}]}]
variables:
  - {name: support_phone, description: d, example: e, per_market: true}
markets:
  - {id: es-es, timezone: Europe/Madrid}
  - {id: pt-pt, name: Portugal, locale: "not a tag", timezone: Mars/Olympus, values: [a]}
  - id: es-ic
    name: Canarias
    locale: es-ES
    timezone: Atlantic/Canary
    values: {support_phone: "1", support_phone: "2", Bad-Name: x}
    values_typo: x
`)},
	"playbooks/fb.yaml": {Data: []byte("crisis: 1.1\n" + leadPlaybookHead + `variables:
  - {name: local, description: d, example: e, per_market: true}
updates: []
steps:
  - {id: a, title: A, owner: lead, deadline: 5m, options: [{id: x, title: X}, {id: y, title: Y}]}
  - {id: b, title: B, kind: decision, owner: lead, deadline: 5m}
  - {id: c, title: C, kind: decision, owner: lead, deadline: 5m, options: []}
  - {id: d, title: D, kind: decision, owner: lead, deadline: 5m, options: [{id: x, title: X}]}
  - id: e
    title: E
    kind: decision
    owner: lead
    deadline: 5m
    options:
      - {id: x, title: X, next: a, escalate: other}
      - {id: x, title: X2}
      - {id: y, title: Y, next: later}
follow_up:
  - {id: later, title: L, kind: decision, owner: lead, options: [{id: x, title: X}, {id: y, title: Y}]}
`)},
	"playbooks/fb.en.yaml": {Data: []byte(`crisis: 1.1
kind: translation
steps:
  d: {title: D, options: [x]}
  e: {title: E, options: {Bad_Id: X, x: X, x: Y}}
`)},
	"playbooks/up.yaml": {Data: []byte("crisis: 1.1\n" + leadPlaybookHead + `updates:
  - {id: c, every: 60m, phases: [{every: 20m}], message: m, audiences: [customers], channels: [page]}
  - {id: c, every: 60m, message: m, audiences: [customers], channels: [page]}
steps:
  - {id: a, title: A, owner: lead, deadline: 5m}
`)},
	"templates/es.yaml": {Data: []byte("m: {default: {other: M}}\n")},
}

// features11 uses format 1.1's cadences, visibility, replies and markets
// in files that say crisis: 1.
var features11 = fstest.MapFS{
	"playbooks/manual.yaml": {Data: []byte(`crisis: 1
kind: manual
organisation: Acme
version: "1"
timezone: Europe/Madrid
locales: {default: es, supported: [es]}
approval: {approved_by: [ana], approved_on: 2026-10-01, review_every: 180d}
audiences: [{id: customers, description: Buyers, visibility: public, markets: [es-es]}]
domains: [{id: meta, description: Meta}]
channels:
  - {id: page, kind: facebook, audiences: [customers], domain: meta, owner: lead, markets: [es-es]}
roles: [{id: lead, title: Lead, person: ana}]
people: [{id: ana, name: Ana, contacts: [{via: phone, value: "1"}]}]
replies: [{id: sorry, message: m}]
`)},
	"playbooks/fb.yaml": {Data: []byte("crisis: 1\n" + leadPlaybookHead + `updates: [{id: c, every: 60m, message: m, audiences: [customers], channels: [page]}]
steps:
  - {id: a, title: A, owner: lead, deadline: 5m, replies: [sorry]}
`)},
	"playbooks/up.yaml": {Data: []byte("crisis: 1\n" + leadPlaybookHead + `updates: {id: c, every: 60m, message: m, audiences: [customers], channels: [page]}
steps:
  - {id: a, title: A, owner: lead, deadline: 5m}
`)},
	"templates/es.yaml": {Data: []byte("m: {default: {other: M}}\n")},
}

// TestFindingsInEveryLanguage loads manuals full of mistakes and shows
// each finding in every interface language: every one must be a catalogue
// text (an id the catalogue lacks would show as the id itself), filled
// (no "<no value>"), and, but for words kept as written, not English.
func TestFindingsInEveryLanguage(t *testing.T) {
	corpus := map[string]fs.FS{"many": manyMistakes, "many11": mistakes11, "features11": features11}
	root := filepath.Join("..", "..", "testdata", "broken")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(root, e.Name(), "want.txt")); err == nil && e.Name() != "huge-file" {
			corpus[e.Name()] = os.DirFS(filepath.Join(root, e.Name()))
		}
	}
	rules, ids := map[string]bool{}, map[string]bool{}
	for name, fsys := range corpus {
		_, diags, err := Load(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			rules[d.Rule] = true
			if d.Text == nil {
				t.Errorf("%s: %s has no catalogue text: %s", name, d.Rule, d.Error())
				continue
			}
			ids[d.Text.Message] = true
			for _, tag := range lang.Supported {
				msg, hint := d.Shown(lang.For(tag))
				for _, s := range []string{msg, hint} {
					if strings.HasPrefix(s, "loader.") || strings.Contains(s, "<no value>") || strings.Contains(s, "%!") {
						t.Errorf("%s %s: %q (%s)", name, tag, s, d.Text.Message)
					}
				}
				if msg == "" {
					t.Errorf("%s %s: %s has no message", name, tag, d.Text.Message)
				}
				if tag != language.English && msg == d.Message && d.Text.Message != "loader.error" {
					t.Errorf("%s %s: %q is not translated", name, tag, msg)
				}
				if tag != language.English && hint != "" && hint == d.Hint {
					t.Errorf("%s %s: hint %q is not translated", name, tag, hint)
				}
			}
		}
	}
	for _, r := range []string{RuleSyntax, RuleUnknownKey, RuleType, RuleDuplicate, RuleDangling, RuleMissing, RuleFile, RuleVersion, RuleControl} {
		if !rules[r] {
			t.Errorf("no finding of %s in the corpus: the test no longer covers it", r)
		}
	}
	// Format 1.1's findings: markets, cadences, decisions, and 1.1 keys in
	// a 1.0 file.
	for _, id := range []string{"loader.cadence-none", "loader.twice.cadence", "loader.every-and-phases",
		"loader.options-not-decision", "loader.decision-no-options", "loader.decision-none-listed", "loader.decision-one-option",
		"loader.next-and-escalate", "loader.decision-option-twice", "loader.follow-up-decision", "loader.option-next",
		"loader.option-titles", "loader.bad-id", "loader.option-translated-twice",
		"loader.missing-key", "loader.market-locale", "loader.time-zone", "loader.not-mapping", "loader.value-twice",
		"loader.not-variable-name", "loader.drill-mark-empty", "loader.per-market", "loader.since-1.1"} {
		if !ids[id] {
			t.Errorf("no finding %s in the corpus: the test no longer covers it", id)
		}
	}
}

// TestFindingText checks a finding's English (what scripts and tests
// read) and its Spanish and Polish, written by hand.
func TestFindingText(t *testing.T) {
	_, diags, err := Load(manyMistakes, "many")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]string{
		"many/playbooks/fb.yaml:11:50":     {`unknown key "ownr" in a step`, `clave desconocida "ownr" en un paso`, `nieznany klucz "ownr" w kroku`},
		"many/playbooks/manual.yaml:14:11": {`unknown channel kind "facebok"`, `tipo de canal desconocido "facebok"`, `nieznany rodzaj kanału "facebok"`},
		"many/playbooks/manual.yaml:16:13": {`unknown failure domain "metaa"`, `dominio de fallo desconocido "metaa"`, `nieznana domena awarii "metaa"`},
	}
	found := 0
	for _, d := range diags {
		d.Pos.File = "many/" + d.Pos.File
		w, ok := want[d.Pos.String()]
		if !ok {
			continue
		}
		found++
		es, _ := d.Shown(lang.For(language.Spanish))
		pl, _ := d.Shown(lang.For(language.Polish))
		if got := [3]string{d.Message, es, pl}; got != w {
			t.Errorf("%s: %q, want %q", d.Pos, got, w)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d findings", found, len(want))
	}
}

// TestFindingPlurals checks a counted finding in Polish, as Polish counts:
// 1 zdarzenie, 2 zdarzenia, 5 zdarzeń, 12 zdarzeń, 22 zdarzenia, 25 zdarzeń.
func TestFindingPlurals(t *testing.T) {
	pl := lang.For(language.Polish)
	want := map[int]string{1: "1 zdarzenie ćwiczeniowe", 2: "2 zdarzenia ćwiczeniowe", 5: "5 zdarzeń ćwiczeniowych",
		12: "12 zdarzeń ćwiczeniowych", 22: "22 zdarzenia ćwiczeniowe", 25: "25 zdarzeń ćwiczeniowych"}
	for n, w := range want {
		d := diagnostic(Pos{}, RuleDangling, diag.Error, sayN("loader.inject-extra", n, args{"File": "f.yaml", "Number": n + 1}), nil)
		if got, _ := d.Shown(pl); !strings.Contains(got, "f.yaml ma "+w+";") {
			t.Errorf("pl %d: %q, want %q", n, got, w)
		}
	}
	pt := lang.For(language.Portuguese)
	for n, w := range map[int]string{0: "tem 0 estímulos", 1: "tem 1 estímulo de", 2: "tem 2 estímulos"} {
		d := diagnostic(Pos{}, RuleDangling, diag.Error, sayN("loader.inject-extra", n, args{"File": "f.yaml", "Number": n + 1}), nil)
		if got, _ := d.Shown(pt); !strings.Contains(got, w) {
			t.Errorf("pt %d: %q, want %q", n, got, w)
		}
	}
}

// TestStepFindingText checks the findings about step ids (a step given
// twice, updates after a step the playbook lacks) in every language: the
// step is named in the reader's words, not as the English "step".
func TestStepFindingText(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "broken", "duplicate-step-id")
	fsys := fstest.MapFS{}
	for _, f := range []string{"playbooks/manual.yaml", "playbooks/facebook-down.yaml", "templates/es.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		fsys[f] = &fstest.MapFile{Data: data}
	}
	pb := fsys["playbooks/facebook-down.yaml"]
	pb.Data = append(pb.Data, "  after: confrim\n"...)
	_, diags, err := Load(fsys, "dup")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]string{
		"playbooks/facebook-down.yaml:20:5": {
			`step "confirm" is declared twice`,
			`el paso "confirm" está declarado dos veces`,
			`krok "confirm" jest zadeklarowany dwa razy`,
			`o passo "confirm" está declarado duas vezes`,
		},
		"playbooks/facebook-down.yaml:43:10": {
			`unknown step "confrim"; did you mean "confirm"?`,
			`paso desconocido "confrim"; ¿quizá "confirm"?`,
			`nieznany krok "confrim"; czy chodziło o "confirm"?`,
			`passo desconhecido "confrim"; queria dizer "confirm"?`,
		},
	}
	found := 0
	for _, d := range diags {
		w, ok := want[d.Pos.String()]
		if !ok {
			continue
		}
		found++
		var got [4]string
		for i, tag := range []language.Tag{language.English, language.Spanish, language.Polish, language.Portuguese} {
			msg, hint := d.Shown(lang.For(tag))
			if hint != "" && d.Rule == RuleDangling {
				msg += "; " + hint
			}
			got[i] = msg
		}
		if got != w {
			t.Errorf("%s: %q, want %q", d.Pos, got, w)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d findings", found, len(want))
	}
}
