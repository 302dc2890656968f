package playbooks_test

import (
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/render"
)

// TestStaffSMSFitInADrill: the staff SMS list is the operator's normal
// two segments, and every staff SMS of every playbook, in every language
// it is written in, fits them with that language's drill mark in front:
// GSM-7 throughout, so at most 306 septets. Polish staff SMS are written
// without diacritics, and so is the Polish drill mark of SMS.
func TestStaffSMSFitInADrill(t *testing.T) {
	m, cat := exampletest.Load(t)
	ch := m.Channel("sms-staff")
	if ch == nil || ch.Limit != 2 {
		t.Fatalf("sms-staff: limit %v, want the normal 2 segments", ch)
	}
	if got := m.DrillMarkFor("pl", ch.Kind, ch.ID); got != "[CWICZENIA]" {
		t.Errorf("the Polish drill mark of sms-staff is %q, want [CWICZENIA], in the SMS alphabet", got)
	}
	n := 0
	for _, p := range m.Playbooks {
		for _, a := range preview(t, m, cat, p, render.Options{Channels: []string{"sms-staff"}, Drill: true}) {
			n++
			if !strings.HasPrefix(a.Text, m.DrillMarkFor(a.Locale, a.Kind, a.Channel)) {
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

// TestPolishDrillMarkSpeltRight: only SMS carry the Polish mark without
// the acute; a Polish drill e-mail, its subject included, the status page
// and the social posts say [ĆWICZENIA], as Polish is written.
func TestPolishDrillMarkSpeltRight(t *testing.T) {
	m, cat := exampletest.Load(t)
	kinds := map[string]int{}
	for _, p := range m.Playbooks {
		for _, a := range preview(t, m, cat, p, render.Options{Locales: []string{"pl"}, Drill: true}) {
			if a.Locale != "pl" || a.LocaleUsed != "" {
				continue
			}
			want := "[ĆWICZENIA] "
			if a.Kind == "sms" {
				want = "[CWICZENIA] "
			}
			kinds[a.Kind]++
			if !strings.HasPrefix(a.Text, want) {
				t.Errorf("%s %s on %s: the text does not start with %q: %q", p.ID, a.Message, a.Channel, want, a.Text)
			}
			if a.Kind == "email" && !strings.HasPrefix(a.Subject, want) {
				t.Errorf("%s %s on %s: the subject does not start with %q: %q", p.ID, a.Message, a.Channel, want, a.Subject)
			}
		}
	}
	for _, k := range []string{"email", "status-page", "sms"} {
		if kinds[k] == 0 {
			t.Errorf("no Polish %s rendered (%v)", k, kinds)
		}
	}
}
