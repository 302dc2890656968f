package lint

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/genmanual"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The value tables give each playbook, in each locale, what
// worstValues.value gives it, variable by variable: on a generated manual
// (places, cadences and locales varied) and on one where a playbook
// declares a variable twice, declares a built-in one, and overrides the
// manual's.
func TestValueTablesMatchWorstValues(t *testing.T) {
	gen := memFS{}
	if err := genmanual.Generate(gen, genmanual.Options{Playbooks: 40, Locales: 4}); err != nil {
		t.Fatal(err)
	}
	twice := build(t)
	twice["playbooks/zz-down.yaml"] = strings.Replace(basePlaybook, "variables:\n", `variables:
  - name: status_url
    description: Its own page
    example: zz.example
    max_length: 40
  - name: platform
    description: Declared twice, the first counts
    example: Zed
    max_length: 30
  - name: update_minutes
    description: A built-in one, declared
    example: "7"
    type: count
`, 1)
	for name, fsys := range map[string]fstest.MapFS{"generated": fstest.MapFS(gen), "declared twice": mapFS(twice)} {
		m, _, err := manual.Load(fsys, "m")
		if err != nil {
			t.Fatal(err)
		}
		f := newFacts(m)
		tables := f.tables()
		if len(tables.names) == 0 || len(tables.byLocale) == 0 {
			t.Fatalf("%s: no tables", name)
		}
		for loc := range tables.byLocale {
			for _, p := range m.Playbooks {
				lt, row := tables.row(p, loc)
				if row < 0 {
					t.Fatalf("%s: %s has no row in %s", name, p.ID, loc)
				}
				for j, n := range tables.names {
					want, ok := f.worst.value(p, n, loc)
					if !ok {
						want = fitValue{}
					}
					if got := lt.rows[row][j]; got != want {
						t.Errorf("%s: %s in %s: %s = %+v, want %+v", name, p.ID, loc, n, got, want)
					}
				}
			}
		}
	}
}
