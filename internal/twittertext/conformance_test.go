package twittertext

import (
	"os"
	"slices"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The conformance suites of twitter-text, vendored unchanged in testdata
// (see testdata/SOURCE.md). Every case of every section this package
// implements runs; the sections it does not implement are listed in
// skippedSections with the reason.

// suite is the layout of validate.yml, extract.yml and tlds.yml.
type suite struct {
	Tests map[string][]yaml.Node `yaml:"tests"`
}

// testCase is one case; Expected is decoded per section.
type testCase struct {
	Description string    `yaml:"description"`
	Text        string    `yaml:"text"`
	Expected    yaml.Node `yaml:"expected"`
}

// skippedSections are the sections of the suites that do not concern the
// length of a post or the URLs in it: mentions, replies, hashtags, cashtags
// and the username, list and hashtag validators. Nothing in crisis counts or
// links them differently from plain text on X.
var skippedSections = map[string]bool{
	"validate.yml/usernames": true, "validate.yml/lists": true, "validate.yml/hashtags": true,
	"extract.yml/mentions": true, "extract.yml/mentions_with_indices": true,
	"extract.yml/mentions_or_lists_with_indices": true, "extract.yml/replies": true,
	"extract.yml/hashtags": true, "extract.yml/hashtags_from_astral": true,
	"extract.yml/hashtags_with_indices": true, "extract.yml/cashtags": true,
	"extract.yml/cashtags_with_indices": true,
}

// loadSuite reads a vendored suite and returns its cases by section.
func loadSuite(t *testing.T, name string) map[string][]testCase {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var s suite
	if err := yaml.Unmarshal(raw, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string][]testCase{}
	for section, nodes := range s.Tests {
		for _, n := range nodes {
			var c testCase
			if err := n.Decode(&c); err != nil {
				t.Fatalf("%s/%s line %d: %v", name, section, n.Line, err)
			}
			out[section] = append(out[section], c)
		}
	}
	return out
}

// runSections runs every section of a suite with the checker registered for
// it, failing on a section that has neither a checker nor a reason to skip.
func runSections(t *testing.T, name string, checkers map[string]func(*testing.T, testCase)) {
	total := 0
	for section, cases := range loadSuite(t, name) {
		check, ok := checkers[section]
		if !ok {
			if !skippedSections[name+"/"+section] {
				t.Errorf("%s: section %s is neither checked nor skipped with a reason", name, section)
			}
			continue
		}
		t.Run(section, func(t *testing.T) {
			for _, c := range cases {
				check(t, c)
			}
		})
		total += len(cases)
	}
	t.Logf("%s: %d cases run", name, total)
}

func TestValidateConformance(t *testing.T) {
	weighted := func(cfg Config) func(*testing.T, testCase) {
		return func(t *testing.T, c testCase) {
			var want struct {
				WeightedLength    int  `yaml:"weightedLength"`
				Valid             bool `yaml:"valid"`
				Permillage        int  `yaml:"permillage"`
				DisplayRangeStart int  `yaml:"displayRangeStart"`
				DisplayRangeEnd   int  `yaml:"displayRangeEnd"`
				ValidRangeStart   int  `yaml:"validRangeStart"`
				ValidRangeEnd     int  `yaml:"validRangeEnd"`
			}
			decodeExpected(t, c, &want)
			r := Parse(c.Text, cfg)
			got := want
			got.WeightedLength, got.Valid, got.Permillage = r.WeightedLength, r.Valid, r.Permillage
			got.DisplayRangeStart, got.DisplayRangeEnd = r.DisplayRangeStart, r.DisplayRangeEnd
			got.ValidRangeStart, got.ValidRangeEnd = r.ValidRangeStart, r.ValidRangeEnd
			if got != want {
				t.Errorf("%s: %q\n got %+v\nwant %+v", c.Description, c.Text, got, want)
			}
		}
	}
	validity := func(f func(string) bool) func(*testing.T, testCase) {
		return func(t *testing.T, c testCase) {
			var want bool
			decodeExpected(t, c, &want)
			if got := f(c.Text); got != want {
				t.Errorf("%s: %q: got %v, want %v", c.Description, c.Text, got, want)
			}
		}
	}
	runSections(t, "validate.yml", map[string]func(*testing.T, testCase){
		// twitter-text runs these with the legacy 140-character count.
		"tweets":                    validity(func(s string) bool { return Parse(s, V1).Valid }),
		"urls":                      validity(func(s string) bool { return IsValidURL(s, true, true) }),
		"urls_without_protocol":     validity(func(s string) bool { return IsValidURL(s, true, false) }),
		"WeightedTweetsCounterTest": weighted(V2),
		"WeightedTweetsWithDiscountedEmojiCounterTest": weighted(V3),
		"UnicodeDirectionalMarkerCounterTest":          weighted(V3),
	})
}

func TestExtractConformance(t *testing.T) {
	urls := func(t *testing.T, c testCase) {
		var want []string
		decodeExpected(t, c, &want)
		var got []string
		for _, sp := range ExtractURLs(c.Text) {
			got = append(got, c.Text[sp.Start:sp.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q\n got %q\nwant %q", c.Description, c.Text, got, want)
		}
	}
	withIndices := func(t *testing.T, c testCase) {
		type entity struct {
			URL     string `yaml:"url"`
			Indices [2]int `yaml:"indices"`
		}
		var want []entity
		decodeExpected(t, c, &want)
		var got []entity
		for _, sp := range ExtractURLs(c.Text) {
			// twitter-text reports indices in code points.
			got = append(got, entity{c.Text[sp.Start:sp.End], [2]int{
				utf8.RuneCountInString(c.Text[:sp.Start]), utf8.RuneCountInString(c.Text[:sp.End])}})
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q\n got %v\nwant %v", c.Description, c.Text, got, want)
		}
	}
	runSections(t, "extract.yml", map[string]func(*testing.T, testCase){
		"urls":                          urls,
		"urls_with_indices":             withIndices,
		"urls_with_directional_markers": withIndices,
		"tco_urls_with_params":          urls,
	})
	runSections(t, "tlds.yml", map[string]func(*testing.T, testCase){
		"country": urls,
		"generic": urls,
	})
}

func decodeExpected(t *testing.T, c testCase, v any) {
	t.Helper()
	if err := c.Expected.Decode(v); err != nil {
		t.Fatalf("%s: expected at line %d: %v", c.Description, c.Expected.Line, err)
	}
}
