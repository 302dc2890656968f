package drill_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crisis-cli/crisis/internal/drill"
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
