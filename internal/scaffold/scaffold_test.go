package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/lint"
	"github.com/crisis-cli/crisis/internal/manual"
)

var today = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// whatsappShop is a small shop that lives on WhatsApp and Instagram, with
// e-mail and a phone, run by one person.
func whatsappShop() Options {
	return Options{
		Organisation: "Panadería Lola",
		Timezone:     "Europe/Madrid",
		Locale:       "es",
		Audiences:    []string{"customers"},
		Channels:     []string{"whatsapp", "instagram", "email", "phone"},
		Spokesperson: Person{Name: "Lola Jiménez", Phone: "+34 600 100 200", Email: "lola@panaderialola.example"},
		Small:        true,
		Today:        today,
	}
}

// retailer is an organisation with staff, deputies and every channel.
func retailer(locale string, others ...string) Options {
	return Options{
		Organisation:       "Ríoverde Hogar",
		Timezone:           "Europe/Madrid",
		Locale:             locale,
		Others:             others,
		Audiences:          AudienceIDs(),
		Channels:           ChannelIDs(),
		Spokesperson:       Person{Name: "Lucía Moreno", Phone: "+34 600 100 003", Email: "lucia@rioverde.example"},
		SpokespersonDeputy: Person{Name: "Javier Ortega", Phone: "+34 600 100 004"},
		Approver:           Person{Name: "Carmen Vidal", Phone: "+34 600 100 001"},
		ApproverDeputy:     Person{Name: "Tomás Ferrer", Phone: "+34 600 100 002"},
		Today:              today,
	}
}

