package runbook_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/runbook"
)

// A run does not ask for a required per-market fact: each market gives it.
func TestNeededVarsFromMarkets(t *testing.T) {
	m, diags, err := manual.Load(os.DirFS(filepath.Join("..", "..", "testdata", "markets")), "markets")
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	m.Variables[0].Required = true // support_phone, per market
	p := m.Playbook("facebook-down")
	if got, err := runbook.NeededVars(m, p); err != nil || len(got) != 0 {
		t.Errorf("needed %v, %v; want none", got, err)
	}
	m.Markets = nil
	if got, _ := runbook.NeededVars(m, p); len(got) != 1 || got[0].Name != "support_phone" {
		t.Errorf("without markets, needed %v; want support_phone", got)
	}
}
