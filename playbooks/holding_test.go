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

// What each market's readers must find in the first public statement of
// every playbook: the instant as their own clock shows it, written as their
// locale writes a time (CLDR: es-ES H:mm, es-PE, pt-PT, pl-PL and en-GB
// HH:mm), and their own customer line. Written by hand from the markets'
// zones and the numbers printed on each country's website.
var holdingWant = map[string]struct{ clock, phone string }{
	"es-es": {"10:33", "900 100 200"}, // Europe/Madrid, UTC+1
	"es-ic": {"9:33", "900 100 200"},  // Atlantic/Canary, UTC+0
	"en-es": {"10:33", "900 100 200"}, // Madrid's clock, in English
	"pt-pt": {"09:33", "800 100 200"}, // Europe/Lisbon, UTC+0
	"pl-pl": {"10:33", "800 300 400"}, // Europe/Warsaw, UTC+1
	"es-pe": {"04:33", "0800 10200"},  // America/Lima, UTC-5
}

// Where a playbook's customers do not live in every market: Peru buys
// online only, so a store closing is no news there.
var holdingSkip = map[string][]string{"store-closure": {"es-pe"}}

// noClock: a playbook whose first statement names the window of a planned
// job, announced days ahead, not a moment of the incident.
var noClock = map[string]bool{"planned-maintenance": true}

// firstStatement is the step that first tells the public: the holding
// step, or, when the holding step is a reactive standby that only briefs
// staff (data-leak), the first step after it that announces to a public
// audience.
func firstStatement(m *manual.Manual, p *manual.Playbook) *manual.Step {
	tells := func(s *manual.Step) bool {
		for _, a := range s.Announce {
			for _, ref := range a.Audiences {
				if m.Public(ref.ID) {
					return true
				}
			}
		}
		return false
	}
	held := false
	for i := range p.Steps {
		s := &p.Steps[i]
		held = held || s.Kind == manual.StepHolding
		if held && tells(s) {
			return s
		}
	}
	return nil
}

// TestHoldingReachesEveryMarket: for every playbook and every market, the
// first public statement reaches the market in its own language, with the
// market's own time and customer line, and no other market's line.
func TestHoldingReachesEveryMarket(t *testing.T) {
	m, cat := exampletest.Load(t)
	if len(m.Markets) != len(holdingWant) {
		t.Fatalf("the manual has %d markets, the test knows %d", len(m.Markets), len(holdingWant))
	}
	if len(m.Playbooks) < 13 {
		t.Fatalf("only %d playbooks loaded", len(m.Playbooks))
	}
	for _, p := range m.Playbooks {
		s := firstStatement(m, p)
		if s == nil {
			t.Errorf("%s: no holding step announcing to the public", p.ID)
			continue
		}
		for _, mk := range m.Markets {
			want, ok := holdingWant[mk.ID]
			if !ok {
				t.Fatalf("market %s is not in the test's table", mk.ID)
			}
			if slices.Contains(holdingSkip[p.ID], mk.ID) {
				continue
			}
			// Every time a text names is the instant (the next update
			// too), so each market's text shows the instant in its zone.
			anns, err := render.Playbook(m, cat, p, render.Options{Step: s.ID, Market: mk.ID, Examples: true,
				Clock: atPreview})
			if err != nil {
				t.Errorf("%s %s: %v", p.ID, mk.ID, err)
				continue
			}
			var texts []string
			for _, a := range anns {
				// Only the texts the market reads in its own language
				// and owes it; a Spanish text on Portugal's channel is
				// available, not sent.
				if !a.Required || !mk.Reads(a.Locale) || m.IsDown(p, a.Channel) || !public(m, a.Audience) {
					continue
				}
				texts = append(texts, a.Subject+"\n"+a.Text)
			}
			if len(texts) == 0 {
				t.Errorf("%s step %s: no text for %s (%s)", p.ID, s.ID, mk.ID, mk.Name)
				continue
			}
			all := strings.Join(texts, "\n")
			if !noClock[p.ID] && !hasClock(all, want.clock) {
				t.Errorf("%s step %s, %s: no text names %s, the market's time:\n%s", p.ID, s.ID, mk.ID, want.clock, all)
			}
			if !strings.Contains(all, want.phone) {
				t.Errorf("%s step %s, %s: no text gives %s, the market's customer line:\n%s", p.ID, s.ID, mk.ID, want.phone, all)
			}
			for id, other := range holdingWant {
				if other.phone != want.phone && strings.Contains(all, other.phone) {
					t.Errorf("%s step %s, %s: %s's line %s given:\n%s", p.ID, s.ID, mk.ID, id, other.phone, all)
				}
			}
		}
	}
}

