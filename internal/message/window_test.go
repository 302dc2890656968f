package message

import (
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/lang"
	"golang.org/x/text/language"
)

// reader is a market reading a text: its name, zone and locale.
type reader struct{ name, zone, locale string }

var (
	spain    = reader{"España", "Europe/Madrid", "es-ES"}
	canaries = reader{"Canarias", "Atlantic/Canary", "es-ES"}
	peru     = reader{"Perú", "America/Lima", "es-PE"}
	portugal = reader{"Portugal", "Europe/Lisbon", "es-ES"}
)

// instantFor is the moment at (Madrid's wall clock) as readers read it in
// a text written on 26 November 2026, as render builds it.
func instantFor(t *testing.T, at string, readers ...reader) Instant {
	t.Helper()
	madrid := mustZone(t, "Europe/Madrid")
	when, err := time.ParseInLocation("2006-01-02 15:04", at, madrid)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, madrid)
	rs := make([]Instant, len(readers))
	for i, r := range readers {
		rs[i] = NewInstant(when, mustZone(t, r.zone), r.locale, now)
		rs[i].Market = r.name
	}
	return PerReader(rs)
}

// The span as a professional writes it in each language, worked out by
// hand: Lisbon and the Canaries an hour behind Madrid, Warsaw on Madrid's
// time, Lima six hours behind. The first reader's span runs in the text,
// the others' once in parentheses, with their day where it is not the
// first's (02:00 in Madrid on 3 December is 20:00 on 2 December in Lima).
func TestWindow(t *testing.T) {
	for _, c := range []struct {
		name     string
		from, to string
		readers  []reader
		want     string
	}{
		{"es one zone", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain},
			"el 3 de diciembre, de 2:00 a 5:00"},
		{"es Spain and the Canaries", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain, canaries},
			"el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00 en Canarias)"},
		{"es Lima alone", "2026-12-03 02:00", "2026-12-03 05:00", []reader{peru},
			"el 2 de diciembre, de 20:00 a 23:00"},
		{"es Spain and Lima", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain, peru},
			"el 3 de diciembre, de 2:00 a 5:00 (el 2 de diciembre, de 20:00 a 23:00 en Perú)"},
		{"es Lima first", "2026-12-03 02:00", "2026-12-03 05:00", []reader{peru, spain},
			"el 2 de diciembre, de 20:00 a 23:00 (el 3 de diciembre, de 2:00 a 5:00 en España)"},
		{"es three zones", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain, canaries, peru},
			"el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00 en Canarias; el 2 de diciembre, de 20:00 a 23:00 en Perú)"},
		{"es two markets on one span", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain, canaries, portugal},
			"el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00 en Canarias y Portugal)"},
		{"es y before i is e", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain, canaries, {"Islas Baleares", "Atlantic/Canary", "es-ES"}},
			"el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00 en Canarias e Islas Baleares)"},
		{"es y before hie stays", "2026-12-03 02:00", "2026-12-03 05:00", []reader{spain, canaries, {"Hierro", "Atlantic/Canary", "es-ES"}},
			"el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00 en Canarias y Hierro)"},
		{"es over midnight", "2026-12-03 23:00", "2026-12-04 02:00", []reader{spain},
			"del 3 de diciembre a las 23:00 al 4 de diciembre a las 2:00"},
		{"es over midnight, one o'clock", "2026-12-03 23:00", "2026-12-04 02:00", []reader{canaries},
			"del 3 de diciembre a las 22:00 al 4 de diciembre a la 1:00"},
		{"es next year", "2027-01-02 02:00", "2027-01-02 05:00", []reader{spain},
			"el 2 de enero de 2027, de 2:00 a 5:00"},
		{"es-PE over the new year", "2027-01-01 02:00", "2027-01-01 05:00", []reader{peru},
			"el 31 de diciembre, de 20:00 a 23:00"},
		{"pl", "2026-12-03 02:00", "2026-12-03 05:00", []reader{{"Polska", "Europe/Warsaw", "pl-PL"}},
			"3 grudnia od 02:00 do 05:00"},
		{"pl over midnight", "2026-12-03 23:00", "2026-12-04 02:00", []reader{{"Polska", "Europe/Warsaw", "pl-PL"}},
			"od godz. 23:00 3 grudnia do godz. 02:00 4 grudnia"},
		{"pl two zones", "2026-12-03 02:00", "2026-12-03 05:00", []reader{{"Polska", "Europe/Warsaw", "pl-PL"}, {"Wyspy Kanaryjskie", "Atlantic/Canary", "pl-PL"}},
			"3 grudnia od 02:00 do 05:00 (Wyspy Kanaryjskie: od 01:00 do 04:00)"},
		{"pt-PT", "2026-12-03 02:00", "2026-12-03 05:00", []reader{{"Portugal", "Europe/Lisbon", "pt-PT"}},
			"no dia 3 de dezembro, da 1h00 às 4h00"},
		{"pt-PT ending at one", "2026-12-03 23:00", "2026-12-04 01:00", []reader{{"Portugal", "Europe/Madrid", "pt-PT"}},
			"desde o dia 3 de dezembro às 23h00 até ao dia 4 de dezembro à 1h00"},
		{"pt-PT two zones", "2026-12-03 10:00", "2026-12-03 14:00", []reader{{"Portugal", "Europe/Lisbon", "pt-PT"}, {"Açores", "Atlantic/Azores", "pt-PT"}},
			"no dia 3 de dezembro, das 9h00 às 13h00 (Açores: das 8h00 às 12h00)"},
		{"pt-PT next year", "2027-03-20 02:00", "2027-03-20 05:00", []reader{{"Portugal", "Europe/Lisbon", "pt-PT"}},
			"no dia 20 de março de 2027, da 1h00 às 4h00"},
		{"en-GB", "2026-12-03 02:00", "2026-12-03 05:00", []reader{{"Spain", "Europe/Madrid", "en-GB"}},
			"on 3 December, from 02:00 to 05:00"},
		{"en-GB two zones", "2026-12-03 02:00", "2026-12-03 05:00", []reader{{"Spain", "Europe/Madrid", "en-GB"}, {"Canary Islands", "Atlantic/Canary", "en-GB"}},
			"on 3 December, from 02:00 to 05:00 (Canary Islands: from 01:00 to 04:00)"},
		{"en-GB over midnight", "2026-12-03 23:00", "2026-12-04 02:00", []reader{{"Spain", "Europe/Madrid", "en-GB"}},
			"from 23:00 on 3 December to 02:00 on 4 December"},
	} {
		from, to := instantFor(t, c.from, c.readers...), instantFor(t, c.to, c.readers...)
		got, err := window(from, to)
		if err != nil || got != c.want {
			t.Errorf("%s: %q, %v\nwant %q", c.name, got, err, c.want)
		}
	}
}

