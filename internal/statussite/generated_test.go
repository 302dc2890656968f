package statussite

import (
	"strings"
	"testing"
	"time"
)

// The page's "updated at" line agrees with the hour: Spanish "a la 1:33"
// (one o'clock is singular), "a las 10:30" otherwise.
func TestGeneratedAtOneOClock(t *testing.T) {
	runs, m := exampleRuns(t)
	incs, err := Read(runs, m, false)
	if err != nil {
		t.Fatal(err)
	}
	for now, want := range map[time.Time]string{
		time.Date(2026, 11, 24, 0, 33, 0, 0, time.UTC): "Página actualizada el 24/11/26 a la 1:33.",   // 01:33 in Madrid
		time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC): "Página actualizada el 24/11/26 a las 10:30.", // 10:30 in Madrid
	} {
		files, err := Build(Options{Manual: m, Incidents: incs, Now: now, BaseURL: DefaultBaseURL(m)})
		if err != nil {
			t.Fatal(err)
		}
		if page := string(files["es/index.html"]); !strings.Contains(page, want) {
			t.Errorf("es/index.html at %s lacks %q", now, want)
		}
	}
}