// public reports whether every audience of a rendered text ("customers,
// press") is public.
func public(m *manual.Manual, audiences string) bool {
	for id := range strings.SplitSeq(audiences, ", ") {
		if !m.Public(id) {
			return false
		}
	}
	return audiences != ""
}

// hasClock reports whether text names the time clock, not as part of a
// longer number (04:33 is not 4:33 and 10:33 is not 0:33).
func hasClock(text, clock string) bool {
	return regexp.MustCompile(`(^|[^0-9])` + regexp.QuoteMeta(clock) + `($|[^0-9])`).MatchString(text)
}

// A maintenance window booked from Madrid, 3 December 2026 from 02:00 to
// 05:00 (UTC+1), as each market's readers must read it: their own day and
// span of hours, in running text as their language writes it (the day and
// month of CLDR's MMMMd; the hours of CLDR's short time, es-ES H:mm,
// es-PE, en-GB and pl HH:mm, and Portuguese running text's 1h00). Worked
// out by hand: Lisbon and the Canaries are an hour behind Madrid, Warsaw
// on Madrid's time, Lima six hours behind, on the evening before.
var windowWant = map[string]struct{ date, span string }{
	"es-es": {"3 de diciembre", "el 3 de diciembre, de 2:00 a 5:00,"},
	"es-ic": {"3 de diciembre", "el 3 de diciembre, de 1:00 a 4:00,"},
	"en-es": {"3 December", "on 3 December, from 02:00 to 05:00,"},
	"pt-pt": {"3 de dezembro", "no dia 3 de dezembro, da 1h00 às 4h00,"},
	"pl-pl": {"3 grudnia", "3 grudnia od 02:00 do 05:00 "},
	"es-pe": {"2 de diciembre", "el 2 de diciembre, de 20:00 a 23:00,"},
}

// TestMaintenanceWindowPerMarket: the notice of a planned maintenance names
// the window in each market's own day and time, never in Madrid's alone.
func TestMaintenanceWindowPerMarket(t *testing.T) {
	m, cat := exampletest.Load(t)
	p := m.Playbook("planned-maintenance")
	vars := map[string]string{"window_start": "2026-12-03 02:00", "window_end": "2026-12-03 05:00"}
	for _, mk := range m.Markets {
		want, ok := windowWant[mk.ID]
		if !ok {
			t.Fatalf("market %s is not in the test's table", mk.ID)
		}
		anns, err := render.Playbook(m, cat, p, render.Options{Step: "announce", Market: mk.ID, Examples: true, Vars: vars,
			Clock: atPreview})
		if err != nil {
			t.Fatalf("%s: %v", mk.ID, err)
		}
		n := 0
		for _, a := range anns {
			if a.Message != "maint-notice" || !a.Required || !mk.Reads(a.Locale) || !public(m, a.Audience) {
				continue
			}
			n++
			text := a.Subject + "\n" + a.Text
			if !strings.Contains(text, want.span) {
				t.Errorf("%s on %s (%s): no %q in\n%s", mk.ID, a.Channel, a.Locale, want.span, text)
			}
			for id, other := range windowWant {
				if other.date != want.date && hasClock(text, other.date) {
					t.Errorf("%s on %s (%s): %s's day %s in\n%s", mk.ID, a.Channel, a.Locale, id, other.date, text)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no maintenance notice", mk.ID)
		}
	}
}
