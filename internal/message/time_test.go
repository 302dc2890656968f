package message

import (
	"testing"
	"time"
)

// The expectations are CLDR's short time and date patterns (CLDR 36,
// common/main/LOCALE.xml, calendar "gregorian", timeFormatLength and
// dateFormatLength "short"), applied by hand to 5 March 2026 at 01:33 and
// 22:05: a one-digit day and month and a one-digit hour show d against dd,
// M against MM and H against HH.
func TestFormatClockCLDR(t *testing.T) {
	early := time.Date(2026, 3, 5, 1, 33, 0, 0, time.UTC)
	late := time.Date(2026, 3, 5, 22, 5, 0, 0, time.UTC)
	for _, c := range []struct{ locale, early, late, date string }{
		{"es", "1:33", "22:05", "5/3/26"},          // es.xml: H:mm; d/M/yy
		{"es-ES", "1:33", "22:05", "5/3/26"},       // es_ES.xml inherits es.xml
		{"es-PE", "01:33", "22:05", "5/03/26"},     // es_419.xml: HH:mm; es_PE.xml: d/MM/yy
		{"pt-PT", "01:33", "22:05", "05/03/26"},    // pt_PT.xml: HH:mm; dd/MM/yy
		{"pt", "01:33", "22:05", "05/03/2026"},     // pt.xml (Brazil): HH:mm; dd/MM/y
		{"pt-BR", "01:33", "22:05", "05/03/2026"},  // pt_BR.xml inherits pt.xml
		{"pl-PL", "01:33", "22:05", "05.03.2026"},  // pl.xml: HH:mm; dd.MM.y
		{"pl", "01:33", "22:05", "05.03.2026"},     // pl.xml
		{"en-GB", "01:33", "22:05", "05/03/2026"},  // en_GB.xml: HH:mm; dd/MM/y
		{"en-US", "1:33 AM", "10:05 PM", "3/5/26"}, // en.xml: h:mm a, am = AM, pm = PM; M/d/yy
		{"en", "1:33 AM", "10:05 PM", "3/5/26"},    // en.xml
		{"es_ES", "1:33", "22:05", "5/3/26"},       // POSIX spelling of es-ES
		{"pt-AO", "01:33", "22:05", "05/03/26"},    // not carried: CLDR's parent of pt-AO is pt-PT
		{"ja", "01:33", "22:05", "2026-03-05"},     // a language not carried: ISO 8601
	} {
		if got := FormatClock(early, c.locale); got != c.early {
			t.Errorf("FormatClock(01:33, %s) = %q, want %q", c.locale, got, c.early)
		}
		if got := FormatClock(late, c.locale); got != c.late {
			t.Errorf("FormatClock(22:05, %s) = %q, want %q", c.locale, got, c.late)
		}
		if got := FormatDate(early, c.locale); got != c.date {
			t.Errorf("FormatDate(2026-03-05, %s) = %q, want %q", c.locale, got, c.date)
		}
	}
}

// CLDR's h runs from 1 to 12 (UTS #35, Date Field Symbol Table): the hour
// after midnight is 12 AM, not 0 AM, and noon is 12 PM.
func TestFormatClockTwelveHourMidnight(t *testing.T) {
	for at, want := range map[time.Time]string{
		time.Date(2026, 3, 5, 0, 33, 0, 0, time.UTC):  "12:33 AM",
		time.Date(2026, 3, 5, 12, 5, 0, 0, time.UTC):  "12:05 PM",
		time.Date(2026, 3, 5, 23, 59, 0, 0, time.UTC): "11:59 PM",
	} {
		if got := FormatClock(at, "en-US"); got != want {
			t.Errorf("FormatClock(%s, en-US) = %q, want %q", at.Format("15:04"), got, want)
		}
	}
}

// Every time and date of every locale carried is plain ASCII, so that a
// text naming one stays in GSM-7 on SMS.
func TestFormatClockGSM7(t *testing.T) {
	for locale := range cldrLocales {
		for m := time.January; m <= time.December; m++ {
			for h := range 24 {
				at := time.Date(2026, m, 28, h, 7, 0, 0, time.UTC)
				for _, s := range []string{FormatClock(at, locale), FormatDate(at, locale)} {
					for _, r := range s {
						if r < ' ' || r > '~' {
							t.Fatalf("%s at %s: %q has %U, not GSM-7", locale, at, s, r)
						}
					}
				}
			}
		}
	}
}

// The article agrees with the hour as it is read aloud: "la una" but "las
// diez", "las cero horas", "las trece" (RAE, Diccionario panhispánico de
// dudas, "hora"); Portuguese "à uma", "às dez". Portuguese running text
// writes the hour with an h, "às 10h30", where a table or a digital clock
// has 10:30 (the Portuguese rules of the EU Publications Office's Código de
// Redação Interinstitucional on writing hours; Ciberdúvidas da Língua
// Portuguesa likewise): CLDR's HH:mm is not the prose form.
func TestAtClockAndTheClockOf(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 5, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		f      func(time.Time, string) string
		at     time.Time
		locale string
		want   string
	}{
		// After another preposition the article stays and "a" does not
		// contract: "desde la 1:33", "desde as 10h33".
		{TheClockOf, at(1, 33), "es", "la 1:33"},
		{TheClockOf, at(10, 33), "es", "las 10:33"},
		{TheClockOf, at(1, 33), "pt", "a 1h33"},
		{TheClockOf, at(10, 33), "pt", "as 10h33"},
		{TheClockOf, at(1, 33), "pl", "01:33"},
		{TheClockOf, at(10, 33), "pl", "10:33"},
		{TheClockOf, at(1, 33), "en", "1:33 AM"},
		{TheClockOf, at(10, 33), "en", "10:33 AM"},
		// "at"
		{AtClock, at(1, 33), "es-ES", "a la 1:33"},
		{AtClock, at(10, 33), "es-ES", "a las 10:33"},
		{AtClock, at(1, 33), "es", "a la 1:33"},
		{AtClock, at(10, 33), "es", "a las 10:33"},
		{AtClock, at(0, 33), "es", "a las 0:33"},
		{AtClock, at(13, 5), "es", "a las 13:05"},
		{AtClock, at(1, 33), "es-PE", "a la 01:33"},
		{AtClock, at(1, 33), "pt-PT", "à 1h33"},
		{AtClock, at(10, 33), "pt-PT", "às 10h33"},
		{AtClock, at(1, 33), "pt", "à 1h33"},
		{AtClock, at(10, 33), "pt", "às 10h33"},
		{AtClock, at(22, 5), "pt-PT", "às 22h05"},
		{AtClock, at(1, 33), "pl-PL", "o 01:33"},
		{AtClock, at(1, 33), "pl", "o 01:33"},
		{AtClock, at(10, 33), "pl", "o 10:33"},
		{AtClock, at(1, 33), "en-GB", "at 01:33"},
		{AtClock, at(1, 33), "en", "at 1:33 AM"},
		{AtClock, at(10, 33), "en", "at 10:33 AM"},
		{AtClock, at(13, 33), "en-US", "at 1:33 PM"},
		{AtClock, at(13, 33), "ja", "13:33"},
	} {
		if got := c.f(c.at, c.locale); got != c.want {
			t.Errorf("%s in %s = %q, want %q", c.at.Format("15:04"), c.locale, got, c.want)
		}
	}
}
