package runbook_test

import (
	"os"
	"path/filepath"
	"slices"
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
	asked := func() []string {
		got, err := runbook.NeededVars(m, p)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, v := range got {
			names = append(names, v.Name)
		}
		return names
	}
	if got := asked(); !slices.Equal(got, []string{"closed_stores"}) {
		t.Errorf("needed %v; want closed_stores alone", got)
	}
	m.Markets = nil
	if got := asked(); !slices.Equal(got, []string{"closed_stores", "support_phone"}) {
		t.Errorf("without markets, needed %v; want closed_stores and support_phone", got)
	}
}
