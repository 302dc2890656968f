package message

import (
	"testing"
	"time"
)

// The day and month as running text writes them: CLDR's MMMMd skeleton
// (CLDR 36, common/main/LOCALE.xml, availableFormats id="MMMMd": es and
// pt "d 'de' MMMM", pl "d MMMM" with the format-context (genitive) month
// names, en-GB "d MMMM", en "MMMM d"), and the long date (dateFormatLength
// "long": es and pt "d 'de' MMMM 'de' y", pl "d MMMM y", en-GB "d MMMM y",
// en "MMMM d, y") for a date outside the year the text is written in.
// Applied by hand; the text is written on 26 November 2026.
func TestFormatDayMonth(t *testing.T) {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		locale string
		y      int
		m      time.Month
		d      int
		want   string
	}{
		{"es-ES", 2026, 12, 3, "3 de diciembre"},
		{"es-ES", 2026, 1, 31, "31 de enero"},
		{"es-ES", 2027, 1, 2, "2 de enero de 2027"},
		{"es-PE", 2026, 12, 2, "2 de diciembre"},
		{"es-PE", 2026, 9, 20, "20 de setiembre"}, // es_PE.xml: Peru writes setiembre
		{"es-PE", 2025, 12, 2, "2 de diciembre de 2025"},
		{"pl-PL", 2026, 12, 3, "3 grudnia"},
		{"pl-PL", 2026, 10, 12, "12 października"},
		{"pl-PL", 2026, 5, 20, "20 maja"},
		{"pl-PL", 2027, 2, 1, "1 lutego 2027"},
		{"pt-PT", 2026, 12, 3, "3 de dezembro"},
		{"pt-PT", 2026, 3, 20, "20 de março"},
		{"pt-PT", 2027, 1, 6, "6 de janeiro de 2027"},
		{"en-GB", 2026, 12, 3, "3 December"},
		{"en-GB", 2026, 7, 20, "20 July"},
		{"en-GB", 2027, 1, 2, "2 January 2027"},
		{"en-US", 2026, 12, 3, "December 3"},
		{"en-US", 2027, 1, 2, "January 2, 2027"},
		{"ja", 2026, 12, 3, "2026-12-03"}, // not carried: ISO 8601
	} {
		at := time.Date(c.y, c.m, c.d, 2, 0, 0, 0, time.UTC)
		if got := FormatDayMonth(at, now, c.locale); got != c.want {
			t.Errorf("FormatDayMonth(%s, %s) = %q, want %q", at.Format(time.DateOnly), c.locale, got, c.want)
		}
	}
}

// The year is the reader's: at 20:00 on 31 December in Lima, already 1
// January in Madrid, a date on 2 January is next year's in Lima and this
// year's in Madrid.
func TestFormatDayMonthReadersYear(t *testing.T) {
	lima, madrid := mustZone(t, "America/Lima"), mustZone(t, "Europe/Madrid")
	now := time.Date(2026, 12, 31, 20, 0, 0, 0, lima)
	at := time.Date(2027, 1, 2, 2, 0, 0, 0, madrid)
	if got := FormatDayMonth(at.In(lima), now, "es-PE"); got != "1 de enero de 2027" {
		t.Errorf("Lima: %q, want 1 de enero de 2027", got)
	}
	if got := FormatDayMonth(at, now, "es-ES"); got != "2 de enero" {
		t.Errorf("Madrid: %q, want 2 de enero", got)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
