package render_test

import (
	"errors"
	"flag"
	"fmt"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/goldentest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
	"github.com/crisis-cli/crisis/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// clock is the fixed incident time every golden file is rendered at.
var clock = render.Clock{
	Start:      time.Date(2026, 11, 23, 1, 43, 15, 0, time.UTC),
	NextUpdate: time.Date(2026, 11, 23, 2, 43, 15, 0, time.UTC),
}

func example(t *testing.T) (*manual.Manual, *message.Catalog) { return exampletest.Load(t) }

func playbook(t *testing.T, m *manual.Manual, id string) *manual.Playbook {
	t.Helper()
	p := m.Playbook(id)
	if p == nil {
		t.Fatalf("the example manual has no playbook %s", id)
	}
	return p
}

// unbounded lifts a variable's max_length, which Values enforces, for tests
// that need longer values than the example manual allows.
func unbounded(t *testing.T, m *manual.Manual, playbook, name string) {
	t.Helper()
	v := m.Variable(m.Playbook(playbook), name)
	if v == nil {
		t.Fatalf("%s declares no %s", playbook, name)
	}
	v.MaxLength = 0
}

// dump writes announcements as readable text, one block each, with every
// field a reviewer of the golden file needs.
func dump(anns []render.Announcement) string {
	b := &strings.Builder{}
	for _, a := range anns {
		fmt.Fprintf(b, "== step %s · message %s · channel %s (%s) · locale %s\n", a.Step, a.Message, a.Channel, a.Kind, a.Locale)
		fmt.Fprintf(b, "audience: %s\n", a.Audience)
		if a.LocaleUsed != "" {
			fmt.Fprintf(b, "locale used: %s (chain %s)\n", a.LocaleUsed, strings.Join(a.Chain, " -> "))
		}
		if a.Subject != "" {
			fmt.Fprintf(b, "subject: %s\n", a.Subject)
			if sm := a.SubjectMeasure; sm != nil {
				fmt.Fprintf(b, "subject length: %d/%d %s fits=%t\n", sm.Length, sm.Limit, sm.Unit, sm.Fits)
			}
		}
		fmt.Fprintf(b, "text: %s\n", a.Text)
		fmt.Fprintf(b, "length: %d/%d %s fits=%t", a.Length, a.Limit, a.Unit, a.Fits)
		if a.Encoding != "" {
			fmt.Fprintf(b, " encoding=%s segments=%d", a.Encoding, a.Segments)
		}
		if len(a.Forcing) > 0 {
			fmt.Fprintf(b, " forcing=%q", a.Forcing)
		}
		b.WriteString("\n")
		for _, p := range a.Problems {
			fmt.Fprintf(b, "problem: %s\n", p)
		}
		for _, w := range a.Warnings {
			fmt.Fprintf(b, "warning: %s\n", w)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestGoldenPlaybooks renders every playbook of the example manual in every
// locale and channel, with the variables' examples.
func TestGoldenPlaybooks(t *testing.T) {
	m, cat := example(t)
	if len(m.Playbooks) == 0 {
		t.Fatal("the example manual has no playbooks")
	}
	for _, p := range m.Playbooks {
		t.Run(p.ID, func(t *testing.T) {
			anns, err := render.Playbook(m, cat, p, render.Options{Examples: true, Clock: clock})
			if err != nil {
				t.Fatal(err)
			}
			if len(anns) == 0 {
				t.Fatal("nothing rendered")
			}
			goldentest.Check(t, filepath.Join("testdata", p.ID+".golden"), []byte(dump(anns)), *update)
		})
	}
}

func TestFilters(t *testing.T) {
	m, cat := example(t)
	tests := []struct {
		name     string
		playbook string
		opts     render.Options
		steps    []string // the steps rendered, in order of first appearance
		channels []string // the channels rendered, sorted
	}{
		{"one step", "facebook-down", render.Options{Step: "holding"},
			[]string{"holding"}, []string{"email-customers", "slack-staff", "sms-staff", "status-page", "status-page-pe", "telegram-channel", "website-banner", "x"}},
		{"the update cadence", "facebook-down", render.Options{Step: render.UpdatesStep},
			[]string{"updates"}, []string{"slack-staff", "status-page", "status-page-pe", "telegram-channel", "website-banner", "x"}},
		{"channel by id", "meta-outage", render.Options{Channels: []string{"x"}},
			[]string{"holding", "press", "all-clear", "updates"}, []string{"x"}},
		{"channel by kind", "meta-outage", render.Options{Channels: []string{"sms"}},
			[]string{"holding", "phone-and-sms", "all-clear"}, []string{"sms-customers", "sms-customers-pe", "sms-customers-pl", "sms-customers-pt", "sms-staff"}},
		{"step and channel", "meta-outage", render.Options{Step: "holding", Channels: []string{"sms", "status-page"}},
			[]string{"holding"}, []string{"sms-staff", "status-page", "status-page-pe"}},
		{"no such channel", "meta-outage", render.Options{Channels: []string{"carrier-pigeon"}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Examples, opts.Clock, opts.Locales = true, clock, []string{"es"}
			anns, err := render.Playbook(m, cat, playbook(t, m, tt.playbook), opts)
			if err != nil {
				t.Fatal(err)
			}
			var steps, channels []string
			for _, a := range anns {
				if !slices.Contains(steps, a.Step) {
					steps = append(steps, a.Step)
				}
				channels = append(channels, a.Channel)
			}
			slices.Sort(channels)
			channels = slices.Compact(channels)
			if !slices.Equal(steps, tt.steps) || !slices.Equal(channels, tt.channels) {
				t.Errorf("rendered steps %v on %v, want %v on %v", steps, channels, tt.steps, tt.channels)
			}
		})
	}
}

func TestUnknownStep(t *testing.T) {
	m, cat := example(t)
	_, err := render.Playbook(m, cat, playbook(t, m, "facebook-down"), render.Options{Step: "nope", Examples: true, Clock: clock})
	if err == nil {
		t.Fatal("want an error for an unknown step")
	}
	for _, want := range []string{`no step "nope"`, "confirm", "holding", "all-clear", render.UpdatesStep} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// TestMissingVariables: every required variable without a value is named
// at once, with its description and example, not one per attempt.
func TestMissingVariables(t *testing.T) {
	m, cat := example(t)
	tests := []struct {
		name     string
		playbook string
		vars     map[string]string
		want     []string
	}{
		{"all five missing", "store-closure", nil, []string{"map_url", "nearest_closes", "nearest_opens", "nearest_store", "store_name"}},
		{"one given", "store-closure", map[string]string{"store_name": "Valencia Centro"}, []string{"map_url", "nearest_closes", "nearest_opens", "nearest_store"}},
		{"platform", "facebook-down", nil, []string{"platform"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := render.Playbook(m, cat, playbook(t, m, tt.playbook), render.Options{Vars: tt.vars, Clock: clock})
			var missing *message.MissingError
			if !errors.As(err, &missing) {
				t.Fatalf("want a *message.MissingError, got %v", err)
			}
			var names []string
			for _, v := range missing.Missing {
				names = append(names, v.Name)
				if v.Description == "" || v.Example == "" {
					t.Errorf("missing %s has no description or example: %+v", v.Name, v)
				}
			}
			slices.Sort(names)
			if !slices.Equal(names, tt.want) {
				t.Errorf("missing %v, want %v", names, tt.want)
			}
			for _, name := range tt.want {
				if !strings.Contains(err.Error(), "--var "+name+"=") {
					t.Errorf("error does not say how to give %s:\n%v", name, err)
				}
			}
		})
	}
}

func TestPluralForms(t *testing.T) {
	m, cat := example(t)
	tests := []struct {
		name     string
		playbook string
		step     string
		locale   string
		vars     map[string]string
		want     string
		notWant  string
	}{
		{"es one store", "payment-outage", "holding", "es", map[string]string{"affected_stores": "1"}, "en 1 tienda; en tienda", "1 tiendas"},
		{"es twelve stores", "payment-outage", "holding", "es", map[string]string{"affected_stores": "12"}, "en 12 tiendas;", "12 tienda."},
		{"pl few", "payment-outage", "holding", "pl", map[string]string{"affected_stores": "3"}, "w 3 sklepach stacjonarnych,", "sklepie stacjonarnym"},
		{"pl one", "payment-outage", "holding", "pl", map[string]string{"affected_stores": "1"}, "w 1 sklepie stacjonarnym,", "sklepach stacjonarnych"},
		{"en one store", "payment-outage", "holding", "en", map[string]string{"affected_stores": "1"}, "in 1 store;", "1 stores"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			anns, err := render.Playbook(m, cat, playbook(t, m, tt.playbook), render.Options{Step: tt.step,
				Locales: []string{tt.locale}, Channels: []string{"status-page"}, Vars: tt.vars, Examples: true, Clock: clock})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, a := range anns {
				if strings.Contains(a.Text, tt.notWant) {
					t.Errorf("%s/%s uses the wrong plural form: %q", a.Step, a.Message, a.Text)
				}
				found = found || strings.Contains(a.Text, tt.want)
			}
			if !found {
				t.Errorf("no text contains %q:\n%s", tt.want, dump(anns))
			}
		})
	}
}

func TestCountMustBeANumber(t *testing.T) {
	m, cat := example(t)
	_, err := render.Playbook(m, cat, playbook(t, m, "payment-outage"), render.Options{
		Vars: map[string]string{"affected_stores": "twelve"}, Examples: true, Clock: clock})
	if err == nil || !strings.Contains(err.Error(), "whole number") {
		t.Fatalf("want a whole-number error, got %v", err)
	}
}

// TestValuesStayLiteral: a value is inserted as text, never executed as a
// template, so {{ in what someone typed cannot reach other variables.
func TestValuesStayLiteral(t *testing.T) {
	m, cat := example(t)
	unbounded(t, m, "facebook-down", "platform")
	for _, val := range []string{"{{.organisation}}", `{{env "HOME"}}`, "{{", "}}{{.status_url"} {
		t.Run(val, func(t *testing.T) {
			anns, err := render.Playbook(m, cat, playbook(t, m, "facebook-down"), render.Options{Step: "holding",
				Locales: []string{"es"}, Channels: []string{"status-page"}, Vars: map[string]string{"platform": val}, Clock: clock})
			if err != nil {
				t.Fatal(err)
			}
			// Spain's status page and Peru's.
			if len(anns) != 2 {
				t.Fatalf("want 2 texts, got %s", dump(anns))
			}
			for _, a := range anns {
				if !strings.Contains(a.Text, val) {
					t.Fatalf("want the value %q literally in the text, got %s", val, dump(anns))
				}
				if strings.Contains(a.Text, m.Organisation) && !strings.Contains(val, "organisation") {
					t.Errorf("value was executed: %q", a.Text)
				}
			}
		})
	}
}

// TestDrillMark: every drill text starts with its locale's mark, and the
// mark is measured: an exercise must fit too.
func TestDrillMark(t *testing.T) {
	m, cat := example(t)
	p := playbook(t, m, "meta-outage")
	plain, err := render.Playbook(m, cat, p, render.Options{Examples: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	drill, err := render.Playbook(m, cat, p, render.Options{Examples: true, Clock: clock, Drill: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) != len(drill) || len(drill) == 0 {
		t.Fatalf("%d plain announcements, %d drill ones", len(plain), len(drill))
	}
	for i, d := range drill {
		// Written out: pt is Portugal's [SIMULACRO], not Brazil's SIMULADO;
		// the example manual writes Polish's without the acute on SMS, to
		// keep them in the SMS alphabet, and with it everywhere else.
		mark := map[string]string{"es": "[SIMULACRO]", "en": "[DRILL]", "pl": "[ĆWICZENIA]", "pt": "[SIMULACRO]"}[d.Locale]
		if d.Locale == "pl" && d.Kind == "sms" {
			mark = "[CWICZENIA]"
		}
		if d.Text != mark+" "+plain[i].Text {
			t.Errorf("%s %s %s: drill text %q, want %q before %q", d.Step, d.Channel, d.Locale, d.Text, mark, plain[i].Text)
		}
		if d.Subject != "" && !strings.HasPrefix(d.Subject, mark+" ") {
			t.Errorf("%s %s %s: subject %q not marked", d.Step, d.Channel, d.Locale, d.Subject)
		}
		prof, err := render.Profile(m.Channel(d.Channel))
		if err != nil {
			t.Fatal(err)
		}
		if want := prof.Measure(d.Text).Length; d.Length != want || d.Length <= plain[i].Length {
			t.Errorf("%s %s %s: drill length %d, want %d (plain %d)", d.Step, d.Channel, d.Locale, d.Length, want, plain[i].Length)
		}
	}
}

func TestSubjectLimit(t *testing.T) {
	m, cat := example(t)
	unbounded(t, m, "facebook-down", "platform")
	tests := []struct {
		name     string
		platform string
		fits     bool
		problem  string
	}{
		{"short", "Facebook", true, ""},
		{"over the 78 SHOULD still fits", strings.Repeat("a", 90), true, "78"},
		{"over the 998 MUST", strings.Repeat("a", 999), false, "subject is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			anns, err := render.Playbook(m, cat, playbook(t, m, "facebook-down"), render.Options{Step: "holding",
				Locales: []string{"es"}, Channels: []string{"email"}, Vars: map[string]string{"platform": tt.platform}, Clock: clock})
			if err != nil {
				t.Fatal(err)
			}
			if len(anns) != 1 || anns[0].Subject == "" || anns[0].SubjectMeasure == nil {
				t.Fatalf("want one e-mail with a measured subject, got %s", dump(anns))
			}
			a := anns[0]
			if a.Fits != tt.fits || a.SubjectMeasure.Fits != tt.fits {
				t.Errorf("fits = %t (subject %t), want %t; subject length %d", a.Fits, a.SubjectMeasure.Fits, tt.fits, a.SubjectMeasure.Length)
			}
			joined := strings.Join(a.Problems, "\n")
			if (tt.problem == "") != (joined == "") || !strings.Contains(joined, tt.problem) {
				t.Errorf("problems %q, want one containing %q", joined, tt.problem)
			}
		})
	}
}

// TestRequiredFollowsChannelLocales: a text is must-send where its channel
// speaks its locale, as the example manual says (the X account speaks
// Spanish, the status page every language), and a channel that says
// nothing speaks the manual's default locale.
func TestRequiredFollowsChannelLocales(t *testing.T) {
	m, cat := example(t)
	m.Channel("telegram-channel").Locales = nil // the default: es
	anns, err := render.Playbook(m, cat, playbook(t, m, "facebook-down"),
		render.Options{Step: "holding", Examples: true, Clock: clock, Locales: []string{"es", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"x es": true, "x en": false,
		"status-page es": true, "status-page en": true,
		"telegram-channel es": true, "telegram-channel en": false,
	}
	for _, a := range anns {
		key := a.Channel + " " + a.Locale
		if w, ok := want[key]; ok {
			if a.Required != w {
				t.Errorf("%s: required %v, want %v", key, a.Required, w)
			}
			delete(want, key)
		}
	}
	if len(want) > 0 {
		t.Errorf("not rendered: %v", want)
	}
}
