package drill_test

import (
	"strings"
	"testing"
	"time"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/exampletest"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// A reply inject answered on a channel (format 1.1) is drafted for the
// person's market: on Peru's SMS list, Peru's line and Lima's clock (the
// drill starts at 15:00 UTC, 10:00 in Lima; that list hears hourly, the
// e-mail list every 30 minutes). On the e-mail list reaching Spain and Peru, the inject's
// market chooses; without one, each market's value is named beside it.
func TestInjectReplyFollowsTheMarket(t *testing.T) {
	m, cat := exampletest.LoadDir(t, "replymarkets")
	clock := &ticker{t: time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)}
	s := startDrillWith(t, runbook.Options{Manual: m, Playbook: m.Playbook("fb-down"), Catalog: cat, Speed: 1, Locales: []string{"es"}, Now: clock.now})
	view := &injectView{}
	inj := &drill.Injector{S: s, In: &lines{}, View: view, PlanOrder: true, Auto: true}
	if err := inj.Deliver(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Lo sentimos. Llame al 0800 10200; volvemos a escribirle a las 11:00.",
		"Lo sentimos. Llame al 0800 10200; volvemos a escribirle a las 10:30.",
		"Lo sentimos. Llame al 900 100 200 (España) / 0800 10200 (Perú); volvemos a escribirle a las 16:30 (10:30 en Perú).",
	}
	if len(view.shown) != len(want) {
		t.Fatalf("%d injects shown, want %d", len(view.shown), len(want))
	}
	for i, w := range want {
		if got := view.shown[i].draft; !strings.Contains(got, w) || !strings.Contains(got, "[SIMULACRO]") {
			t.Errorf("inject %d drafted %q, want %q marked as a drill", i, got, w)
		}
	}
}