// lintInit writes a manual with Init and lints it as `crisis lint` does,
// with the manual's own .crisis.yaml, and returns the findings as text.
func lintInit(t *testing.T, o Options) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	files, err := Init(dir, o)
	if err != nil {
		t.Fatalf("Init: %v", err)
	}
	var cfg lint.Config
	if data, err := os.ReadFile(filepath.Join(dir, ".crisis.yaml")); err == nil {
		if cfg, err = lint.ReadConfig(".crisis.yaml", data); err != nil {
			t.Fatal(err)
		}
	}
	_, res, err := lint.Run(os.DirFS(dir), dir, lint.Options{Now: func() time.Time { return today.Add(36 * time.Hour) }, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, d := range res.Findings {
		found = append(found, d.Error())
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	return strings.Join(found, "\n"), paths
}

func TestWhatsAppShopGetsMetaPlaybooksAndLintsClean(t *testing.T) {
	found, files := lintInit(t, whatsappShop())
	if found != "" {
		t.Errorf("lint found:\n%s", found)
	}
	want := []string{
		"playbooks/manual.yaml",
		"playbooks/whatsapp-down.yaml", "playbooks/instagram-down.yaml", "playbooks/meta-outage.yaml",
		"playbooks/email-down.yaml",
		"templates/es.yaml",
		".crisis.yaml",
		".crisis/schema/manual.schema.json", ".crisis/schema/messages.schema.json", ".crisis/schema/playbook.schema.json",
		".crisis/schema/translation.schema.json",
	}
	if !slices.Equal(files, want) {
		t.Errorf("files:\n got %q\nwant %q", files, want)
	}
}

func TestEveryLocaleLintsClean(t *testing.T) {
	for _, l := range Locales() {
		var others []string
		for _, o := range Locales() {
			if o != l {
				others = append(others, o)
			}
		}
		t.Run(l, func(t *testing.T) {
			if found, _ := lintInit(t, retailer(l, others...)); found != "" {
				t.Errorf("lint found:\n%s", found)
			}
		})
	}
}

// TestChannelChoicesLintClean tries every single public channel with each
// staff channel, and a few mixes, for a small and a large organisation.
func TestChannelChoicesLintClean(t *testing.T) {
	sets := [][]string{
		{"whatsapp", "sms"}, {"instagram", "email"}, {"facebook", "x", "website", "status-page"},
		{"telegram", "email"}, {"x", "phone"}, {"website", "phone"},
		{"whatsapp", "instagram", "facebook", "x", "telegram", "email", "sms", "phone", "website", "status-page"},
	}
	for _, set := range sets {
		small := whatsappShop()
		small.Channels = set
		small.Locale, small.Others = "pl", []string{"pt"}
		t.Run("small/"+strings.Join(set, "+"), func(t *testing.T) {
			if found, _ := lintInit(t, small); found != "" {
				t.Errorf("lint found:\n%s", found)
			}
		})
		// Staff e-mail alone fails with e-mail: Validate refuses it (below).
		for _, staff := range [][]string{{"staff-chat"}, {"staff-sms"}, {"staff-email", "staff-sms"}} {
			big := retailer("en", "es")
			big.Audiences = []string{"customers", "staff"}
			big.Channels = append(slices.Clone(set), staff...)
			t.Run(strings.Join(staff, "+")+"/"+strings.Join(set, "+"), func(t *testing.T) {
				if found, _ := lintInit(t, big); found != "" {
					t.Errorf("lint found:\n%s", found)
				}
			})
		}
	}
}

func TestCommentsInTheChosenLocale(t *testing.T) {
	files, err := Files(whatsappShop())
	if err != nil {
		t.Fatal(err)
	}
	manual := string(files[0].Data)
	for _, want := range []string{
		"# yaml-language-server: $schema=../.crisis/schema/manual.schema.json\n",
		"# Manual de crisis de Panadería Lola.",
		"# Quién habla y quién aprueba.",
		"organisation: Panadería Lola\n",
	} {
		if !strings.Contains(manual, want) {
			t.Errorf("manual.yaml lacks %q:\n%s", want, manual)
		}
	}
}

func TestRefusesChoicesThatWouldFailLint(t *testing.T) {
	for name, c := range map[string]struct {
		change func(*Options)
		want   string
	}{
		"meta only": {func(o *Options) { o.Channels = []string{"whatsapp", "instagram"} },
			"when whatsapp-down happens, customers have no channel left that does not fail with it (meta): add one of x, telegram, email, sms, phone, website, status-page"},
		"no deputy": {func(o *Options) {
			o.Small = false
			o.Audiences = []string{"customers", "staff"}
			o.Channels = append(o.Channels, "staff-sms")
		},
			"each need a deputy"},
		"no staff": {func(o *Options) { o.Small = false; o.SpokespersonDeputy = Person{Name: "Ana"} }, "no staff audience"},
		"own deputy": {func(o *Options) { o.SpokespersonDeputy = Person{Name: "lola jimenez"} },
			"Lola Jiménez cannot be their own deputy as spokesperson"},
		"staff unreached": {func(o *Options) { o.Audiences = []string{"customers", "staff"} }, "no channel reaches staff: add one of staff-chat, staff-sms, staff-email"},
		"staff only by e-mail": {func(o *Options) {
			o.Audiences = []string{"customers", "staff"}
			o.Channels = append(o.Channels, "staff-email")
		},
			"when email-down happens, staff have no channel left that does not fail with it (email): add one of staff-chat, staff-sms"},
		"no playbook fits": {func(o *Options) { o.Channels = []string{"telegram", "phone"} }, "no playbook fits these channels yet"},
		"bad zone":         {func(o *Options) { o.Timezone = "Madrid" }, `time zone "Madrid" is not an IANA zone name`},
		"bad locale":       {func(o *Options) { o.Others = []string{"de"} }, `locale "de" has no texts yet; choose among es, en, pl, pt`},
		"bad channel":      {func(o *Options) { o.Channels = append(o.Channels, "fax") }, `unknown channel "fax"`},
	} {
		t.Run(name, func(t *testing.T) {
			o := whatsappShop()
			c.change(&o)
			_, err := Files(o)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestWriteRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	mine := []byte("mine: true\n")
	if err := os.WriteFile(filepath.Join(dir, "templates", "es.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Init(dir, whatsappShop())
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "templates/es.yaml already exists; nothing was written") {
		t.Fatalf("error %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "playbooks")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("playbooks/ was written beside an existing file: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "templates", "es.yaml")); string(got) != string(mine) {
		t.Errorf("templates/es.yaml was overwritten: %q", got)
	}
}

func TestParsePerson(t *testing.T) {
	p, err := ParsePerson("Ana Ruiz, ana@shop.example, +34 600 000 000")
	if err != nil || p != (Person{"Ana Ruiz", "+34 600 000 000", "ana@shop.example"}) {
		t.Errorf("got %+v, %v", p, err)
	}
	if _, err := ParsePerson("Ana Ruiz, tomorrow"); err == nil {
		t.Error("a field that is neither a phone nor an e-mail was accepted")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Lucía Moreno": "lucia-moreno", "Łukasz Wąs": "lukasz-was", "João  Gonçalves (CEO)": "joao-goncalves-ceo", "Groß": "gross"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScenarioPlaybookAddsWhatInitWouldHave: a manual whose X channel came
// after init gets x-down from `crisis new playbook x-down`: the same
// playbook init writes, its messages in every language, and no finding.
func TestScenarioPlaybookAddsWhatInitWouldHave(t *testing.T) {
	o := retailer("pl", "es", "pt")
	o.Channels = []string{"whatsapp", "x", "email", "sms", "phone", "staff-chat"}
	full := newModel(&o)
	before := newModel(&o)
	before.scenarios = slices.DeleteFunc(before.scenarios, func(s scenario) bool { return s.id == "x-down" })
	dir := t.TempDir()
	files := []File{{"playbooks/manual.yaml", before.manualFile()}}
	for _, s := range before.scenarios {
		files = append(files, File{"playbooks/" + s.id + ".yaml", before.playbookFile(s)})
	}
	for _, l := range before.locales {
		files = append(files, File{"templates/" + l + ".yaml", before.templateFile(l)})
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	m, _, err := manual.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	written, err := ScenarioPlaybook(dir, m, "x-down")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"playbooks/x-down.yaml", "templates/pl.yaml", "templates/es.yaml", "templates/pt.yaml"}
	if !slices.Equal(written, want) {
		t.Errorf("wrote %q, want %q", written, want)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "playbooks", "x-down.yaml"))
	if i := slices.IndexFunc(full.scenarios, func(s scenario) bool { return s.id == "x-down" }); string(got) != string(full.playbookFile(full.scenarios[i])) {
		t.Errorf("x-down.yaml differs from init's:\n%s", got)
	}
	_, res, err := lint.Run(os.DirFS(dir), dir, lint.Options{Now: func() time.Time { return today.Add(time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Findings {
		t.Errorf("lint: %s", d.Error())
	}

	// Twice: refused, and nothing changes.
	es, _ := os.ReadFile(filepath.Join(dir, "templates", "es.yaml"))
	if m, _, err = manual.Load(os.DirFS(dir), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := ScenarioPlaybook(dir, m, "x-down"); err == nil || !strings.Contains(err.Error(), "playbook x-down already exists") {
		t.Errorf("a second x-down: %v", err)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "templates", "es.yaml")); string(again) != string(es) {
		t.Error("a refused x-down changed templates/es.yaml")
	}
	for id, want := range map[string]string{
		"website-down": "website-down is about channels of kind website-banner, and the manual has none",
		"store-fire":   "for store-fire, start from a playbook the manual has: --like OTHER",
	} {
		if _, err := ScenarioPlaybook(dir, m, id); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", id, err, want)
		}
	}
}