// date and clock name the first market's day and time in running text and
// the others' once, in parentheses, where they differ.
func TestDateClockPerReader(t *testing.T) {
	for _, c := range []struct {
		readers     []reader
		date, clock string
	}{
		{[]reader{spain}, "3 de diciembre", "2:00"},
		{[]reader{spain, canaries}, "3 de diciembre", "2:00 (1:00 en Canarias)"},
		{[]reader{spain, peru}, "3 de diciembre (2 de diciembre en Perú)", "2:00 (20:00 en Perú)"},
		{[]reader{spain, canaries, peru}, "3 de diciembre (2 de diciembre en Perú)", "2:00 (1:00 en Canarias; 20:00 en Perú)"},
	} {
		i := instantFor(t, "2026-12-03 02:00", c.readers...)
		date, _ := Funcs("es")["date"].(func(any) (string, error))(i)
		clock, _ := Funcs("es")["clock"].(func(any) (string, error))(i)
		if date != c.date || clock != c.clock {
			t.Errorf("%v: date %q, clock %q; want %q, %q", c.readers, date, clock, c.date, c.clock)
		}
	}
}

// A datetime function given another value says so in the interface
// language.
func TestNotDatetimeTranslated(t *testing.T) {
	_, err := window("Facebook", instantFor(t, "2026-12-03 02:00", spain))
	if err == nil {
		t.Fatal("window of a text rendered")
	}
	if got, want := err.Error(), `window takes a variable of type datetime, not "Facebook"`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := lang.For(language.Spanish).Text(err), `window solo admite una variable de tipo fecha y hora (datetime), no "Facebook"`; got != want {
		t.Errorf("Spanish: %q, want %q", got, want)
	}
	_, err = Funcs("pl")["date"].(func(any) (string, error))(30)
	if got := lang.For(language.Polish).Text(err); !strings.HasPrefix(got, "date przyjmuje tylko zmienną typu data i godzina") {
		t.Errorf("Polish: %q", got)
	}
}

// A window whose end comes before its start is refused, in the interface
// language, rather than written "de 5:00 a 2:00" for customers; one that
// starts and ends at the same moment is written as given.
func TestWindowReversed(t *testing.T) {
	_, err := window(instantFor(t, "2026-12-03 05:00", spain), instantFor(t, "2026-12-03 02:00", spain))
	if err == nil {
		t.Fatal("a reversed window rendered")
	}
	if got, want := err.Error(), `the window ends before it starts: "2026-12-03 02:00 +01:00" comes before "2026-12-03 05:00 +01:00"; swap the two values`; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := lang.For(language.Spanish).Text(err), `el intervalo termina antes de empezar: "2026-12-03 02:00 +01:00" es anterior a "2026-12-03 05:00 +01:00"; intercambiar los dos valores`; got != want {
		t.Errorf("Spanish: %q, want %q", got, want)
	}
	if got, want := lang.For(language.Polish).Text(err), `przedział kończy się, zanim się zacznie: "2026-12-03 02:00 +01:00" jest wcześniej niż "2026-12-03 05:00 +01:00"; zamień te dwie wartości miejscami`; got != want {
		t.Errorf("Polish: %q, want %q", got, want)
	}
	if _, err := window(instantFor(t, "2026-12-03 02:00", spain), instantFor(t, "2026-12-03 02:00", spain)); err != nil {
		t.Errorf("a window of one moment: %v", err)
	}
}
