package ui

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/crisis-cli/crisis/internal/lang"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// An update round says, in the operator's language and clock, which
// cadence it keeps and when it is due; and when the others are.
func TestUpdateSaysWhatIsDue(t *testing.T) {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 9, 15, 0, 0, time.UTC) // 10:15 in Madrid
	s := &runbook.Session{Manual: &manual.Manual{Location: madrid}, Now: func() time.Time { return now }}
	customers, staff, partners := &manual.Cadence{ID: "customers"}, &manual.Cadence{ID: "staff"}, &manual.Cadence{ID: "partners"}
	early := runbook.Batch{Step: "updates#2",
		Due:   []runbook.CadenceDue{{Cadence: customers, At: now.Add(10 * time.Minute)}},
		Later: []runbook.CadenceDue{{Cadence: staff, At: now.Add(50 * time.Minute)}}}
	due := runbook.Batch{Step: "updates#3", Due: []runbook.CadenceDue{
		{Cadence: customers, At: now.Add(-5 * time.Minute)},
		{Cadence: partners, At: now.Add(-2 * time.Minute), Change: true}}}
	for _, tt := range []struct {
		tag  language.Tag
		b    runbook.Batch
		want []string
	}{
		{language.English, early, []string{"  customers: not due before 10:25 AM, shown ahead of time\n", "  staff: next update due at 11:05 AM\n"}},
		{language.English, due, []string{"  customers: due since 10:10 AM\n", "  partners: due now: the state or what is new changed at 10:13 AM\n"}},
		{language.Spanish, early, []string{"  customers: no corresponde hasta las 10:25; se muestra por adelantado\n", "  staff: próxima actualización a las 11:05\n"}},
		{language.Polish, due, []string{"  customers: pora na aktualizację od 10:10\n"}},
		{language.Portuguese, early, []string{"  customers: só é devida às 10h25; mostrada com antecedência\n"}},
	} {
		var out strings.Builder
		v := &RunView{W: &out, Th: plainTheme(), Width: 80, L: lang.For(tt.tag)}
		v.dueLines(s, tt.b)
		got := out.String()
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", tt.tag, w, got)
			}
		}
	}
}

// A time in the run screens is the interface language's clock, with the
// article Spanish and Portuguese make agree with the hour ("la una", "las
// diez"): never Go's 15:04 with a plural article at one o'clock.
func TestDueClockInEveryLanguage(t *testing.T) {
	s := &runbook.Session{Manual: &manual.Manual{Location: time.UTC}, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }}
	customers, staff := &manual.Cadence{ID: "customers"}, &manual.Cadence{ID: "staff"}
	round := func(h int) runbook.Batch {
		at := time.Date(2026, 11, 25, h, 33, 0, 0, time.UTC) // already due
		return runbook.Batch{Step: "updates#2", Due: []runbook.CadenceDue{{Cadence: customers, At: at}},
			Later: []runbook.CadenceDue{{Cadence: staff, At: at.Add(24 * time.Hour)}}}
	}
	for _, tt := range []struct {
		tag  language.Tag
		hour int
		want []string
	}{
		{language.English, 1, []string{"customers: due since 1:33 AM\n", "staff: next update due at 1:33 AM\n"}},
		{language.English, 10, []string{"customers: due since 10:33 AM\n", "staff: next update due at 10:33 AM\n"}},
		{language.Spanish, 1, []string{"customers: actualización pendiente desde la 1:33\n", "staff: próxima actualización a la 1:33\n"}},
		{language.Spanish, 10, []string{"customers: actualización pendiente desde las 10:33\n", "staff: próxima actualización a las 10:33\n"}},
		{language.Polish, 1, []string{"customers: pora na aktualizację od 01:33\n", "staff: następna aktualizacja o 01:33\n"}},
		{language.Polish, 10, []string{"customers: pora na aktualizację od 10:33\n", "staff: następna aktualizacja o 10:33\n"}},
		{language.Portuguese, 1, []string{"customers: atualização devida desde a 1h33\n", "staff: próxima atualização à 1h33\n"}},
		{language.Portuguese, 10, []string{"customers: atualização devida desde as 10h33\n", "staff: próxima atualização às 10h33\n"}},
	} {
		var out strings.Builder
		v := &RunView{W: &out, Th: plainTheme(), Width: 80, L: lang.For(tt.tag)}
		v.dueLines(s, round(tt.hour))
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s at %d:33: no %q in\n%s", tt.tag, tt.hour, w, out.String())
			}
		}
	}
}
