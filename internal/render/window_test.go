package render_test

import (
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/render"
)

// TestWindowThreeZones: testdata/window's status page, in Spanish, is read
// in Spain, the Canary Islands and Peru. Its notice names Spain's day and
// span in running text and, once, the Canaries' span and Peru's day and
// span, the evening before. Worked out by hand: the Canaries an hour behind
// Madrid, Lima six hours behind; the text is written on 26 November 2026,
// so a window in January 2027 names its year.
func TestWindowThreeZones(t *testing.T) {
	m, cat := testdataManual(t, "window")
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		market, start, end, want string
	}{
		{"", "2026-12-03 02:00", "2026-12-03 05:00",
			"Mantenimiento programado: el 3 de diciembre, de 2:00 a 5:00 (de 1:00 a 4:00 en Canarias; el 2 de diciembre, de 20:00 a 23:00 en Perú), la tienda online no estará disponible. Fin previsto: 5:00 (4:00 en Canarias; 23:00 en Perú). Publicado para el 3 de diciembre (2 de diciembre en Perú)."},
		{"es-pe", "2026-12-03 02:00", "2026-12-03 05:00",
			"Mantenimiento programado: el 2 de diciembre, de 20:00 a 23:00, la tienda online no estará disponible. Fin previsto: 23:00. Publicado para el 2 de diciembre."},
		// By day, Lima's window is on Spain's day: its day is not repeated.
		{"", "2026-12-03 10:00", "2026-12-03 18:00",
			"Mantenimiento programado: el 3 de diciembre, de 10:00 a 18:00 (de 9:00 a 17:00 en Canarias; de 04:00 a 12:00 en Perú), la tienda online no estará disponible. Fin previsto: 18:00 (17:00 en Canarias; 12:00 en Perú). Publicado para el 3 de diciembre."},
		{"es-ic", "2027-01-14 02:00", "2027-01-14 05:00",
			"Mantenimiento programado: el 14 de enero de 2027, de 1:00 a 4:00, la tienda online no estará disponible. Fin previsto: 4:00. Publicado para el 14 de enero de 2027."},
		{"es-pe", "2027-01-01 02:00", "2027-01-01 05:00",
			"Mantenimiento programado: el 31 de diciembre, de 20:00 a 23:00, la tienda online no estará disponible. Fin previsto: 23:00. Publicado para el 31 de diciembre."},
	} {
		anns, err := render.Playbook(m, cat, m.Playbook("maintenance"), render.Options{Step: "announce", Market: tt.market,
			Vars: map[string]string{"window_start": tt.start, "window_end": tt.end}, Clock: render.Clock{Start: now, NextUpdate: now}})
		if err != nil {
			t.Fatal(err)
		}
		if got := find(t, anns, "announce", "status-page", "es").Text; got != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.market, tt.start, got, tt.want)
		}
	}
}
