package twittertext

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestV3MatchesPublishedConfig checks the transcribed V3 against
// twitter-text's config/v3.json.
func TestV3MatchesPublishedConfig(t *testing.T) {
	raw, err := os.ReadFile("testdata/config-v3.json")
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Version                int  `json:"version"`
		MaxWeightedTweetLength int  `json:"maxWeightedTweetLength"`
		Scale                  int  `json:"scale"`
		DefaultWeight          int  `json:"defaultWeight"`
		EmojiParsingEnabled    bool `json:"emojiParsingEnabled"`
		TransformedURLLength   int  `json:"transformedURLLength"`
		Ranges                 []struct {
			Start  rune `json:"start"`
			End    rune `json:"end"`
			Weight int  `json:"weight"`
		} `json:"ranges"`
	}
	if err := json.Unmarshal(raw, &j); err != nil {
		t.Fatal(err)
	}
	want := Config{Version: j.Version, MaxWeightedLength: j.MaxWeightedTweetLength, Scale: j.Scale,
		DefaultWeight: j.DefaultWeight, EmojiParsing: j.EmojiParsingEnabled, TransformedURLLength: j.TransformedURLLength}
	for _, r := range j.Ranges {
		want.Ranges = append(want.Ranges, WeightRange{Start: r.Start, End: r.End, Weight: r.Weight})
	}
	if !reflect.DeepEqual(V3, want) {
		t.Errorf("V3 = %+v\nconfig/v3.json = %+v", V3, want)
	}
}
