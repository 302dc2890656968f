package drill_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crisis-cli/crisis/internal/drill"
	"github.com/crisis-cli/crisis/internal/manual"
)

// The quiz's SMS texts are filled as the market reading them gets them:
// its own customer line, and its own clock at the quiz's instant, 17:40 on
// 4 October 2026 in Madrid (summer time, UTC+2): 16:40 in the Canaries and
// Lisbon (UTC+1), 17:40 in Warsaw, 10:40 in Lima (UTC-5); the next update
// an hour later. Worked out by hand from the markets' zones.
var quizMarkets = []struct {
	name, phone string
	clocks      []string
}{
	{"España/Canarias", "900 100 200", []string{"17:40", "18:40", "16:40", "17:40"}},
	{"Portugal", "800 100 200", []string{"16:40", "17:40"}},
	{"Polska", "800 300 400", []string{"17:40", "18:40"}},
	{"Perú", "0800 10200", []string{"10:40", "11:40"}},
}

func TestQuizSMSInTheMarketsOwnFacts(t *testing.T) {
	m, _ := example(t)
	const prefix = "How many SMS segments is this text?\n  "
	clockRE := regexp.MustCompile(`\b\d?\d:\d\d\b`)
	seen := map[string]bool{}
	for _, p := range m.Playbooks {
		for seed := uint64(0); seed < 8; seed++ {
			for _, q := range drill.Quiz(m, p, 6, seed, english) {
				if !strings.HasPrefix(q.Text, prefix) {
					continue
				}
				text, err := strconv.Unquote(strings.TrimPrefix(q.Text, prefix))
				if err != nil {
					t.Fatalf("%s: %v", q.Text, err)
				}
				var in []int
				for i, mk := range quizMarkets {
					if regexp.MustCompile(`(^|[^0-9])` + regexp.QuoteMeta(mk.phone) + `($|[^0-9])`).MatchString(text) {
						in = append(in, i)
					}
				}
				if len(in) > 1 {
					t.Errorf("%s: several markets' lines in one SMS: %s", p.ID, text)
				}
				if len(in) != 1 {
					continue
				}
				mk := quizMarkets[in[0]]
				seen[mk.name] = true
				for _, c := range clockRE.FindAllString(text, -1) {
					if !slices.Contains(mk.clocks, c) {
						t.Errorf("%s: SMS for %s names %s, not its clock (%v): %s", p.ID, mk.name, c, mk.clocks, text)
					}
				}
			}
		}
	}
	for _, mk := range quizMarkets {
		if !seen[mk.name] {
			t.Errorf("no SMS question with %s's line %s", mk.name, mk.phone)
		}
	}
}

// In testdata/markets, with an SMS variant of the holding message, the
// quiz's SMS for Spain names the next update at 18:40 (Madrid, an hour
// after 17:40) and the one for the Canaries at 17:40, each read alone,
// never the two zones joined in one text.
func TestQuizSMSInTheMarketsZone(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "markets")
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, path))
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	es := string(fsys["templates/es.yaml"].Data)
	es = strings.Replace(es, "staff-holding:\n", "  sms:\n    other: \"Rioverde: Facebook no funciona. Novedades a las {{.next_update}}. Tel. {{.support_phone}}\"\nstaff-holding:\n", 1)
	fsys["templates/es.yaml"] = &fstest.MapFile{Data: []byte(es)}
	m, diags, err := manual.Load(fsys, "markets")
	if err != nil || len(diags) > 0 {
		t.Fatalf("load: %v %v", err, diags)
	}
	seen := map[string]bool{}
	for seed := uint64(0); seed < 16; seed++ {
		for _, q := range drill.Quiz(m, m.Playbook("facebook-down"), 6, seed, english) {
			if strings.Contains(q.Text, "Novedades a las") {
				for _, want := range []string{"18:40", "17:40"} {
					if strings.Contains(q.Text, "a las "+want+". Tel. 900 100 200") {
						seen[want] = true
					}
				}
				if strings.Contains(q.Text, "España") {
					t.Errorf("one market's SMS names several: %s", q.Text)
				}
			}
		}
	}
	if !seen["18:40"] || !seen["17:40"] {
		t.Errorf("SMS questions name the next update at %v; want 18:40 (Spain) and 17:40 (Canaries)", seen)
	}
}
