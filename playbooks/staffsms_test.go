package playbooks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/render"
)

// TestStaffSMSFitInADrill: the staff SMS list is the operator's normal
// two segments, and every staff SMS of every playbook, in every language
// it is written in, fits them with that language's drill mark in front:
// GSM-7 throughout, so at most 306 septets. Polish staff SMS are written
// without diacritics, and so is the Polish drill mark.
func TestStaffSMSFitInADrill(t *testing.T) {
	m, cat := exampletest.Load(t)
	ch := m.Channel("sms-staff")
	if ch == nil || ch.Limit != 2 {
		t.Fatalf("sms-staff: limit %v, want the normal 2 segments", ch)
	}
	if got := m.DrillMark("pl"); got != "[CWICZENIA]" {
		t.Errorf("the Polish drill mark is %q, want [CWICZENIA], in the SMS alphabet", got)
	}
	at := time.Date(2026, 11, 26, 9, 33, 0, 0, time.UTC)
	n := 0
	for _, p := range m.Playbooks {
		anns, err := render.Playbook(m, cat, p, render.Options{Channels: []string{"sms-staff"}, Examples: true, Drill: true,
			Clock: render.PreviewClock(p, at)})
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		for _, a := range anns {
			n++
			if !strings.HasPrefix(a.Text, m.DrillMark(a.Locale)) {
				t.Errorf("%s %s (%s): no drill mark: %q", p.ID, a.Message, a.Locale, a.Text)
			}
			if a.Encoding != "GSM-7" || a.Segments > 2 || !a.Fits {
				t.Errorf("%s %s (%s): %s, %d segments, fits %t (forced by %q): %q", p.ID, a.Message, a.Locale, a.Encoding, a.Segments, a.Fits, a.Forcing, a.Text)
			}
		}
	}
	if n < 4*10 {
		t.Errorf("only %d staff SMS rendered", n)
	}
}
