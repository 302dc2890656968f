package twittertext

// Config is a twitter-text weighting configuration (config/v*.json).
// Weights are in units of 1/Scale characters.
type Config struct {
	Version              int
	MaxWeightedLength    int // maxWeightedTweetLength
	Scale                int
	DefaultWeight        int
	EmojiParsing         bool // emojiParsingEnabled: an emoji sequence weighs DefaultWeight
	TransformedURLLength int  // what every URL counts, in characters
	Ranges               []WeightRange
}

// WeightRange gives the code points Start..End (inclusive) the weight Weight.
type WeightRange struct {
	Start, End rune
	Weight     int
}

// latinAndPunctuation are the ranges v2 and v3 weigh 1: Latin, Greek,
// Cyrillic and the other scripts up to U+10FF, general punctuation spaces,
// dashes, quotes and primes.
var latinAndPunctuation = []WeightRange{
	{Start: 0, End: 4351, Weight: 100},
	{Start: 8192, End: 8205, Weight: 100},
	{Start: 8208, End: 8223, Weight: 100},
	{Start: 8242, End: 8247, Weight: 100},
}

// The published configurations, transcribed from twitter-text's
// config/v1.json, v2.json and v3.json (config_test.go checks V3 against the
// vendored testdata/config-v3.json). V3 is what X uses today.
var (
	// V1 is the original 140-character count: every code point 1.
	V1 = Config{Version: 1, MaxWeightedLength: 140, Scale: 1, DefaultWeight: 1, TransformedURLLength: 23}
	// V2 introduced 280 weighted characters, CJK and most symbols 2.
	V2 = Config{Version: 2, MaxWeightedLength: 280, Scale: 100, DefaultWeight: 200, TransformedURLLength: 23,
		Ranges: latinAndPunctuation}
	// V3 adds emoji parsing: an emoji sequence counts 2 whatever its length.
	V3 = Config{Version: 3, MaxWeightedLength: 280, Scale: 100, DefaultWeight: 200, EmojiParsing: true,
		TransformedURLLength: 23, Ranges: latinAndPunctuation}
)

// weight is the weight of code point r, in 1/Scale units.
func (c *Config) weight(r rune) int {
	for _, wr := range c.Ranges {
		if r >= wr.Start && r <= wr.End {
			return wr.Weight
		}
	}
	return c.DefaultWeight
}
